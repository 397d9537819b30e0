import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// The preview told which files were written: an edit of texts alone converts only those texts,
/// into the last rebuild's site. What it shows must still be what a full build writes, with the
/// problems a check reports; anything more than texts rebuilds the whole site.
@Suite("Preview rebuilds after an edit of texts alone")
struct PreviewTextEditTests {
    let options = BuildOptions(now: TestSite.today)
    let talk = "content/talks/2026/09/01-chen-xue-kai-jiang.md"

    func fullBuild(_ site: TestSite) -> [String: Data] {
        SiteBuilder.buildInMemory(root: site.root, options: options).1.bytesByPath
    }

    func rebuild(_ site: TestSite, _ cache: BuildCache, changed: Set<String>?) throws -> (BuildReport, [String: Data]) {
        let (report, shown) = SiteBuilder.buildOnDemand(root: site.root, options: options, cache: cache, changed: changed)
        return (report, try #require(shown, "\(report.errors)").allFiles().bytesByPath)
    }

    func edit(_ site: TestSite, _ path: String, _ change: (String) -> String) throws {
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        try site.write(path, change(text))
    }

    /// Every file that differs from a full build's, by path (empty when the two are the same).
    func differences(_ shown: [String: Data], _ site: TestSite) -> [String] {
        let full = fullBuild(site)
        return Set(shown.keys).union(full.keys).filter { shown[$0] != full[$0] }.sorted()
    }

    @Test("a talk's text edited: only it is read and converted, and pages, search and problems equal a full build's")
    func textEdited() throws {
        let site = try TestSite(copying: Repository.sampleSite)
        let cache = BuildCache()
        let (_, first) = try rebuild(site, cache, changed: nil)
        #expect(!cache.lastEditedTextsOnly)

        // A longer text (another count of characters, another search text) with a new problem in it.
        try edit(site, talk) { $0.replacingOccurrences(of: "同志们，早上好！", with: "同志们，早上好！今天讲(第一讲)的内容。")
            + "\n## 新的一节\n\n补充一段：学习贵在坚持。\n" }
        let (edited, second) = try rebuild(site, cache, changed: [talk])
        #expect(cache.lastEditedTextsOnly)
        #expect(cache.files.lastRead == 1)
        #expect(cache.links.lastConverted == 1)
        #expect(cache.search.lastTokenized == 1)
        #expect(second != first)
        #expect(differences(second, site) == [])
        #expect(edited.diagnostics == site.check().diagnostics)
        #expect(edited.warnings.contains { $0.file == talk && $0.message.contains("(") })
        #expect(String(decoding: second["talks/2026/09/01-chen-xue-kai-jiang/index.html"] ?? Data(), as: UTF8.self)
            .contains("学习贵在坚持"))

        // The problem fixed: it is gone, as a check says.
        try edit(site, talk) { $0.replacingOccurrences(of: "(第一讲)", with: "（第一讲）") }
        let (fixed, third) = try rebuild(site, cache, changed: [talk, "content/talks/2026/09/.01-chen-xue-kai-jiang.md.swp",
                                                                 "content/talks/2026/09/4913"])
        #expect(cache.lastEditedTextsOnly, "an editor's hidden and vanished files are not part of the site")
        #expect(differences(third, site) == [])
        #expect(fixed.diagnostics == site.check().diagnostics)
    }

    @Test("more than a text changed — a field, a link, a new file, a theme file, or not known — and the whole site is rebuilt")
    func moreThanText() throws {
        let site = try TestSite(copying: Repository.sampleSite)
        let cache = BuildCache()
        _ = try rebuild(site, cache, changed: nil)

        try edit(site, talk) { $0.replacingOccurrences(of: "晨学三分钟开讲：", with: "开讲：") }
        let (_, retitled) = try rebuild(site, cache, changed: [talk])
        #expect(!cache.lastEditedTextsOnly)
        #expect(differences(retitled, site) == [])

        let salon = TestSite.files(under: site.root.appendingPathComponent("content/salons")).filter { $0.hasSuffix(".md") }.sorted()[0]
        try edit(site, talk) { $0 + "\n另见[沙龙](../../../salons/\(salon))。\n" }
        let (_, linked) = try rebuild(site, cache, changed: [talk])
        #expect(!cache.lastEditedTextsOnly, "a new link changes the other entry's backlinks")
        #expect(differences(linked, site) == [])

        try site.write("content/talks/2026/11/20-xin.md", "---\ntitle: 新的一讲\ndate: 2026-11-20\nspeaker: 李明\nseries: 理论摘编\n---\n\n正文。\n")
        let (_, added) = try rebuild(site, cache, changed: ["content/talks/2026/11/20-xin.md"])
        #expect(!cache.lastEditedTextsOnly)
        #expect(differences(added, site) == [])

        try edit(site, "templates/talk.mustache") { $0.replacingOccurrences(of: "</article>", with: "<p>主题改了</p></article>") }
        try edit(site, talk) { $0 + "\n再补一句。\n" }
        let (_, themed) = try rebuild(site, cache, changed: [talk, "templates/talk.mustache"])
        #expect(!cache.lastEditedTextsOnly)
        #expect(differences(themed, site) == [])

        try edit(site, talk) { $0 + "\n又补一句。\n" }
        let (_, unknown) = try rebuild(site, cache, changed: nil)
        #expect(!cache.lastEditedTextsOnly)
        #expect(differences(unknown, site) == [])

        // After a rebuild that failed, nothing is taken from before it.
        try edit(site, talk) { $0.replacingOccurrences(of: "series: 党课团课", with: "series: 没有这个系列") }
        let (broken, _) = SiteBuilder.buildOnDemand(root: site.root, options: options, cache: cache, changed: [talk])
        #expect(!broken.succeeded)
        try edit(site, talk) { $0.replacingOccurrences(of: "series: 没有这个系列", with: "series: 党课团课") + "\n最后一句。\n" }
        let (_, repaired) = try rebuild(site, cache, changed: [talk])
        #expect(!cache.lastEditedTextsOnly)
        #expect(differences(repaired, site) == [])
    }

    @Test("texts edited in rebuilds nobody searched: the next search still finds every edit")
    func editsBetweenSearches() throws {
        let site = try TestSite(copying: Repository.sampleSite)
        let cache = BuildCache()
        let (_, shown) = SiteBuilder.buildOnDemand(root: site.root, options: options, cache: cache)
        try #require(shown).prepareSearch()
        let salon = TestSite.files(under: site.root.appendingPathComponent("content/salons")).filter { $0.hasSuffix(".md") }.sorted()[0]
        try edit(site, talk) { $0 + "\n第一处改动：红色家书。\n" }
        _ = SiteBuilder.buildOnDemand(root: site.root, options: options, cache: cache, changed: [talk])
        #expect(cache.lastEditedTextsOnly)
        try edit(site, "content/salons/" + salon) { $0 + "\n第二处改动：青年理论小组。\n" }
        let (_, last) = try rebuild(site, cache, changed: ["content/salons/" + salon])
        #expect(cache.lastEditedTextsOnly)
        #expect(cache.search.lastTokenized == 2, "the talk and the salon, each edited in a rebuild of its own")
        #expect(differences(last, site) == [])
    }
}
