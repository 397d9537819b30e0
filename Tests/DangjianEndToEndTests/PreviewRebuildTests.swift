import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// The preview server's rebuilds reuse what did not change and render pages when asked for; what
/// they show must still be exactly what a full build writes.
@Suite("Preview rebuilds")
struct PreviewRebuildTests {
    let options = BuildOptions(now: TestSite.today)

    func fullBuild(_ site: TestSite) -> [String: Data] {
        SiteBuilder.buildInMemory(root: site.root, options: options).1.bytesByPath
    }

    func rebuild(_ site: TestSite, _ cache: BuildCache) throws -> (BuildReport, [String: Data]) {
        let (report, shown) = SiteBuilder.buildOnDemand(root: site.root, options: options, cache: cache)
        let files = try #require(shown).allFiles()
        return (report, files.bytesByPath)
    }

    @Test("after a change only that file is read again, and every page equals a full build's")
    func changedFile() throws {
        let site = try TestSite(copying: Repository.sampleSite)
        let cache = BuildCache()
        let (_, first) = try rebuild(site, cache)
        let entryFiles = TestSite.files(under: site.root.appendingPathComponent("content")).filter { $0.hasSuffix(".md") }
        #expect(cache.files.lastRead == entryFiles.count)
        #expect(first == fullBuild(site))

        let talk = "content/talks/2026/09/01-chen-xue-kai-jiang.md"
        let text = try String(contentsOf: site.root.appendingPathComponent(talk), encoding: .utf8)
        try site.write(talk, text.replacingOccurrences(of: "晨学三分钟开讲：", with: "开讲：")
            .replacingOccurrences(of: "tags: [理想信念, 读书学习]", with: "tags: [理想信念, 读书学习, 家风建设]")
            + "\n## 新的一节\n\n补充一段。\n")
        let (_, second) = try rebuild(site, cache)
        #expect(cache.files.lastRead == 1)
        #expect(cache.links.lastConverted == 1)
        #expect(cache.search.lastTokenized == 1, "only the changed talk's postings are made again")
        let full = fullBuild(site)
        #expect(second.keys.sorted() == full.keys.sorted())
        #expect(second.filter { full[$0.key] != $0.value }.keys.sorted() == [])
        #expect(second != first)
    }

    @Test("added and removed files, and a changed address, rebuild like a full build")
    func addedAndRemoved() throws {
        let site = try TestSite(copying: Repository.sampleSite)
        let cache = BuildCache()
        _ = try rebuild(site, cache)
        try site.write("content/talks/2026/11/20-xin-de-yi-jiang.md", """
        ---
        title: 新的一讲
        date: 2026-11-20
        speaker: 李明
        series: 理论摘编
        tags: [理想信念]
        ---

        新的一讲的正文，见[开讲](../09/01-chen-xue-kai-jiang.md)。
        """)
        let (_, added) = try rebuild(site, cache)
        #expect(cache.files.lastRead == 1)
        #expect(added == fullBuild(site))

        // A new slug moves the page: bodies that link to it are converted again.
        let talk = "content/talks/2026/09/01-chen-xue-kai-jiang.md"
        let text = try String(contentsOf: site.root.appendingPathComponent(talk), encoding: .utf8)
        try site.write(talk, text.replacingOccurrences(of: "branch: jiguan-1", with: "branch: jiguan-1\nslug: kai-jiang"))
        let (_, moved) = try rebuild(site, cache)
        #expect(moved["talks/2026/09/01-kai-jiang/index.html"] != nil)
        #expect(cache.links.lastConverted >= 2)
        #expect(moved == fullBuild(site))

        try site.remove("content/talks/2026/11/20-xin-de-yi-jiang.md")
        let (_, removed) = try rebuild(site, cache)
        #expect(cache.files.lastRead == 0)
        #expect(removed == fullBuild(site))
    }

    @Test("problems of unchanged files are reported again, with the new file's, as a check reports them")
    func problemsReplayed() throws {
        let site = try TestSite(copying: Repository.sampleSite)
        let cache = BuildCache()
        try site.write("content/pages/odd.md", "---\ntitle: 另一页\ncolour: red\n---\n正文\n")
        let (first, _) = SiteBuilder.buildOnDemand(root: site.root, options: options, cache: cache)
        #expect(first.warnings.contains { $0.file == "content/pages/odd.md" })

        let talk = "content/talks/2026/09/01-chen-xue-kai-jiang.md"
        let text = try String(contentsOf: site.root.appendingPathComponent(talk), encoding: .utf8)
        try site.write(talk, text.replacingOccurrences(of: "series: 党课团课", with: "series: 党课"))
        let (broken, shown) = SiteBuilder.buildOnDemand(root: site.root, options: options, cache: cache)
        #expect(shown == nil && !broken.succeeded)
        #expect(cache.files.lastRead == 1)
        #expect(broken.diagnostics == site.check().diagnostics)
        #expect(broken.warnings.contains { $0.file == "content/pages/odd.md" })
        #expect(broken.errors.contains { $0.file == talk })
    }

    @Test("a cover that was not a picture is looked at again once a picture replaces it under the same name")
    func coverReplaced() throws {
        let site = try TestSite(Fixtures.siteYML + """

        -- content/brands/a.md --
        ---
        title: 品牌
        date: 2024-01-01
        branch: jiguan-1
        category: 思路引领
        cover: images/a.png
        ---
        介绍。
        """)
        try site.write("content/brands/images/a.png", "不是图片")
        let cache = BuildCache()
        let (broken, _) = SiteBuilder.buildOnDemand(root: site.root, options: options, cache: cache)
        #expect(broken.errors.map(\.code) == ["cover-not-picture"])
        let picture = Repository.root.appendingPathComponent("content/brands/images/xian-feng-yi-zhan-bu-ju.png")
        try site.write("content/brands/images/a.png", data: Data(contentsOf: picture))
        let (fixed, shown) = SiteBuilder.buildOnDemand(root: site.root, options: options, cache: cache)
        #expect(fixed.succeeded && shown != nil, "\(fixed.diagnostics)")
    }
}
