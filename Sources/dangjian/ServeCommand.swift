import ArgumentParser
import Dangjian
import DangjianPreview
import Foundation

struct ServeCommand: AsyncParsableCommand, LongRunningCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "预览网站：修改内容或模板后自动重新生成，打开的网页自动刷新。按 Ctrl-C 停止。")

    @OptionGroup var site: SiteOptions
    @Option(help: ArgumentHelp("监听地址，默认只允许本机访问。", valueName: "地址")) var host = "127.0.0.1"
    @Option(help: ArgumentHelp("端口，默认 1313；0 表示任选一个空闲端口。", valueName: "端口")) var port = 1313
    @Flag(name: .long, help: "每次更新后显示各阶段用时。") var verbose = false

    func run() async throws { try await start() }

    func start() async throws {
        let server = PreviewServer(root: site.rootURL, host: host, port: port)
        let shown = ShownWarnings()
        do {
            try await server.run { event in
                switch event {
                case let .listening(port):
                    Console.line("预览地址：http://\(host):\(port)/index.html  （按 Ctrl-C 停止）")
                case let .built(report, seconds, filesRead):
                    let (new, repeated) = shown.sift(report.diagnostics)
                    Console.print(new, quiet: false)
                    if repeated > 0 { Console.line("另有 \(repeated) 个警告与上次相同，不再重复显示（dangjian check 列出全部）。", error: true) }
                    if verbose { Console.phases(report) }
                    if report.succeeded {
                        Console.line("已更新：共 \(report.pageCount) 个页面（打开时生成），读取 \(filesRead) 个文件，"
                                     + "用时 \(String(format: "%.2f", seconds)) 秒")
                    } else {
                        Console.line("生成失败：\(DiagnosticFormatter.summary(report.diagnostics))。浏览器中继续显示上一次成功的页面。", error: true)
                    }
                case .stopped:
                    Console.line("预览已停止。")
                }
            }
        } catch {
            Console.line("无法启动预览服务（\(error)）：端口 \(port) 可能已被占用，请用 --port 换一个端口。", error: true)
            throw ExitCode(1)
        }
    }
}

/// The warnings the last rebuild printed: a save that changes one talk prints what is new, not the
/// site's thousands of warnings again. Errors are always printed.
final class ShownWarnings: @unchecked Sendable {
    private let lock = NSLock()
    private var last: [Diagnostic] = []

    /// What to print of `diagnostics` (sorted, as a report gives them), and how many warnings were printed last time too.
    func sift(_ diagnostics: [Diagnostic]) -> (print: [Diagnostic], repeated: Int) {
        lock.withLock {
            let warnings = diagnostics.filter { !$0.isError }
            var shown: [Diagnostic] = []
            var repeated = 0
            var previous = last[...]
            for diagnostic in diagnostics {
                if diagnostic.isError { shown.append(diagnostic); continue }
                while let first = previous.first, first < diagnostic { previous = previous.dropFirst() }
                if previous.first == diagnostic { repeated += 1 } else { shown.append(diagnostic) }
            }
            last = warnings
            return (shown, repeated)
        }
    }
}
