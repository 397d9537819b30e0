import Dangjian
import DangjianTestSupport
import Foundation
import Testing

@Suite("Writing the site")
struct AtomicWriteTests {
    static let site = Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk()

    @Test("a failed build leaves the previous site as it was")
    func failedBuildKeepsSite() throws {
        let site = try TestSite(Self.site)
        #expect(site.build().succeeded)
        let before = site.outputFiles()
        let page = site.page("talks/2024/03/06-a/index.html")
        try site.write("content/talks/2024/03/07-b.md", Fixtures.talk("branch: 不存在的支部"))
        #expect(!site.build().succeeded)
        #expect(site.outputFiles() == before)
        #expect(site.page("talks/2024/03/06-a/index.html") == page)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".site.dangjian-staging").path))
    }

    @Test("pages of removed entries disappear on the next build")
    func removedEntriesDisappear() throws {
        let site = try TestSite(Self.site + "\n-- content/talks/2024/03/07-b.md --\n" + Fixtures.talk(date: "2024-03-07"))
        site.build()
        #expect(site.exists("talks/2024/03/07-b/index.html"))
        try site.remove("content/talks/2024/03/07-b.md")
        #expect(site.build().succeeded)
        #expect(!site.exists("talks/2024/03/07-b/index.html"))
        #expect(site.exists("talks/2024/03/06-a/index.html"))
    }

    @Test("content files are never modified by a build")
    func contentUntouched() throws {
        let site = try TestSite(Self.site)
        let file = site.root.appendingPathComponent("content/talks/2024/03/06-a.md")
        let before = try Data(contentsOf: file)
        site.build()
        #expect(try Data(contentsOf: file) == before)
    }

    @Test("an output folder holding other files, or the content folder itself, is refused")
    func unsafeOutputs() throws {
        let site = try TestSite(Self.site)
        let documents = site.root.appendingPathComponent("documents")
        try site.write("documents/report.docx", "重要文件")
        let report = SiteBuilder.build(root: site.root, output: documents, options: BuildOptions(now: TestSite.today))
        #expect(report.diagnostics.contains { $0.code == "output-not-a-site" })
        #expect(FileManager.default.fileExists(atPath: documents.appendingPathComponent("report.docx").path))
        for folder in ["content", "templates", "."] {
            let refused = SiteBuilder.build(root: site.root, output: site.root.appendingPathComponent(folder),
                                            options: BuildOptions(now: TestSite.today))
            #expect(refused.diagnostics.contains { $0.code == "unsafe-output" }, "\(folder)")
        }
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/site.yml").path))
    }

    @Test("check validates everything and writes nothing")
    func checkWritesNothing() throws {
        let site = try TestSite(Self.site)
        let report = site.check()
        #expect(report.succeeded)
        #expect(report.pageCount > 10)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    /// Hidden names beside the output that builds make: staging folder, previous sites set aside, the lock.
    static func buildLeftovers(besides output: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)) ?? []
        // The picture cache (`.site.dangjian-cache`), the dependency record (`.site.dangjian-deps`) and
        // the spare (`.site.dangjian-spare`, second names of the site's files) are kept between builds
        // on purpose: the next build uses them (`SpareSiteTests` checks the spare).
        let kept = ["cache", "deps", "spare"].map { ".\(output.lastPathComponent).dangjian-\($0)" }
        return names.filter { $0.hasPrefix(".\(output.lastPathComponent).dangjian-") && !kept.contains($0) }.sorted()
    }

    /// Every file of a generated site with its bytes.
    static func contents(of folder: URL) -> [String: Data] {
        var contents: [String: Data] = [:]
        for file in TestSite.files(under: folder) { contents[file] = try? Data(contentsOf: folder.appendingPathComponent(file)) }
        return contents
    }

    @Test("the previous site is removed once the new one is in place, and what killed builds left is removed by the next build")
    func previousSiteRemoved() throws {
        let site = try TestSite(Self.site)
        #expect(site.build().succeeded)
        #expect(site.build().succeeded)
        #expect(Self.buildLeftovers(besides: site.output).isEmpty, "disk use is one site, not two")
        // What a build killed during its write or its swap leaves.
        try site.write(".site.dangjian-staging/talks/index.html", "半个网站")
        try site.write(".site.dangjian-old-4242-deadbeef/index.html", "上一次的网站")
        try site.write(".site.dangjian-lock", "")
        #expect(site.build().succeeded)
        #expect(Self.buildLeftovers(besides: site.output).isEmpty)
        #expect(site.page("talks/index.html")?.contains("半个网站") == false)
    }

    @Test("a build or print while another holds the output folder stops at once with status 2 and says why; the site is untouched")
    func lockedOutput() throws {
        let site = try TestSite(Self.site)
        #expect(site.build().succeeded)
        let before = Self.contents(of: site.output)
        let log = DiagnosticLog()
        let held = try #require(OutputLock.acquire(output: site.output, log: log))
        defer { held.release() }
        let report = site.build()
        #expect(report.errors.map(\.code) == ["build-running"])
        let started = Date()
        let result = try CommandLineTests().run(["build", "--root", site.root.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(site.output.path): 错误: 另一次生成（build 或 print）正在写入这个输出文件夹，本次没有开始：请等那一次结束后再运行"))
        #expect(Date().timeIntervalSince(started) < 10, "fails at once instead of waiting")
        if PDFPrinter.findChromium() != nil {
            let print = try CommandLineTests().run(["print", "--root", site.root.path])
            #expect(print.status == 2 && print.stderr.contains("另一次生成"), "print takes the same lock: \(print.stderr)")
        }
        #expect(Self.contents(of: site.output) == before)
    }

    @Test("two builds started at once into one output folder: the site is wholly one of them, the other is told a build is running")
    func concurrentBuilds() throws {
        let first = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk(title: "甲站的讲座"))
        let second = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk(title: "乙站的讲座")
            + "\n-- content/talks/2024/03/07-b.md --\n" + Fixtures.talk(title: "乙站第二讲", date: "2024-03-07"))
        let shared = first.root.appendingPathComponent("shared/site")
        let sites = [first, second]
        var expected: [[String: Data]] = []
        for site in sites {
            let output = site.root.appendingPathComponent("alone")
            #expect(try Self.race([site], into: output).runs[0].status == 0)
            expected.append(Self.contents(of: output))
        }
        #expect(try Self.race([first], into: shared).runs[0].status == 0)
        var conflicts = 0
        for round in 0..<8 {
            let (runs, order) = try Self.race(sites, into: shared)
            let statuses = runs.map(\.status)
            #expect(statuses.allSatisfy { $0 == 0 || $0 == 2 } && statuses.contains(0), "round \(round): \(statuses)")
            for run in runs where run.status == 2 {
                conflicts += 1
                #expect(run.stderr.contains("\(shared.path): 错误: 另一次生成"), "\(run.stderr)")
            }
            // The live site is the one of the build that succeeded last, byte for byte.
            guard let live = order.last(where: { runs[$0].status == 0 }) else { continue }
            #expect(Self.contents(of: shared) == expected[live], "round \(round): a mixed site")
            #expect(Self.buildLeftovers(besides: shared).isEmpty, "round \(round)")
        }
        #expect(conflicts > 0, "the builds never overlapped: nothing was tested")
    }

    /// Starts `dangjian build` on each site at once, all into `output`; their runs, and the order they ended in.
    static func race(_ sites: [TestSite], into output: URL) throws -> (runs: [CommandLineTests.Run], order: [Int]) {
        final class Endings: @unchecked Sendable {
            let lock = NSLock()
            var order: [Int] = []
        }
        let endings = Endings()
        let started = sites.enumerated().map { index, site -> (Process, Pipe) in
            let process = Process()
            process.executableURL = CommandLineTests.executable
            process.arguments = ["build", "--root", site.root.path, "--output", output.path, "--quiet"]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            process.terminationHandler = { _ in endings.lock.withLock { endings.order.append(index) } }
            return (process, errors)
        }
        for (process, _) in started { try process.run() }
        let runs = started.map { process, errors -> CommandLineTests.Run in
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return CommandLineTests.Run(status: process.terminationStatus, stdout: "", stderr: text)
        }
        while endings.lock.withLock({ endings.order.count }) < sites.count { usleep(1000) }
        return (runs, endings.lock.withLock { endings.order })
    }

    @Test("a full disk fails with a clear message and keeps the previous site")
    func fullDisk() throws {
        let disk = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-disk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: disk) }
        guard "size=2m".withCString({ mount("tmpfs", disk.path, "tmpfs", 0, $0) }) == 0 else {
            try Test.cancel("mounting a 2 MB tmpfs was not permitted (needs root or CAP_SYS_ADMIN): the full disk is not tested here")
        }
        defer { umount(disk.path) }
        let site = try TestSite(Self.site + "\n-- content/talks/2024/03/07-b.md --\n"
            + Fixtures.talk(date: "2024-03-07", body: "会议材料见[附件](材料.zip)。"))
        try site.write("content/talks/2024/03/材料.zip", data: Data(repeating: 7, count: 100))
        let output = disk.appendingPathComponent("site")
        let options = BuildOptions(now: TestSite.today)
        #expect(SiteBuilder.build(root: site.root, output: output, options: options).succeeded)
        let before = Self.contents(of: output)
        // Too big for what is left: the new site cannot be written.
        try site.write("content/talks/2024/03/材料.zip", data: Data((0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }))
        let report = SiteBuilder.build(root: site.root, output: output, options: options)
        #expect(!report.succeeded)
        #expect(report.errors.map(\.code) == ["disk-full"])
        #expect(report.errors.first?.file == output.path)
        #expect(report.errors.first?.message.contains("磁盘已满，新网站没有写完") == true)
        #expect(Self.contents(of: output) == before)
        #expect(Self.buildLeftovers(besides: output).isEmpty, "the half-written staging folder is removed")

        let result = try CommandLineTests().run(["build", "--root", site.root.path, "--output", output.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(output.path): 错误: 磁盘已满"))
        #expect(Self.contents(of: output) == before)
        try site.write("content/talks/2024/03/材料.zip", data: Data(repeating: 8, count: 100))
        #expect(SiteBuilder.build(root: site.root, output: output, options: options).succeeded, "room again: builds again")
    }
}
