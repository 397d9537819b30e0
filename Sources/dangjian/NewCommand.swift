import ArgumentParser
import Dangjian
import Foundation

struct NewCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "new",
            abstract: "新建一篇条目文件（" + KindCatalog.standard.kinds.map(\.shortName).joined(separator: "、") + "），前置信息自动填好。",
            discussion: "各类型可用的字段选项：\n" + KindCatalog.standard.kinds.map(describe).joined(separator: "\n")
                + "\n\n例：dangjian new talk \"家风是最好的传承\" --speaker 王建华 --series 伦理典故 --tags 家风建设,廉洁自律")
    }

    @Argument(help: ArgumentHelp("类型：" + KindCatalog.standard.kinds.map { "\($0.id)（\($0.name)）" }.joined(separator: "、") + "。",
                                 valueName: "类型"))
    var kind: String
    @Argument(help: ArgumentHelp("标题。", valueName: "标题")) var title: String
    @OptionGroup var site: SiteOptions
    @Option(help: ArgumentHelp("日期，默认今天，例如 2026-11-24。", valueName: "日期")) var date: String?
    @Option(help: ArgumentHelp("标签，用逗号分隔。", valueName: "标签")) var tags: String?
    @Option(help: ArgumentHelp("文件名中的网址名（小写英文字母、数字、连字符），默认由标题转成拼音。", valueName: "网址名")) var slug: String?
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("该类型的字段，如 --speaker 王建华（见下方说明）。", valueName: "字段选项"))
    var fieldOptions: [String] = []

    func run() throws {
        let catalog = KindCatalog.standard
        guard let entryKind = catalog.kind(id: kind) else {
            try fail([ScaffoldError.unknownKind(value: kind, kinds: catalog.kinds.map(\.id), command: "new").diagnostic])
        }
        var values: [String: String] = [:]
        for (key, value) in [("date", date), ("tags", tags), ("slug", slug)] { if let value { values[key] = value } }
        switch FieldOptions.parse(fieldOptions, for: entryKind) {
        case let .success(given): values.merge(given, uniquingKeysWith: { _, new in new })
        case let .failure(problem): try fail([problem.diagnostic])
        }
        let request = NewEntryRequest(kind: entryKind, title: title, values: values)
        let prompter: ScaffoldPrompter? = isatty(0) == 1 ? TerminalPrompter() : nil
        switch EntryScaffold.create(request, root: site.rootURL, catalog: catalog, prompter: prompter) {
        case let .success(path):
            Console.line("已新建 \(path)")
        case let .failure(failure):
            try fail(failure.diagnostics)
        }
    }

    private func fail(_ diagnostics: [Diagnostic]) throws -> Never {
        Console.print(diagnostics, quiet: false)
        Console.line("未写入任何文件。", error: true)
        throw ExitCode(1)
    }

    /// `talk（晨学三分钟）：--speaker 主讲人（必填）、--series 系列（必填）…`
    private static func describe(_ kind: EntryKind) -> String {
        let options = kind.fields.map { "--\($0.name) \($0.label)\($0.isRequired ? "（必填）" : "")" }
        return "  \(kind.id)（\(kind.name)）：" + (options.isEmpty ? "无" : options.joined(separator: "、"))
    }
}

/// `--name value` and `--name=value` pairs naming fields of a kind.
enum FieldOptions {
    static func parse(_ words: [String], for kind: EntryKind) -> Result<[String: String], ScaffoldError> {
        var values: [String: String] = [:]
        var index = 0
        let names = kind.fields.map(\.name)
        while index < words.count {
            let word = words[index]
            guard word.hasPrefix("--") else { return .failure(.unknownOption(option: word, kind: kind.name, fields: names)) }
            var name = String(word.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard names.contains(name) else { return .failure(.unknownOption(option: "--" + name, kind: kind.name, fields: names)) }
            if value == nil, index + 1 < words.count {
                index += 1
                value = words[index]
            }
            guard let value else { return .failure(.missingValue(option: "--" + name, label: kind.field(name)?.label ?? name, choices: [])) }
            values[name] = value
            index += 1
        }
        return .success(values)
    }
}

/// Asks on the terminal, offering numbered choices.
struct TerminalPrompter: ScaffoldPrompter {
    func choose(_ question: String, from choices: [String]) -> String? {
        Console.line(question)
        for (number, choice) in choices.enumerated() { Console.line("  \(number + 1). \(choice)") }
        if !choices.isEmpty { Console.line("请输入序号或名称：") }
        guard let answer = readLine()?.trimmingCharacters(in: .whitespaces), !answer.isEmpty else { return nil }
        if let number = Int(answer), (1...choices.count).contains(number) { return choices[number - 1] }
        return answer
    }
}
