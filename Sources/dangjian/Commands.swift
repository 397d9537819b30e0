import ArgumentParser
import Dangjian
import Foundation

struct DangjianCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dangjian",
        abstract: "党建品牌展示静态网站生成器：把 content/ 中的 Markdown 文件生成为 site/ 网站。",
        version: DangjianVersion.current,
        subcommands: [InitCommand.self, NewCommand.self, ImportCommand.self, TidyCommand.self, CheckCommand.self,
                      BuildCommand.self, ServeCommand.self, PrintCommand.self, ExportCommand.self]
    )
}

/// Options every command shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("站点根目录（包含 content/ 与 templates/ 的文件夹），默认为当前文件夹。", valueName: "文件夹"))
    var root: String = "."

    var rootURL: URL { URL(fileURLWithPath: root).standardizedFileURL }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "生成网站到 site/。")

    @OptionGroup var site: SiteOptions
    @Option(name: .long, help: ArgumentHelp("输出文件夹，默认为站点根目录中的 site。", valueName: "文件夹")) var output: String?
    @Flag(name: .long, help: "同时发布草稿（draft: true）。") var drafts = false
    @Flag(name: .long, help: "同时发布日期在今天之后的条目。") var future = false
    @Flag(name: .long, help: "只显示错误。") var quiet = false
    @Flag(name: .long, help: "显示各阶段用时。") var verbose = false
    @Flag(name: .long, help: "完整生成全部页面，不沿用上次生成的文件。") var full = false

    func run() throws {
        let output = self.output.map { URL(fileURLWithPath: $0).standardizedFileURL }
        let display = ProgressDisplay()
        var options = BuildOptions(includeDrafts: drafts, includeFuture: future)
        if !quiet {
            let show: @Sendable (Int, Int) -> Void = { done, total in display.update(done: done, total: total) }
            options.progress = show
        }
        let report = SiteBuilder.build(root: site.rootURL, output: output, options: options, full: full)
        display.finish()
        Console.print(report.diagnostics, quiet: quiet)
        if verbose { Console.phases(report) }
        guard report.succeeded else { throw Console.buildFailed(report) }
        let target = output?.path ?? site.rootURL.appendingPathComponent("site").path
        if !quiet {
            Console.line(Console.buildSummary(report, output: target))
            report.notes.forEach { Console.line($0) }
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "检查全部内容与模板，不写入任何文件。")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @OptionGroup var site: SiteOptions
    @Flag(name: .long, help: "同时检查草稿。") var drafts = false
    @Flag(name: .long, help: "同时检查日期在今天之后的条目。") var future = false
    @Option(name: .long, help: ArgumentHelp("输出格式：text 为文字，json 给编辑器等工具用。", valueName: "格式")) var format: Format = .text

    func run() throws {
        let report = SiteBuilder.check(root: site.rootURL, options: BuildOptions(includeDrafts: drafts, includeFuture: future))
        switch format {
        case .json: print(DiagnosticFormatter.json(report.diagnostics))
        case .text:
            Console.print(report.diagnostics, quiet: false)
            Console.line("检查完毕：\(DiagnosticFormatter.summary(report.diagnostics))，共 \(report.pageCount) 个页面。")
        }
        if !report.succeeded { throw ExitCode(1) }
    }
}

struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print", abstract: "生成网站，并用 Chromium 把全部简报、展板和品牌画册存为 PDF（site/print/）。")

    @OptionGroup var site: SiteOptions
    @Option(name: .long, help: ArgumentHelp("输出文件夹，默认为站点根目录中的 site。", valueName: "文件夹")) var output: String?
    @Flag(name: .long, help: "只显示错误。") var quiet = false
    @Flag(name: .long, help: "打印质量问题（内容比纸宽、展板放不下、封面分辨率不足、目录页码读不出）按错误处理：不更新 site/，退出状态为 1。")
    var strict = false

    func run() throws {
        guard PDFPrinter.findChromium() != nil else {
            Console.line("找不到 Chromium 浏览器，无法生成 PDF。请先安装：sudo apt-get install chromium fonts-noto-cjk"
                + "（或用环境变量 DANGJIAN_CHROMIUM 指定浏览器程序的位置）。", error: true)
            throw ExitCode(2)
        }
        let output = self.output.map { URL(fileURLWithPath: $0).standardizedFileURL }
        let report = SiteBuilder.buildAndPrint(root: site.rootURL, output: output, strict: strict)
        Console.print(report.diagnostics, quiet: quiet)
        guard report.succeeded else { throw Console.buildFailed(report) }
        let target = output?.path ?? site.rootURL.appendingPathComponent("site").path
        if !quiet {
            Console.line(Console.buildSummary(report, output: target))
            Console.line("PDF 已存入 \(target)/print/（简报 bulletins/、展板 boards/、画册 album.pdf）")
        }
    }
}
