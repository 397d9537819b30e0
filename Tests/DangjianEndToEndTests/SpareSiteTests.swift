import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// An incremental build writes only what changed into the spare beside the site (`.site.dangjian-spare`)
/// and swaps it in; the previous site becomes the next spare. Whatever was edited, and whatever was
/// done to the spare or the site by hand, the site must be a full build's byte for byte, and the spare
/// must hold the site's own files (second names: no second copy on the disk).
@Suite("Incremental builds: the spare beside the site", .serialized)
struct SpareSiteTests {
    static func spare(of site: TestSite) -> URL { site.root.appendingPathComponent(".site.dangjian-spare") }

    /// How the spare differs from the site: files only in one of them, or under one name another file.
    static func differences(_ site: TestSite) -> [String] {
        let spare = spare(of: site)
        let inSpare = Set(TestSite.files(under: spare)).subtracting([".dangjian-spare"])
        let inSite = Set(TestSite.files(under: site.output))
        var found = inSpare.subtracting(inSite).sorted().map { "only in the spare: \($0)" }
            + inSite.subtracting(inSpare).sorted().map { "only in the site: \($0)" }
        for path in inSpare.intersection(inSite).sorted() {
            var a = stat(), b = stat()
            guard lstat(spare.appendingPathComponent(path).path, &a) == 0, lstat(site.output.appendingPathComponent(path).path, &b) == 0,
                  a.st_ino == b.st_ino, a.st_mode & S_IFMT == S_IFREG else {
                found.append("another file: \(path)")
                continue
            }
        }
        return found
    }

    static func trusted(_ site: TestSite) -> Bool {
        FileManager.default.fileExists(atPath: spare(of: site).appendingPathComponent(".dangjian-spare").path)
    }

    @Test("after the first incremental build the previous site is the spare; later builds write into it, and equal full builds")
    func buildsThroughTheSpare() throws {
        let site = try TestSite(copying: Repository.sampleSite)
        _ = try IncrementalBuildTests.buildBoth(site, "first build")
        #expect(!FileManager.default.fileExists(atPath: Self.spare(of: site).path), "nothing to keep after a first build")
        let talk = IncrementalBuildTests.talk
        try IncrementalBuildTests.edit(site, talk) { $0 + "\n第一次补充。\n" }
        let first = try IncrementalBuildTests.buildBoth(site, "a talk's text, no spare yet")
        #expect(first.phases.contains { $0.name == "update spare" }, "\(first.phases.map(\.name))")
        #expect(Self.differences(site).isEmpty, "\(Self.differences(site).prefix(5))")
        #expect(Self.trusted(site))
        let edits: [(String, () throws -> Void)] = [
            ("a talk's text", { try IncrementalBuildTests.edit(site, talk) { $0 + "\n第二次补充。\n" } }),
            ("a talk's tags", { try IncrementalBuildTests.edit(site, talk) {
                $0.replacingOccurrences(of: "tags: [理想信念, 读书学习]", with: "tags: [理想信念, 家风建设]") } }),
            ("a moved file", {
                let moved = "content/talks/2026/10/31-chen-xue-kai-jiang.md"
                try site.write(moved, try String(contentsOf: site.root.appendingPathComponent(talk), encoding: .utf8)
                    .replacingOccurrences(of: "date: 2026-09-01", with: "date: 2026-10-31"))
                try site.remove(talk)
            }),
            ("a removed file", { try site.remove("content/talks/2026/09/04-zeng-zi-sha-zhi.md") }),
            ("an added file", { try site.write("content/talks/2026/09/05-xin-zeng.md", Fixtures.talk(
                "branch: jiguan-1\ntags: [理想信念]\n", title: "新增的一讲", date: "2026-09-05")) }),
            ("a changed template", { try IncrementalBuildTests.edit(site, "templates/talk.mustache") { $0 + "\n<!-- 模板改动 -->\n" } }),
            ("a changed site.yml: every page changes", { try IncrementalBuildTests.edit(site, "content/site.yml") {
                $0.replacingOccurrences(of: "title: 晨学三分钟 · 党建品牌展示", with: "title: 晨学三分钟 · 党建品牌") } }),
        ]
        for (name, change) in edits {
            // Things put into the site by hand while it is in place: the next build leaves them out,
            // and they must not come back through the spare when the site becomes the spare.
            try Data("手工页面".utf8).write(to: site.output.appendingPathComponent("talks/手工添加.html"))
            try site.write("site/手工文件夹/说明/index.html", "手工文件夹")
            try change()
            let report = try IncrementalBuildTests.buildBoth(site, name)
            let names = report.phases.map(\.name)
            #expect(names.contains("update spare") && !names.contains("check spare"), "\(name): the spare was in line: \(names)")
            #expect(Self.differences(site).isEmpty, "\(name): \(Self.differences(site).prefix(5))")
            #expect(Self.trusted(site), "\(name)")
            #expect(!site.exists("talks/手工添加.html") && !site.exists("手工文件夹/说明/index.html"), "\(name)")
        }
        // `--full` writes every file anew: the spare is removed first, the previous site after the swap.
        try IncrementalBuildTests.edit(site, "content/talks/2026/10/31-chen-xue-kai-jiang.md") { $0 + "\n完整生成之前的补充。\n" }
        let full = SiteBuilder.build(root: site.root, options: IncrementalBuildTests.options, full: true)
        #expect(full.succeeded)
        #expect(full.phases.map(\.name).contains("remove spare") && !full.phases.map(\.name).contains("update spare"))
        #expect(!FileManager.default.fileExists(atPath: Self.spare(of: site).path))
        #expect(site.page("talks/2026/10/31-chen-xue-kai-jiang/index.html")?.contains("完整生成之前的补充。") == true)
    }

    @Test("a spare a killed build left half changed, or changed by hand, is put in order before it is used")
    func spareOutOfLine() throws {
        let site = try TestSite(copying: Repository.sampleSite)
        _ = try IncrementalBuildTests.buildBoth(site, "first build")
        for round in 0..<2 {
            try IncrementalBuildTests.edit(site, IncrementalBuildTests.talk) { $0 + "\n第 \(round) 次补充。\n" }
            _ = try IncrementalBuildTests.buildBoth(site, "round \(round)")
        }
        try #require(Self.trusted(site) && Self.differences(site).isEmpty)
        let spare = Self.spare(of: site)
        // What a build killed while writing into the spare leaves, and worse.
        try FileManager.default.removeItem(at: spare.appendingPathComponent(".dangjian-spare"))
        try FileManager.default.removeItem(at: spare.appendingPathComponent("index.html"))
        let tags = spare.appendingPathComponent("tags/index.html")
        try FileManager.default.removeItem(at: tags)
        try Data("半个页面".utf8).write(to: tags)
        try Data("多出的页面".utf8).write(to: spare.appendingPathComponent("talks/多出的.html"))
        try site.write(".site.dangjian-spare/多出的文件夹/index.html", "多出的文件夹")
        try FileManager.default.createSymbolicLink(atPath: spare.appendingPathComponent("链接.html").path, withDestinationPath: "/etc/passwd")
        // And a file put into the site by hand: it goes with the next build, and must not come back through the spare.
        try Data("手工添加".utf8).write(to: site.output.appendingPathComponent("手工添加.html"))
        for round in 0..<3 {
            try IncrementalBuildTests.edit(site, IncrementalBuildTests.talk) { $0 + "\n整理后第 \(round) 次补充。\n" }
            let report = try IncrementalBuildTests.buildBoth(site, "after the spare was changed, round \(round)")
            #expect(report.phases.contains { $0.name == "check spare" } == (round == 0), "\(report.phases.map(\.name))")
            #expect(Self.differences(site).isEmpty, "round \(round): \(Self.differences(site).prefix(5))")
            #expect(!site.exists("手工添加.html") && !site.exists("多出的文件夹/index.html"))
        }
        #expect(FileSafetyTests.nonRegularItems(under: site.output).isEmpty)
    }

    @Test("a spare without a record to go by is not used: it is removed, and every file written anew")
    func spareWithoutRecord() throws {
        let site = try TestSite(copying: Repository.sampleSite)
        _ = try IncrementalBuildTests.buildBoth(site, "first build")
        try IncrementalBuildTests.edit(site, IncrementalBuildTests.talk) { $0 + "\n补充。\n" }
        _ = try IncrementalBuildTests.buildBoth(site, "a talk's text")
        try #require(Self.trusted(site))
        try FileManager.default.removeItem(at: DependencyRecordTests.record(of: site))
        try IncrementalBuildTests.edit(site, IncrementalBuildTests.talk) { $0 + "\n没有记录之后的补充。\n" }
        let report = try IncrementalBuildTests.buildBoth(site, "the record removed")
        #expect(report.phases.contains { $0.name == "remove spare" }, "\(report.phases.map(\.name))")
        #expect(report.reusedFiles == 0)
        // The site just written anew, the previous one is made its spare again.
        #expect(Self.trusted(site) && Self.differences(site).isEmpty, "\(Self.differences(site).prefix(5))")
    }
}
