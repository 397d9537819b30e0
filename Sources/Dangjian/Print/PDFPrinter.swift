import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Prints pages to PDF with one headless Chromium: several tabs at once, each page at the size its
/// CSS asks for (`preferCSSPageSize`), backgrounds included. The pages and the files they show are
/// handed to the browser from memory: it asks for them under `origin` and every request is answered
/// through the DevTools protocol's Fetch domain, so nothing is read back from disk and no server runs.
public enum PDFPrinter {
    /// Tabs printing at the same time; the browser itself uses the cores.
    static let tabs = 3
    /// The address the pages are shown under; never looked up on a network.
    static let origin = "http://print.dangjian.invalid/"

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

    /// PDFs of `targets`, their pages and what they show taken from `files` (site path → content);
    /// problems go to `log`. Nil when no browser could be used.
    /// `sourceRoot`: the site root's real path; copied files are read only from inside it.
    static func print(_ targets: [PrintTarget], files: [String: OutputFile.Content], sourceRoot: String?,
                      log: DiagnosticLog) -> [OutputFile]? {
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
        // Requests are answered on threads of their own: the printing threads wait on the browser,
        // and the browser on these answers, so they must never wait for a printing thread.
        let answering = Responders(count: 2) { request in answer(request, files: files, sourceRoot: sourceRoot, browser: browser) }
        defer { browser.shutDown(); answering.stop() }
        browser.eventHandler = { method, session, params in
            guard method == "Fetch.requestPaused", let session else { return false }
            answering.add(PausedRequest(id: params["requestId"] as? String, session: session,
                                        url: (params["request"] as? [String: Any])?["url"] as? String ?? ""))
            return true
        }
        let queue = WorkQueue(targets)
        let outputs = OutputCollector()
        DispatchQueue.concurrentPerform(iterations: tabs) { _ in
            while let target = queue.next() {
                do {
                    let pdf = try printPage(target, with: browser, files: files, log: log)
                    outputs.add(OutputFile(path: target.pdf, content: .data(pdf)))
                } catch {
                    log.report(PrintError.pageFailed(page: target.page, reason: "\(error)"))
                }
            }
        }
        return outputs.files.sorted { $0.path < $1.path }
    }

    /// Answers a paused request with the file it names, or with 404.
    private static func answer(_ request: PausedRequest, files: [String: OutputFile.Content], sourceRoot: String?,
                               browser: DevToolsPipe) {
        guard let id = request.id else { return }
        let url = request.url
        let path = url.hasPrefix(origin) ? SitePath.splitFragment(String(url.dropFirst(origin.count))).path : ""
        let decoded = path.removingPercentEncoding ?? path
        var body: Data?
        switch files[decoded] {
        case let .text(text)?: body = Data(text.utf8)
        case let .data(data)?: body = data
        case let .copy(source)?: body = try? SafeFile.read(source.path, root: sourceRoot).get()
        case nil: body = nil
        }
        var params: [String: Any] = ["requestId": id, "responseCode": body == nil ? 404 : 200,
                                     "responseHeaders": [["name": "Content-Type", "value": MediaTypes.of(decoded)]]]
        params["body"] = (body ?? Data()).base64EncodedString()
        browser.sendWithoutWaiting("Fetch.fulfillRequest", params, session: request.session)
    }

    /// Opens, checks and prints one page; what prints badly goes to `log`.
    private static func printPage(_ target: PrintTarget, with browser: DevToolsPipe, files: [String: OutputFile.Content],
                                  log: DiagnosticLog) throws -> Data {
        let tab = try browser.openTab(origin + target.page, intercepting: origin)
        defer { browser.closeTab(tab) }
        let page = PagePrint(target: target, browser: browser, tab: tab)
        let check = try page.check()
        PrintFindings(target: target, files: files, origin: origin).report(check, to: log)
        guard !check.pageReferences.isEmpty else { return try page.printPDF() }
        let (numbered, settled) = try page.printNumbered(check.pageReferences)
        if !settled { log.report(PrintError.contentsPagesUnknown(page: target.page)) }
        return numbered
    }
}

/// A request the browser paused for us to answer.
private struct PausedRequest: Sendable {
    let id: String?
    let session: String
    let url: String
}

/// Threads that answer paused requests in the order they came.
private final class Responders: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [PausedRequest] = []
    private var stopped = false

    init(count: Int, answer: @escaping @Sendable (PausedRequest) -> Void) {
        for _ in 0..<count {
            Thread { [self] in
                while let request = next() { answer(request) }
            }.start()
        }
    }

    func add(_ request: PausedRequest) {
        condition.lock()
        pending.append(request)
        condition.signal()
        condition.unlock()
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func next() -> PausedRequest? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty && !stopped { condition.wait() }
        return pending.isEmpty ? nil : pending.removeFirst()
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
