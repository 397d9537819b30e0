import ArgumentParser
import Dangjian
import Foundation

struct TidyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tidy",
        abstract: "整理从 Word、PDF 粘贴来的文字：删去汉字间的空格，中文句子里的半角标点改为全角，项目符号改为列表，删去目录行。",
        discussion: """
        可以给一个或几个 .md 文件，也可以给文件夹（整理其中全部 .md 文件）。前置信息原样保留；原文件保存为“文件名.md.orig”
        （已有 .orig 的保留最早的那份）。在句子中间断开的段落默认只提示，加 --join-paragraphs 才合并。

        例：dangjian tidy content/talks/2024/03/06-jia-feng.md
        """)

    @Argument(help: ArgumentHelp("要整理的 .md 文件或文件夹。", valueName: "文件或文件夹")) var paths: [String]
    @Flag(name: .long, help: "只显示会改什么，不改文件。") var dryRun = false
    @Flag(name: .long, help: "不保留原文件（默认保存为 文件名.md.orig）。") var noBackup = false
    @Flag(name: .long, help: "同时合并在句子中间断开的段落（请先用 --dry-run 看看）。") var joinParagraphs = false

    func run() throws {
        var options = Tidy.Options()
        options.dryRun = dryRun
        options.keepOriginals = !noBackup
        options.joinParagraphs = joinParagraphs
        let results = Tidy.run(paths.map { URL(fileURLWithPath: $0) }, options: options)
        var changed = 0, changes = 0, leftAlone = 0
        for result in results {
            if let problem = result.problem {
                Console.print([problem], quiet: false)
                continue
            }
            leftAlone += result.leftAlone
            guard !result.changes.isEmpty else { continue }
            changed += 1
            changes += result.changes.count
            let kept = result.original.map { "，原文件保存为 \($0)" } ?? ""
            Console.line("\(result.file)：\(dryRun ? "将修正" : "修正") \(result.changes.count) 处\(kept)")
            for change in result.changes { Console.line("  第 \(change.line) 行第 \(change.column) 列：\(change.description)") }
        }
        let rest = leftAlone > 0 ? "；另有 \(leftAlone) 处需要人工判断（运行 dangjian check 查看）" : ""
        Console.line("整理完毕：\(results.count) 个文件中，\(changed) 个文件\(dryRun ? "将修正" : "修正了") \(changes) 处\(rest)。")
        if results.contains(where: { $0.problem != nil }) { throw ExitCode(1) }
    }
}
