import ArgumentParser
import Dangjian
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "导出某一年的台账（Excel 工作簿，每类条目一张表）。",
        discussion: "例：dangjian export --year 2024（写入当前文件夹的 台账-2024.xlsx）")

    @OptionGroup var site: SiteOptions
    @Option(help: ArgumentHelp("年份，例如 2024。", valueName: "年份")) var year: Int
    @Option(help: ArgumentHelp("写入的文件，默认为当前文件夹中的 台账-年份.xlsx。", valueName: "文件")) var output: String?

    func run() throws {
        let target = URL(fileURLWithPath: output ?? LedgerExport.defaultName(year: year)).standardizedFileURL
        let report = LedgerExport.export(root: site.rootURL, year: year, to: target)
        // Errors one by one; warnings (thousands on a big site) only counted: they do not stop an export.
        Console.print(report.diagnostics, quiet: true)
        let warnings = report.diagnostics.filter { !$0.isError }.count
        let warningLine = "检查网站内容时另有 \(warnings) 个警告（不影响导出），运行 dangjian check 查看。"
        guard let written = report.written else {
            Console.line("导出失败，未写入任何文件。", error: true)
            if warnings > 0 { Console.line(warningLine, error: true) }
            throw ExitCode(1)
        }
        let sheets = report.sheets.map { "\($0.name) \($0.rows) 条" }.joined(separator: "、")
        Console.line("已导出 \(year) 年台账（\(sheets)）→ \(written.path)")
        if warnings > 0 { Console.line(warningLine) }
    }
}
