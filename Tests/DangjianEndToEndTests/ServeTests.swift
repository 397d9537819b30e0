@testable import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// `dangjian serve` as a running process: pages, rebuilds on change, the error overlay, refused paths, Ctrl-C.
@Suite("dangjian serve", .serialized)
struct ServeTests {
    /// A running preview server on a free port, stopped with SIGINT.
    final class Server {
        let process = Process()
        let output = Pipe()
        private(set) var port = 0
        private var lines = ""

        init(root: URL) throws {
            process.executableURL = CommandLineTests.executable
            process.arguments = ["serve", "--root", root.path, "--port", "0"]
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let deadline = Date().addingTimeInterval(30)
            while port == 0, Date() < deadline {
                lines += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
                if let match = lines.firstMatch(of: /127\.0\.0\.1:(\d+)/) { port = Int(match.output.1)! }
            }
        }

        /// Stops with Ctrl-C's signal and returns what the server printed and its exit status.
        func stop() -> (String, Int32) {
            process.interrupt()
            process.waitUntilExit()
            lines += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return (lines, process.terminationStatus)
        }

        /// (status, body) of a GET with the path sent exactly as given (no client-side normalising).
        func get(_ path: String, timeout: Int = 10) -> (Int, String) {
            let script = """
            import http.client, sys
            c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=\(timeout + 20))
            c.request("GET", sys.argv[2])
            r = c.getresponse()
            sys.stdout.write(str(r.status) + "\\n" + r.read().decode("utf-8", "replace"))
            """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script, "\(port)", path]
            let pipe = Pipe()
            process.standardOutput = pipe
            guard (try? process.run()) != nil else { return (0, "") }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let text = String(decoding: data, as: UTF8.self)
            let status = Int(text.prefix { $0 != "\n" }) ?? 0
            return (status, String(text.drop { $0 != "\n" }.dropFirst()))
        }

        func status(after generation: Int) -> [String: Any] {
            let (_, body) = get("/__dangjian/status?after=\(generation)", timeout: 30)
            return (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        }
    }

    static let talkPath = "content/talks/2024/03/06-a.md"

    @Test("serves the site, rebuilds on change, shows errors over the last good pages, refuses paths outside it")
    func previewCycle() throws {
        let site = try TestSite(Fixtures.siteYML + "\n-- \(Self.talkPath) --\n" + Fixtures.talk(title: "第一版标题"))
        let server = try Server(root: site.root)
        try #require(server.port > 0, "the server did not say where it listens")

        let (status, home) = server.get("/index.html")
        #expect(status == 200)
        #expect(home.contains("测试党建网站"))
        #expect(home.contains("dangjian-live-reload"))
        let (rootStatus, root) = server.get("/")
        #expect(rootStatus == 200 && root.contains("测试党建网站"), "the address without index.html is the home page")
        #expect(server.get("/talks/2024/03/06-a/").1.contains("第一版标题"))
        let (folderStatus, folder) = server.get("/talks/2024/03/06-a")
        #expect(folderStatus == 301 && folder.hasSuffix("请到 /talks/2024/03/06-a/"), "a folder without its slash is sent to it: \(folder)")
        let (_, doubled) = server.get("//talks/2024/03/06-a")
        #expect(doubled.hasSuffix("请到 /talks/2024/03/06-a/"), "never to another host: \(doubled)")
        #expect(!site.exists("index.html"), "serve builds in memory and leaves site/ alone")

        // A change: the waiting browser is told, and the page shows it.
        let first = server.status(after: -1)["generation"] as? Int ?? 0
        try site.write(Self.talkPath, Fixtures.talk(title: "第二版标题"))
        let changed = server.status(after: first)
        #expect((changed["generation"] as? Int ?? 0) > first)
        #expect((changed["errors"] as? [String])?.isEmpty == true)
        #expect(server.get("/talks/2024/03/06-a/index.html").1.contains("第二版标题"))

        // An error: reported to the browser, the last good page stays.
        let good = changed["generation"] as? Int ?? 0
        try site.write(Self.talkPath, Fixtures.talk(title: "第三版标题").replacingOccurrences(of: "政策法规", with: "政策发规"))
        let failed = server.status(after: good)
        let errors = failed["errors"] as? [String] ?? []
        #expect(errors.contains { $0.contains("未知系列“政策发规”，是否为“政策法规”？") })
        #expect(server.get("/talks/2024/03/06-a/index.html").1.contains("第二版标题"))

        // Fixed: no errors any more, the new page is served.
        try site.write(Self.talkPath, Fixtures.talk(title: "第四版标题"))
        let fixed = server.status(after: failed["generation"] as? Int ?? 0)
        #expect((fixed["errors"] as? [String])?.isEmpty == true)
        #expect(server.get("/talks/2024/03/06-a/index.html").1.contains("第四版标题"))

        // Nothing outside the built site, however the path is written.
        for path in ["/../../etc/passwd", "/..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/talks/..%5c..%5cetc"] {
            #expect(server.get(path).0 == 403, "\(path)")
        }
        #expect(server.get("/content/site.yml").0 == 404)

        let (printed, exit) = server.stop()
        #expect(exit == 0)
        #expect(printed.contains("预览已停止"))
    }

    @Test("after a change, only new warnings are printed; the repeated ones are counted in one line")
    func warningsOnce() throws {
        let spaced = "党支部定期召 开组织生活会。"
        let site = try TestSite(Fixtures.siteYML + "\n-- \(Self.talkPath) --\n" + Fixtures.talk(title: "第一版标题", body: spaced))
        let server = try Server(root: site.root)
        try #require(server.port > 0, "the server did not say where it listens")
        let first = server.status(after: -1)["generation"] as? Int ?? 0
        // The title changes, the warning stays.
        try site.write(Self.talkPath, Fixtures.talk(title: "第二版标题", body: spaced))
        let second = server.status(after: first)["generation"] as? Int ?? 0
        // A second warning joins it.
        try site.write(Self.talkPath, Fixtures.talk(title: "第三版标题", body: spaced + "\n\n会议要求(一)做好记录。"))
        _ = server.status(after: second)
        Thread.sleep(forTimeInterval: 0.5)
        let (printed, exit) = server.stop()
        #expect(exit == 0)
        let spaceWarnings = printed.components(separatedBy: "\n").filter { $0.contains("召 开") }
        #expect(spaceWarnings.count == 1, "the same warning is printed once, by the first build: \(printed)")
        #expect(printed.contains("另有 1 个警告与上次相同，不再重复显示"), "\(printed)")
        #expect(printed.contains("半角标点“(”"), "a new warning is printed: \(printed)")
    }

    @Test("in a real browser, the error overlay appears over the page while the content has errors")
    func overlayInBrowser() throws {
        let site = try TestSite(Fixtures.siteYML + "\n-- \(Self.talkPath) --\n" + Fixtures.talk())
        let server = try Server(root: site.root)
        defer { _ = server.stop() }
        let generation = server.status(after: -1)["generation"] as? Int ?? 0
        try site.write(Self.talkPath, Fixtures.talk().replacingOccurrences(of: "政策法规", with: "政策发规"))
        _ = server.status(after: generation)
        let overlay = try Chromium.evaluate("(document.getElementById('dangjian-overlay') || {}).textContent || ''",
                                            at: "http://127.0.0.1:\(server.port)/index.html")
        #expect(overlay.contains("内容有错误"))
        #expect(overlay.contains("未知系列“政策发规”"))
        // Fixed: the page reloads by itself and the overlay is gone.
        try site.write(Self.talkPath, Fixtures.talk())
        let cleared = try Chromium.evaluate("document.getElementById('dangjian-overlay') ? 'shown' : 'gone'",
                                            at: "http://127.0.0.1:\(server.port)/index.html", wait: 2)
        #expect(cleared == "gone")
    }
}

/// Headless Chromium for checks of what a page shows after its scripts ran: one browser over the
/// DevTools pipe, so pages that keep a request open (the live reload) do not hold it up.
enum Chromium {
    /// The value of `expression` in the page at `url`, `wait` seconds after it loaded.
    static func evaluate(_ expression: String, at url: String, wait: Double = 1.5) throws -> String {
        guard let chromium = PDFPrinter.findChromium() else { throw DevToolsPipe.Failure(description: "no Chromium") }
        let browser = try DevToolsPipe(chromium: chromium)
        defer { browser.shutDown() }
        let tab = try browser.openTab(url, timeout: 30)
        defer { browser.closeTab(tab) }
        Thread.sleep(forTimeInterval: wait)
        return try browser.evaluate(expression, in: tab) as? String ?? ""
    }
}
