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
        text = text.replacingOccurrences(of: #"\(values: ([^;)]*);\s+default: ([^)]*)\)"#, with: "（可选：$1；默认：$2）", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\(values: ([^)]*)\)"#, with: "（可选：$1）", options: .regularExpression)
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

    /// A usage error in Chinese: what is wrong and what to type instead. Every message form of
    /// swift-argument-parser is matched (its did-you-mean kept); one not known is shown as it is.
    static func error(_ english: String) -> String {
        let message = english.hasPrefix("Error: ") ? String(english.dropFirst(7)) : english
        let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
        if let invalid = invalidValue(message) { return invalid }
        for (pattern, chinese) in errorForms {
            guard let regex = try? Regex(pattern), let match = firstLine.wholeMatch(of: regex) else { continue }
            let captured = (1..<match.output.count).map { match.output[$0].substring.map(String.init) ?? "" }
            return chinese(captured)
        }
        return firstLine
    }

    /// The parser's messages (UsageGenerator.swift's ErrorMessageGenerator) and their Chinese.
    private static let errorForms: [(String, @Sendable ([String]) -> String)] = [
        (#"Unknown option '(.+)'\. Did you mean '(.+)'\?"#, { "没有选项“\($0[0])”，是否为“\($0[1])”？" }),
        (#"Unknown option '(.+)'"#, { "没有选项“\($0[0])”" }),
        (#"Unexpected argument '(.+)'"#, { "多余的参数“\($0[0])”（含空格的标题等请用英文引号括起来）" }),
        (#"\d+ unexpected arguments: '(.+)'"#, {
            "多余的参数“\($0[0].replacingOccurrences(of: "', '", with: "”“"))”（含空格的标题等请用英文引号括起来）"
        }),
        (#"Missing expected argument '(.+)'"#, { "缺少参数 \($0[0])" }),
        (#"Missing one of: '(.+)'"#, { "缺少参数，应为 \($0[0].replacingOccurrences(of: "', '", with: " 或 ")) 之一" }),
        (#"Missing value for '(\S+)(?: <(.+)>)?'"#, { "选项 \($0[0]) 后面缺少值" + ($0[1].isEmpty ? "" : "（\($0[1])）") }),
        (#"The option '(.+)' does not take any value, but '(.*)' was specified\."#, { "选项 \($0[0]) 后面不带值，却写了“\($0[1])”" }),
        (#"Value to be set with flag '(.+?)'.* had already been set with .*"#, { "选项 \($0[0]) 写了两次" }),
        (#"Missing required subcommand\."#, { _ in "缺少命令" }),
        (#"Invalid option: (.+)"#, { "无效的选项“\($0[0])”" }),
    ]

    /// `The value 'jsno' is invalid for '--format <格式>'. Please provide one of 'text' and 'json'.` (or
    /// the same with a bulleted list of values, or with the value type's own reason after a colon).
    private static func invalidValue(_ message: String) -> String? {
        guard let match = message.firstMatch(of: #/^The value '(.*?)' is invalid(?: for '(\S+)[^']*')?/#) else { return nil }
        let value = String(match.output.1)
        let wrong = match.output.2.map { "“\(value)”不是 \($0) 的有效值" } ?? "“\(value)”不是有效的值"
        let rest = message[match.range.upperBound...]
        guard let list = rest.range(of: "Please provide one of") else { return wrong }
        let listed = rest[list.upperBound...]
        let choices = listed.contains("\n")
            ? listed.split(separator: "\n").dropFirst().map { String($0.drop { $0 == " " || $0 == "-" }) }
            : listed.matches(of: #/'([^']*)'/#).map { String($0.output.1) }
        let guess = Suggestion.closest(to: value, among: choices).map { "，是否为“\($0)”？" } ?? "；"
        return wrong + guess + "可选的值：\(choices.joined(separator: "、"))"
    }

    /// The help to read after a usage error: the command's own when the mistake was in one.
    static func helpHint(_ arguments: [String], commands: [String]) -> String {
        guard let first = arguments.first, commands.contains(first) else { return "请运行 dangjian --help 查看用法。" }
        return "请运行 dangjian \(first) --help 查看用法。"
    }

    /// `bild` → 未知命令“bild”，是否为“build”？ when the first word is not a command.
    static func unknownCommand(_ arguments: [String], commands: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first), first != "help" else { return nil }
        let hint = Suggestion.closest(to: first, among: commands).map { "，是否为“\($0)”？" } ?? "。"
        return "未知命令“\(first)”\(hint)可用的命令：\(commands.joined(separator: "、"))"
    }
}
