import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// `dangjian build` is incremental: it links the files of the site in place whose bytes it would
/// write again and, when nothing changed, renders nothing. Whatever was edited, the site it leaves
/// must be byte for byte the site a `--full` build writes into another folder.
@Suite("Incremental builds", .serialized)
struct IncrementalBuildTests {
    static let options = BuildOptions(now: TestSite.today)
    static let talk = "content/talks/2026/09/01-chen-xue-kai-jiang.md"

    /// An incremental build of `site` (into `site/`) and a full one into `site-full/`, compared file by file.
    static func buildBoth(_ site: TestSite, _ edit: String) throws -> BuildReport {
        let incremental = SiteBuilder.build(root: site.root, options: options)
        try #require(incremental.succeeded, "\(edit): \(incremental.errors)")
        let fullOutput = site.root.appendingPathComponent("site-full")
        let full = SiteBuilder.build(root: site.root, output: fullOutput, options: options, full: true)
        try #require(full.succeeded, "\(edit): \(full.errors)")
        let made = AtomicWriteTests.contents(of: site.output), expected = AtomicWriteTests.contents(of: fullOutput)
        let extra = Set(made.keys).subtracting(expected.keys).sorted(), missing = Set(expected.keys).subtracting(made.keys).sorted()
        #expect(extra.isEmpty && missing.isEmpty, "\(edit): files only in the incremental build \(extra), only in the full build \(missing)")
        let differing = made.keys.filter { expected[$0] != nil && made[$0] != expected[$0] }.sorted()
        #expect(differing.isEmpty, "\(edit): files that differ from a full build's: \(differing.prefix(10))")
        #expect(incremental.diagnostics == full.diagnostics, "\(edit): the same problems reported")
        #expect(incremental.pageCount == full.pageCount)
        return incremental
    }

    static func edit(_ site: TestSite, _ path: String, _ change: (String) -> String) throws {
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit of \(path) changes it")
        try site.write(path, changed)
    }

    @Test("after an edit of every kind, the incremental build's site equals a full build's byte for byte")
    func everyKindOfEdit() throws {
        let site = try TestSite(copying: Repository.sampleSite)
        let first = try Self.buildBoth(site, "first build")
        #expect(first.reusedFiles == 0, "nothing to reuse the first time")
        let edits: [(String, () throws -> Void)] = [
            ("a talk's text", { try Self.edit(site, Self.talk) { $0 + "\n补充一段新的体会。\n" } }),
            ("a talk's title", { try Self.edit(site, Self.talk) { $0.replacingOccurrences(of: "晨学三分钟开讲：", with: "开讲：") } }),
            ("a talk's tags", { try Self.edit(site, Self.talk) {
                $0.replacingOccurrences(of: "tags: [理想信念, 读书学习]", with: "tags: [理想信念, 家风建设]") } }),
            ("a moved file", {
                let moved = "content/talks/2026/10/31-chen-xue-kai-jiang.md"
                try site.write(moved, try String(contentsOf: site.root.appendingPathComponent(Self.talk), encoding: .utf8)
                    .replacingOccurrences(of: "date: 2026-09-01", with: "date: 2026-10-31"))
                try site.remove(Self.talk)
            }),
            ("a removed file", { try site.remove("content/talks/2026/09/04-zeng-zi-sha-zhi.md") }),
            ("an added file", { try site.write("content/talks/2026/09/05-xin-zeng.md", Fixtures.talk(
                "branch: jiguan-1\ntags: [理想信念]\n", title: "新增的一讲", date: "2026-09-05")) }),
            ("a changed template", { try Self.edit(site, "templates/talk.mustache") { $0 + "\n<!-- 模板改动 -->\n" } }),
            ("a changed theme file", { try Self.edit(site, "templates/assets/style.css") { $0 + "\n.changed { color: red; }\n" } }),
            ("a changed site.yml", { try Self.edit(site, "content/site.yml") {
                $0.replacingOccurrences(of: "title: 晨学三分钟 · 党建品牌展示", with: "title: 晨学三分钟 · 党建品牌") } }),
            ("a brand's name and branch that its cases inherit", { try Self.edit(site, "content/brands/shu-xiang-shui-yuan.md") {
                $0.replacingOccurrences(of: "title: 书香税苑：让读书成为习惯", with: "title: 书香税苑：读书成为习惯")
                    .replacingOccurrences(of: "branch: 机关第二党支部", with: "branch: 机关第一党支部") } }),
            ("a salon's number", { try Self.edit(site, "content/salons/002-du-shu-yu-lv-zhi.md") {
                $0.replacingOccurrences(of: "issue: 2\n", with: "issue: 5\n") } }),
            ("a picture replaced", {
                let picture = site.root.appendingPathComponent("content/brands/images/qing-feng-li-jian.png")
                let other = try Data(contentsOf: site.root.appendingPathComponent("content/brands/images/hong-se-yin-qing.png"))
                try FileManager.default.removeItem(at: picture)
                try other.write(to: picture)
            }),
        ]
        // Pages whose bytes the edit leaves as they were should mostly not be rendered at all. An entry
        // added or removed moves counts and numbers that many values hold but fewer pages show. After
        // an edit of talk.mustache, the pages made without it are kept.
        let fewKept: Set = ["a removed file", "an added file"]
        for (name, change) in edits {
            let before = AtomicWriteTests.contents(of: site.output)
            try change()
            let report = try Self.buildBoth(site, name)
            #expect(report.reusedFiles > 0, "\(name): unchanged files are linked from the previous site, not written")
            #expect(report.phases.contains { $0.name == "render and write" }, "\(name): something changed, so pages are rendered")
            let after = AtomicWriteTests.contents(of: site.output)
            let unchanged = after.filter { $0.key.hasSuffix(".html") && before[$0.key] == $0.value }.count
            switch name {
            case "a changed site.yml": #expect(report.keptPages == 0, "the site's title is on every page")
            case _ where fewKept.contains(name): #expect(report.keptPages > 0, "\(name): \(report.keptPages) kept")
            default:
                #expect(report.keptPages * 10 >= unchanged * 8,
                        "\(name): pages left as they were are kept without rendering (\(report.keptPages) of \(unchanged))")
            }
        }
    }

    @Test("with nothing changed, nothing is rendered: every file is linked and the warnings are told again")
    func nothingChanged() throws {
        let site = try TestSite(copying: Repository.sampleSite)
        try site.write("content/talks/2026/09/05-wei-zhi.md", Fixtures.talk("branch: jiguan-1\nunknown_field: 1\n", date: "2026-09-05"))
        let first = try Self.buildBoth(site, "first build")
        #expect(!first.warnings.isEmpty, "the site has a warning to tell again")
        let home = site.output.appendingPathComponent("index.html").path
        let inode = try FileManager.default.attributesOfItem(atPath: home)[.systemFileNumber] as? Int
        let again = try Self.buildBoth(site, "no change")
        #expect(!again.phases.contains { $0.name == "render and write" }, "\(again.phases.map(\.name))")
        #expect(!again.phases.contains { $0.name == "swap" }, "nothing to do: the site in place is left as it is")
        #expect(try FileManager.default.attributesOfItem(atPath: home)[.systemFileNumber] as? Int == inode)
        #expect(again.notes.contains { $0.contains("保持原样") }, "\(again.notes)")
        #expect(again.reusedFiles == again.fileCount, "every file linked: \(again.reusedFiles) of \(again.fileCount)")
        #expect(again.warnings == first.warnings)
        #expect(again.summary == first.summary)
        // A file someone put into site/: the site is made again from the recorded files, without it.
        try Data("手工添加".utf8).write(to: site.output.appendingPathComponent("手工添加.html"))
        let added = try Self.buildBoth(site, "a file added to site/ by hand")
        #expect(!added.phases.contains { $0.name == "render and write" } && added.phases.contains { $0.name == "swap" })
        #expect(!site.exists("手工添加.html"))
        // Touched without a change: its fingerprint is the same, still nothing to render.
        let talk = site.root.appendingPathComponent(Self.talk)
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: talk.path)
        let touched = try Self.buildBoth(site, "a touched file")
        #expect(!touched.phases.contains { $0.name == "render and write" })
        // The next day, "today" moves (the statistics' current run ends there): the site is rendered again.
        let tomorrow = BuildOptions(now: TestSite.today.addingTimeInterval(86_400))
        let nextDay = SiteBuilder.build(root: site.root, options: tomorrow)
        #expect(nextDay.phases.contains { $0.name == "render and write" }, "\(nextDay.phases.map(\.name))")
        let fullNextDay = site.root.appendingPathComponent("site-next-day")
        #expect(SiteBuilder.build(root: site.root, output: fullNextDay, options: tomorrow, full: true).succeeded)
        #expect(AtomicWriteTests.contents(of: site.output) == AtomicWriteTests.contents(of: fullNextDay))
    }

    @Test("a page of site/ changed or deleted by hand is written again, never kept stale")
    func siteChangedByHand() throws {
        let site = try TestSite(copying: Repository.sampleSite)
        _ = try Self.buildBoth(site, "first build")
        let page = site.output.appendingPathComponent("talks/index.html")
        var changed = try Data(contentsOf: page)
        changed.append(contentsOf: Array("<!-- 手工改动 -->".utf8))
        try changed.write(to: page)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("index.html"))
        let report = try Self.buildBoth(site, "site/ changed by hand")
        #expect(report.notes.contains { $0.contains("被改动或删除") }, "\(report.notes)")
    }
}

/// What the previous build left beside the site may be damaged, from another program, or gone:
/// the build then renders and writes everything, says so in one line, and is still right.
@Suite("Incremental builds: damaged records", .serialized)
struct DependencyRecordTests {
    static func record(of site: TestSite) -> URL { site.root.appendingPathComponent(".site.dangjian-deps") }

    @Test("a truncated, garbled, empty or missing record means a full build with a note, never stale pages")
    func damagedRecords() throws {
        let site = try TestSite(copying: Repository.sampleSite)
        _ = try IncrementalBuildTests.buildBoth(site, "first build")
        let damages: [(String, (Data) -> Data, String)] = [
            ("truncated", { $0.prefix($0.count / 2) }, "不完整或已损坏"),
            ("cut before its last line", { $0.prefix($0.count - 20) }, "不完整或已损坏"),
            ("garbled", { data in
                var bytes = data
                bytes[bytes.count / 2] ^= 0x20
                return bytes
            }, "不完整或已损坏"),
            ("empty", { _ in Data() }, "不完整或已损坏"),
            ("binary rubbish", { _ in Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) }) }, "不完整或已损坏"),
            ("removed", { _ in Data() }, "没有找到"),
        ]
        for (round, (name, damage, said)) in damages.enumerated() {
            let record = Self.record(of: site)
            let bytes = try Data(contentsOf: record)
            #expect(bytes.count > 1000, "a record was left by the previous build")
            if name == "removed" { try FileManager.default.removeItem(at: record) } else { try damage(bytes).write(to: record) }
            // A change the stale page would not show, so a build trusting a bad record would be caught.
            try IncrementalBuildTests.edit(site, IncrementalBuildTests.talk) { $0 + "\n第 \(round) 次补充。\n" }
            let report = try IncrementalBuildTests.buildBoth(site, "a record \(name)")
            #expect(report.reusedFiles == 0, "\(name): nothing is linked from a site the record cannot vouch for")
            #expect(report.notes.contains { $0.contains(said) && $0.contains("完整生成") }, "\(name): \(report.notes)")
            #expect(site.page("talks/2026/09/01-chen-xue-kai-jiang/index.html")?.contains("第 \(round) 次补充。") == true)
        }
    }

    @Test("a record written by another dangjian program means a full build with a note")
    func otherProgram() throws {
        let site = try TestSite(copying: Repository.sampleSite)
        let built = try CommandLineTests().run(["build", "--root", site.root.path, "--quiet"])
        try #require(built.status == 0, "\(built.stderr)")
        try IncrementalBuildTests.edit(site, IncrementalBuildTests.talk) { $0 + "\n另一程序之后的补充。\n" }
        let report = try IncrementalBuildTests.buildBoth(site, "a record of another program")
        #expect(report.reusedFiles == 0)
        #expect(report.notes.contains { $0.contains("另一版本") }, "\(report.notes)")
    }

    @Test("the site folder removed between builds: the record names files that are gone, the build writes them")
    func siteRemoved() throws {
        let site = try TestSite(copying: Repository.sampleSite)
        _ = try IncrementalBuildTests.buildBoth(site, "first build")
        try FileManager.default.removeItem(at: site.output)
        let report = try IncrementalBuildTests.buildBoth(site, "site/ removed")
        #expect(report.reusedFiles == 0)
        #expect(report.phases.contains { $0.name == "render and write" })
    }

    @Test("the command line: --full writes every file; without it unchanged files are linked")
    func commandLine() throws {
        let site = try TestSite(copying: Repository.sampleSite)
        let cli = CommandLineTests()
        #expect(try cli.run(["build", "--root", site.root.path, "--quiet"]).status == 0)
        let again = try cli.run(["build", "--root", site.root.path, "--verbose"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("沿用上次生成的未变文件"), "\(again.stdout)")
        let full = try cli.run(["build", "--root", site.root.path, "--full", "--verbose"])
        #expect(full.status == 0)
        #expect(!full.stdout.contains("沿用上次生成的未变文件"), "\(full.stdout)")
        #expect(full.stdout.contains("生成与写入"))
    }
}
