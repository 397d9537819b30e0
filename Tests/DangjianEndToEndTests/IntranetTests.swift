import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// The sample site in headless Chromium with the network cut: as files from an unusual folder and
/// from nginx under a sub-path. Needs chromium and nginx (scripts/test installs them).
@Suite("The sample site in a browser, offline", .serialized)
struct IntranetTests {
    /// The built sample site, copied into a folder whose name has spaces and Chinese characters.
    static let built: (site: TestSite, folder: URL) = {
        let site = try! TestSite(copying: Repository.sampleSite)
        precondition(site.build().succeeded)
        let folder = site.root.appendingPathComponent("共享 盘/党建 档案")
        try! FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! FileManager.default.copyItem(at: site.output, to: folder)
        return (site, folder)
    }()

    /// One page of every kind the site has.
    static let pageKinds = [
        "index.html", "talks/2026/09/08-jia-feng-chuan-cheng/index.html", "salons/001-hong-se-jia-feng/index.html",
        "brands/hong-se-yin-qing/index.html", "about/index.html", "talks/index.html", "salons/index.html",
        "brands/index.html", "tags/index.html", "tags/hong-se-chuan-cheng/index.html", "branches/index.html",
        "branches/jiguan-1/index.html", "series/index.html", "series/dao-de-jiang-tang/index.html", "2026/index.html",
        "bulletins/index.html", "bulletins/2026-09/index.html", "bulletins/salon-001/index.html", "boards/index.html",
        "boards/hong-se-yin-qing/index.html", "stats/index.html", "404.html", "search/index.html",
        "search/index.html?q=%E5%AE%B6%E9%A3%8E", "search/index.html?q=%E5%BB%89%E6%B4%81&type=talk&year=2026",
    ]

    @Test("no page of any kind requests anything outside the site, fails a request or logs an error")
    func nothingFromOutside() throws {
        let prefix = BrowserCrawl.fileURL(Self.built.folder)
        for page in Self.pageKinds where !page.contains("?") {
            #expect(FileManager.default.fileExists(atPath: Self.built.folder.appendingPathComponent(page).path), "\(page)")
        }
        let result = try BrowserCrawl.run(Self.pageKinds.map { prefix + $0 }, prefix: prefix, probe: true)
        #expect(result.visited.count == Self.pageKinds.count)
        #expect(result.problems.isEmpty, "\(result.problems.prefix(20))")
    }

    @Test("opened as files, every link of every page leads to a file, and search works there")
    func worksAsFiles() throws {
        let prefix = BrowserCrawl.fileURL(Self.built.folder)
        let search = prefix + "search/index.html?q=%E5%AE%B6%E9%A3%8E"
        let result = try BrowserCrawl.run([prefix + "index.html", search], prefix: prefix, crawl: true, probe: true)
        #expect(result.visited.count > 90)
        #expect(result.checked > 80)
        #expect(result.problems.isEmpty, "\(result.problems.prefix(20))")
        let probe = try #require(result.probes[search])
        #expect(probe.state == "done")
        #expect(probe.count ?? 0 >= 3)
        #expect(probe.titles.first == "家风传承从一张家庭合影说起")
        #expect(probe.marks > 0)
    }

    @Test("served by nginx under a sub-path, every link works, search too, and the 404 page finds the site")
    func worksUnderSubPath() throws {
        let server = try NginxServer(serving: Self.built.folder, at: "/any/sub/path/")
        defer { server.stop() }
        let base = server.baseURL
        let search = base + "search/index.html?q=%E5%AE%B6%E9%A3%8E&type=talk"
        let crawl = try BrowserCrawl.run([base + "index.html", search], prefix: base, crawl: true, probe: true)
        #expect(crawl.visited.count > 90)
        #expect(crawl.problems.isEmpty, "\(crawl.problems.prefix(20))")
        #expect(crawl.probes[search]?.titles.first == "家风传承从一张家庭合影说起")
        let missing = [base + "talks/2026/09/no-such-talk/index.html", base + "no-such-page.html", base + "tags/"]
        let notFound = try BrowserCrawl.run(missing, prefix: base, probe: true)
        // The missing address itself answers 404; nothing else may fail.
        #expect(notFound.problems.filter { !missing.contains($0.url) }.isEmpty, "\(notFound.problems)")
        for url in missing {
            let probe = try #require(notFound.probes[url])
            #expect(probe.styled, "\(url): 404 page without its stylesheet")
            #expect(probe.links.contains(base + "index.html"), "\(url): \(probe.links.prefix(3))")
            #expect(probe.links.allSatisfy { $0.hasPrefix(base) || $0.hasSuffix("#main") }, "\(probe.links)")
        }
    }
}
