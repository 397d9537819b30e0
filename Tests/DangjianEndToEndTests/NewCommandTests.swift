import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// `dangjian new` as publicity staff use it: from options, and answering questions at a terminal.
@Suite("dangjian new")
struct NewCommandTests {
    static let today = TestSite.today

    func create(_ kind: EntryKind, _ title: String, _ values: [String: String], in site: TestSite) -> Result<String, ScaffoldFailure> {
        EntryScaffold.create(NewEntryRequest(kind: kind, title: title, values: values), root: site.root, now: Self.today)
    }

    @Test("a talk lands in talks/YYYY/MM/ named with its day and pinyin, and builds")
    func talk() throws {
        let site = try TestSite(Fixtures.siteYML)
        let path = try create(.talk, "家风是最好的传承", ["speaker": "王建华", "series": "伦理典故", "branch": "机关第一党支部",
                                                    "tags": "家风建设，廉洁自律", "date": "2026-11-20"], in: site).get()
        #expect(path == "content/talks/2026/11/20-jia-feng-shi-zui-hao-de-chuan-cheng.md")
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        #expect(text.contains("branch: jiguan-1"))
        #expect(text.contains("tags: [\"家风建设\", \"廉洁自律\"]"))
        let report = site.build()
        #expect(report.succeeded && report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(site.exists("talks/2026/11/20-jia-feng-shi-zui-hao-de-chuan-cheng/index.html"))
    }

    @Test("the date defaults to today in the site's time zone; a salon takes the next free issue")
    func defaults() throws {
        let site = try TestSite(Fixtures.siteYML + "\n-- content/salons/007-a.md --\n---\ntitle: 甲\ndate: 2024-01-01\nissue: 7\nhost: jiguan-1\n---\n")
        let talk = try create(.talk, "今日一讲", ["speaker": "甲", "series": "政策法规"], in: site).get()
        #expect(talk.hasPrefix("content/talks/2026/11/23-"))
        let salon = try create(.salon, "第八期", ["host": "jiguan-2"], in: site).get()
        #expect(salon == "content/salons/008-di-ba-qi.md")
        let brand = try create(.brand, "红色引擎", ["branch": "jiguan-1", "category": "思路引领", "slogan": "引领\"发展\""], in: site).get()
        #expect(brand == "content/brands/hong-se-yin-qing.md")
        #expect(site.build().succeeded)
    }

    @Test("a wrong value is named with the likely intended one, and nothing is written")
    func wrongValues() throws {
        let site = try TestSite(Fixtures.siteYML)
        let failure = try #require(create(.talk, "甲", ["speaker": "甲", "series": "政策发规", "date": "2024-13-01"], in: site)
            .failure)
        let messages = failure.diagnostics.map(DiagnosticFormatter.compilerStyle)
        #expect(messages.contains("--series: 错误: 未知系列“政策发规”，是否为“政策法规”？"))
        #expect(failure.diagnostics.contains { $0.code == "invalid-date" })
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/talks").path))
    }

    @Test("an existing file is never overwritten")
    func noOverwrite() throws {
        let site = try TestSite(Fixtures.siteYML)
        let values = ["speaker": "甲", "series": "政策法规", "date": "2024-03-06"]
        let path = try create(.talk, "一讲", values, in: site).get()
        try site.write(path, "我的正文")
        let failure = try #require(create(.talk, "一讲", values, in: site).failure)
        #expect(failure.diagnostics.map(\.code) == ["file-exists"])
        #expect(try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8) == "我的正文")
    }

    @Test("at a terminal, missing values are asked for with the choices of site.yml")
    func interactive() throws {
        let site = try TestSite(Fixtures.siteYML)
        // Python's pty module plays the person at the terminal: it answers each question as it appears.
        let script = """
        import os, pty, sys
        pid, fd = pty.fork()
        if pid == 0:
            os.execv(sys.argv[1], [sys.argv[1], "new", "talk", "终端里的一讲", "--root", sys.argv[2], "--date", "2024-03-06"])
        answers = [("请输入主讲人", "李四"), ("请输入序号或名称", "3")]
        seen = b""
        while True:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if answers and answers[0][0].encode() in seen:
                os.write(fd, (answers.pop(0)[1] + "\\n").encode())
                seen = b""
        _, status = os.waitpid(pid, 0)
        sys.exit(os.waitstatus_to_exitcode(status))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, CommandLineTests.executable.path, site.root.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let url = site.root.appendingPathComponent("content/talks/2024/03/06-zhong-duan-li-de-yi-jiang.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("speaker: \"李四\""))
        #expect(text.contains("series: \"政策法规\""), "the third series of site.yml")
    }
}

extension Result {
    var failure: Failure? {
        if case let .failure(error) = self { return error }
        return nil
    }
}
