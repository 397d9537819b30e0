import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// The `dangjian` executable as people run it: messages, exit statuses.
@Suite("The dangjian command")
struct CommandLineTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var executable: URL {
        let products = Bundle.allBundles.map(\.bundleURL).first { $0.pathExtension == "xctest" }?.deletingLastPathComponent()
            ?? Repository.root.appendingPathComponent(".build/debug")
        return products.appendingPathComponent("dangjian")
    }

    func run(_ arguments: [String], environment: [String: String]? = nil) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("build succeeds with status 0 and says what it wrote")
    func buildSucceeds() throws {
        let site = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk())
        let result = try run(["build", "--root", site.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("已生成"))
        #expect(site.exists("index.html"))
    }

    @Test("content errors print compiler-style lines in Chinese and exit with status 1")
    func contentErrors() throws {
        let site = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n"
            + Fixtures.talk().replacingOccurrences(of: "政策法规", with: "政策发规"))
        let result = try run(["build", "--root", site.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/talks/2024/03/06-a.md:5:9: 错误: 未知系列“政策发规”，是否为“政策法规”？"))
        #expect(result.stderr.contains("原有的 site/ 未被改动"))
        let check = try run(["check", "--root", site.root.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("1 个错误"))
    }

    @Test("check --format json gives file, line, column, severity and message")
    func checkJSON() throws {
        let site = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk("speeker: 李四"))
        let result = try run(["check", "--root", site.root.path, "--format", "json"])
        #expect(result.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["line"] as? Int == 6)
        #expect(rows.first?["severity"] as? String == "warning")
        #expect(rows.first?["file"] as? String == "content/talks/2024/03/06-a.md")
    }

    @Test("bad usage exits with status 2 and a hint in Chinese")
    func badUsage() throws {
        let unknown = try run(["bild"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("用法错误"))
        let option = try run(["build", "--nonsense"])
        #expect(option.status == 2)
        let help = try run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("build"))
    }

    @Test("print without Chromium says how to install it and exits with status 2")
    func printWithoutChromium() throws {
        let site = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk())
        let result = try run(["print", "--root", site.root.path], environment: ["PATH": "/nonexistent", "LANG": "C.UTF-8"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("找不到 Chromium"))
        #expect(result.stderr.contains("apt-get install chromium"))
        #expect(!site.exists("index.html"))
    }

    @Test("print --strict fails with status 1 when a page would print wider than its paper")
    func printStrict() throws {
        try #require(PDFPrinter.findChromium() != nil, "Chromium is needed: apt-get install chromium")
        let site = try TestSite(PrintProblemTests.wideSite)
        let result = try run(["print", "--root", site.root.path, "--strict"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("content/talks/2024/03/06-kuan.md: 错误: 打印页 bulletins/2024-03/index.html 中有内容比纸还宽"))
        #expect(result.stderr.contains("（--strict：按错误处理）"))
        #expect(!site.exists("index.html"))
    }
}
