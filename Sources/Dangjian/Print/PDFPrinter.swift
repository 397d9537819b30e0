import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Prints pages of a written site to PDF with one headless Chromium: several tabs at once, each page
/// at the size its CSS asks for (`preferCSSPageSize`), backgrounds included.
public enum PDFPrinter {
    /// Tabs printing at the same time; the browser itself uses the cores.
    static let tabs = 3

    /// The browser to use: `DANGJIAN_CHROMIUM`, else the first of the usual names on PATH.
    public static func findChromium() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["DANGJIAN_CHROMIUM"], !chosen.isEmpty {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return folder + "/" + name
            }
        }
        return nil
    }

    /// PDFs of `targets`, read from the site in `folder`; problems go to `log`. Nil when no browser could be used.
    static func print(_ targets: [PrintTarget], from folder: URL, log: DiagnosticLog) -> [OutputFile]? {
        guard let chromium = findChromium() else {
            log.report(PrintError.chromiumMissing)
            return nil
        }
        signal(SIGPIPE, SIG_IGN)
        let browser: DevToolsPipe
        do {
            browser = try DevToolsPipe(chromium: chromium)
        } catch {
            log.report(PrintError.browserFailed(reason: "\(error)"))
            return nil
        }
        defer { browser.shutDown() }
        let queue = WorkQueue(targets)
        let outputs = OutputCollector()
        DispatchQueue.concurrentPerform(iterations: tabs) { _ in
            while let target = queue.next() {
                do {
                    let (pdf, overflow) = try printPage(target, from: folder, with: browser)
                    outputs.add(OutputFile(path: target.pdf, content: .data(pdf)))
                    if overflow { log.report(PrintError.boardOverflow(file: target.source ?? target.page, page: target.page)) }
                } catch {
                    log.report(PrintError.pageFailed(page: target.page, reason: "\(error)"))
                }
            }
        }
        return outputs.files.sorted { $0.path < $1.path }
    }

    private static func printPage(_ target: PrintTarget, from folder: URL, with browser: DevToolsPipe) throws -> (Data, Bool) {
        let tab = try browser.openTab(folder.appendingPathComponent(target.page).absoluteString)
        defer { browser.closeTab(tab) }
        var overflow = false
        if target.kind == .board {
            overflow = try browser.evaluate("document.documentElement.hasAttribute('data-board-overflow')", in: tab) as? Bool ?? false
        }
        let printed = try browser.send("Page.printToPDF", ["printBackground": true, "preferCSSPageSize": true,
                                                          "displayHeaderFooter": false], session: tab.session, timeout: 300)
        guard let base64 = printed["data"] as? String, let pdf = Data(base64Encoded: base64) else {
            throw DevToolsPipe.Failure(description: "no PDF data")
        }
        return (pdf, overflow)
    }
}

/// Hands out targets to the printing threads, one at a time.
private final class WorkQueue: @unchecked Sendable {
    private var items: [PrintTarget]
    private let lock = NSLock()
    init(_ items: [PrintTarget]) { self.items = items.reversed() }
    func next() -> PrintTarget? { lock.lock(); defer { lock.unlock() }; return items.popLast() }
}

private final class OutputCollector: @unchecked Sendable {
    private(set) var files: [OutputFile] = []
    private let lock = NSLock()
    func add(_ file: OutputFile) { lock.lock(); files.append(file); lock.unlock() }
}
