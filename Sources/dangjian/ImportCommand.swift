import ArgumentParser
import Dangjian
import Foundation

struct ImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: "把 Word 文档（.docx，装有 LibreOffice 时也可 .doc、.wps）导入为条目，每个文档一篇，图片放在条目旁边。",
            discussion: """
            可以给一个或几个文档，也可以给文件夹（包括其中的子文件夹）。标题取文档的第一个标题（或文件名），日期取文件名
            或正文开头的“2024年3月6日”，主讲人等取正文开头的“主讲人：…”；命令行选项优先。已有的文件从不覆盖，
            再次导入同一文件夹只会补上没导入过的文档。导入后会列出每篇还需要填写的字段。

            例：dangjian import 晨学稿/ --as talk --series 理论摘编 --branch jiguan-1
            """)
    }

    @Option(name: .customLong("as"), help: ArgumentHelp("导入为哪种条目：" + KindCatalog.standard.kinds.map { "\($0.id)（\($0.name)）" }
        .joined(separator: "、") + "。", valueName: "类型"))
    var kind: String
    @OptionGroup var site: SiteOptions
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp(
        "Word 文档或文件夹，以及字段选项：--date、--tags 和该类型的字段（如 --speaker 王建华 --series 理论摘编）。", valueName: "文件或文件夹"))
    var words: [String] = []

    func run() throws {
        let catalog = KindCatalog.standard
        guard let entryKind = catalog.kind(id: kind) else {
            try fail([ScaffoldError.unknownKind(value: kind, kinds: catalog.kinds.map(\.id), command: "import").diagnostic])
        }
        let (paths, options) = split(words)
        guard !paths.isEmpty else { throw ValidationError("请给出要导入的 Word 文档或文件夹") }
        var values: [String: String] = [:]
        var fieldWords: [String] = []
        var index = 0
        while index < options.count {
            let name = options[index].split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            if ["--date", "--tags"].contains(name) {
                values[String(name.dropFirst(2))] = options[index].contains("=")
                    ? String(options[index].split(separator: "=", maxSplits: 1)[1]) : options[safe: index + 1] ?? ""
                index += options[index].contains("=") ? 1 : 2
            } else {
                fieldWords.append(options[index])
                index += 1
            }
        }
        switch FieldOptions.parse(fieldWords, for: entryKind) {
        case let .success(given): values.merge(given) { _, new in new }
        case let .failure(problem): try fail([problem.diagnostic])
        }
        let request = ImportRequest(kind: entryKind, sources: paths.map { URL(fileURLWithPath: $0) }, values: values)
        let display = ProgressDisplay(label: "正在转换文档")
        let report = WordImporter.run(request, root: site.rootURL, catalog: catalog) { done, total in
            display.update(done: done, total: total)
        }
        display.finish()
        Console.print(report.diagnostics, quiet: false)
        if report.written.isEmpty && report.found == 0 && !report.errors.isEmpty { try fail([]) }
        summarize(report, kind: entryKind)
        if !report.errors.isEmpty { throw ExitCode(1) }
    }

    /// Paths, and `--name value` words (a word after an option is its value).
    private func split(_ words: [String]) -> ([String], [String]) {
        var paths: [String] = []
        var options: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            if word.hasPrefix("--") {
                options.append(word)
                if !word.contains("="), index + 1 < words.count {
                    options.append(words[index + 1])
                    index += 1
                }
            } else {
                paths.append(word)
            }
            index += 1
        }
        return (paths, options)
    }

    private func summarize(_ report: ImportReport, kind: EntryKind) {
        let pictures = report.written.reduce(0) { $0 + $1.pictures }
        let skipped = report.found - report.written.count
        Console.line("导入完毕：共 \(report.found) 个文件，导入\(kind.name) \(report.written.count) \(kind.unit)（图片 \(pictures) 张），"
            + "未导入 \(skipped) 个；\(DiagnosticFormatter.summary(report.diagnostics))。")
        let toFill = report.written.filter { !$0.toFill.isEmpty }
        // Empty required fields are listed by name already; what else check finds is listed as it says it.
        let problems = Dictionary(grouping: report.checkProblems.filter { $0.isError && $0.code != "missing-field" }, by: \.file)
        let warnings = report.checkProblems.filter { !$0.isError }.count
        if warnings > 0 {
            Console.line("检查导入的条目：\(warnings) 个警告（多为从 Word、PDF 粘贴留下的痕迹），运行 dangjian check 查看，dangjian tidy 可自动修正大部分。")
        }
        guard !toFill.isEmpty || !problems.isEmpty else {
            if !report.written.isEmpty { Console.line("导入的条目都已通过检查，可以运行 dangjian build 生成网站。") }
            return
        }
        Console.line("以下条目还需补充（补好后运行 dangjian check 检查）：")
        for written in report.written where !written.toFill.isEmpty || problems[written.path] != nil {
            let needs = written.toFill + (problems[written.path] ?? []).map(\.message)
            Console.line("  \(written.path)：\(needs.joined(separator: "、"))")
        }
    }

    private func fail(_ diagnostics: [Diagnostic]) throws -> Never {
        Console.print(diagnostics, quiet: false)
        Console.line("未导入任何文档。", error: true)
        throw ExitCode(1)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
