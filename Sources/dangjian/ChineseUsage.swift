import ArgumentParser
import Dangjian
import Foundation

/// swift-argument-parser writes its help and its usage errors in English; people here read Chinese.
/// Its fixed phrases are put into Chinese, and a mistyped command gets a did-you-mean.
enum ChineseUsage {
    /// The help text with the parser's headings and phrases in Chinese.
    static func help(_ english: String) -> String {
        var text = english
        for (phrase, chinese) in helpPhrases { text = text.replacingOccurrences(of: phrase, with: chinese) }
        text = text.replacingOccurrences(of: #"\(default: ([^)]*)\)"#, with: "（默认：$1）", options: .regularExpression)
        return text
    }

    private static let helpPhrases: [(String, String)] = [
        ("OVERVIEW:", "说明："), ("USAGE:", "用法："), ("ARGUMENTS:", "参数："), ("OPTIONS:", "选项："),
        ("SUBCOMMANDS:", "命令："), ("Show help information.", "显示本帮助。"), ("Show the version.", "显示版本。"),
        ("<subcommand>", "<命令>"),
        ("  See 'dangjian help <命令>' for detailed help.", "  运行 dangjian <命令> --help 查看每个命令的用法。"),
        ("  See 'dangjian help <subcommand>' for detailed help.", "  运行 dangjian <命令> --help 查看每个命令的用法。"),
        ("(default)", "（默认）"),
    ]

    /// A usage error in Chinese: what is wrong and what to type instead.
    static func error(_ english: String) -> String {
        let patterns: [(String, (String) -> String)] = [
            (#"^Unknown option '(.+)'$"#, { "没有选项“\($0)”" }),
            (#"^Unexpected argument '(.+)'$"#, { "多余的参数“\($0)”" }),
            (#"^Missing expected argument '(.+)'$"#, { "缺少参数 \($0)" }),
            (#"^Missing value for '(.+)'$"#, { "选项 \($0) 后面缺少值" }),
            (#"^The value '(.+)' is invalid for '(.+)'$"#, { "“\($0)”不是有效的值" }),
            (#"^Value to be set with flag '(.+)' had already been set.*$"#, { "选项 \($0) 写了两次" }),
        ]
        let line = english.split(separator: "\n").first.map(String.init) ?? english
        let cleaned = line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line
        for (pattern, chinese) in patterns {
            guard let regex = try? Regex(pattern), let match = cleaned.firstMatch(of: regex),
                  let captured = match.output[1].substring else { continue }
            return chinese(String(captured))
        }
        return cleaned
    }

    /// `bild` → 未知命令“bild”，是否为“build”？ when the first word is not a command.
    static func unknownCommand(_ arguments: [String], commands: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first), first != "help" else { return nil }
        let hint = Suggestion.closest(to: first, among: commands).map { "，是否为“\($0)”？" } ?? "。"
        return "未知命令“\(first)”\(hint)可用的命令：\(commands.joined(separator: "、"))"
    }
}
