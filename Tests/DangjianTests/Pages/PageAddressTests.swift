@testable import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// Every page family's addresses are the ones the contract's site layout states.
@Suite("Page families and their addresses")
struct PageAddressTests {
    /// 25 photos beside the first talk: more than its page shows, so they get a page of their own.
    static let photos = (1...25).map { "-- content/talks/2024/03/06-照片/\($0).jpg --\nx" }.joined(separator: "\n")

    static let site = Fixtures.siteYML + """

    base_url: http://intranet.example/dangjian/
    page_size: 1
    -- content/talks/2024/03/06-jia-feng.md --
    ---
    title: 第一讲
    date: 2024-03-06
    speaker: 张三
    series: 伦理典故
    branch: jiguan-1
    tags: [家风建设]
    photos: 06-照片/
    ---
    正文。
    -- content/talks/2024/03/07-b.md --
    ---
    title: 第二讲
    date: 2024-03-07
    speaker: 李四
    series: 伦理典故
    branch: jiguan-1
    tags: [家风建设]
    ---
    正文。
    -- content/salons/007-red.md --
    ---
    title: 沙龙
    date: 2024-03-08
    issue: 7
    host: jiguan-2
    ---
    正文。
    -- content/brands/hong-se.md --
    ---
    title: 红色引擎
    date: 2023-05-01
    branch: jiguan-1
    category: 思路引领
    ---
    正文。
    -- content/cases/a/ke-ti.md --
    ---
    title: 课题
    date: 2024-03-09
    brand: hong-se
    ---
    正文。
    -- content/pages/about.md --
    ---
    title: 关于
    date: 2024-01-01
    ---
    正文。
    """

    static func linked(_ text: String = site) throws -> LinkedSite {
        let test = try TestSite(text + "\n" + photos)
        let log = DiagnosticLog()
        let loaded = ContentLoader.load(root: test.root, log: log)
        let model = ContentModel.build(loaded, options: BuildOptions(now: TestSite.today), log: log)
        let linked = SiteLinker.link(model, log: log)
        #expect(!log.hasErrors, "\(log.diagnostics.map(DiagnosticFormatter.compilerStyle))")
        return linked
    }

    /// Every address each family plans, by family name.
    static func addresses(_ site: LinkedSite) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for job in PageFamilies.plan(site, hasTemplate: { _ in true }) {
            result[PageFamilies.family(of: job).name, default: []].append(PageFamilies.address(of: job, in: site))
        }
        return result
    }

    @Test("each family's pages land where the contract says")
    func contractAddresses() throws {
        let site = try Self.linked()
        let planned = Self.addresses(site)
        #expect(planned["home"] == ["index.html"])
        #expect(planned["entry"]?.sorted() == ["about/index.html", "brands/hong-se/index.html", "cases/ke-ti/index.html",
                                               "salons/007-red/index.html", "talks/2024/03/06-jia-feng/index.html",
                                               "talks/2024/03/07-b/index.html"])
        #expect(planned["kind-index"] == ["talks/index.html", "talks/page/2/index.html", "salons/index.html",
                                          "brands/index.html", "cases/index.html"])
        #expect(planned["tag"] == ["tags/jia-feng-jian-she/index.html", "tags/jia-feng-jian-she/page/2/index.html"])
        #expect(planned["tags-index"] == ["tags/index.html"])
        #expect(planned["branch"] == ["branches/jiguan-1/index.html", "branches/jiguan-1/page/2/index.html",
                                      "branches/jiguan-2/index.html"])
        #expect(planned["branches-index"] == ["branches/index.html"])
        #expect(planned["series"] == ["series/lun-li-dian-gu/index.html", "series/lun-li-dian-gu/page/2/index.html"])
        #expect(planned["series-index"] == ["series/index.html"])
        #expect(planned["year"]?.first == "2024/index.html")
        #expect(planned["year"]?.contains("2023/index.html") == true)
        #expect(planned["period-bulletin"] == ["bulletins/2024-03/index.html"])
        #expect(planned["entry-bulletin"] == ["bulletins/salon-007/index.html"])
        #expect(planned["bulletins-index"] == ["bulletins/index.html"])
        #expect(planned["board"] == ["boards/hong-se/index.html"])
        #expect(planned["boards-index"] == ["boards/index.html"])
        #expect(planned["album"] == ["album/index.html"])
        #expect(planned["search"] == ["search/index.html"])
        #expect(planned["stats"] == ["stats/index.html"])
        #expect(planned["not-found"] == ["404.html"])
        #expect(planned["feed"] == ["feed.xml"])
        #expect(planned["sitemap"] == ["sitemap.xml"])
        #expect(planned["speaker"] == ["speakers/zhang-san/index.html", "speakers/li-si/index.html"])
        #expect(planned["speakers-index"] == ["speakers/index.html"])
        #expect(planned["year-report"] == ["reports/2024/index.html", "reports/2024/jiguan-1/index.html", "reports/2024/jiguan-2/index.html",
                                           "reports/2023/index.html", "reports/2023/jiguan-1/index.html"])
        #expect(planned["gallery"] == ["talks/2024/03/06-jia-feng/photos/index.html"])
        #expect(planned["ledger"] == ["stats/ledger-2024.xlsx", "stats/ledger-2023.xlsx"])
        #expect(Set(planned.keys) == Set(PageFamilies.all.map(\.name)), "every family is tested here")
    }

    @Test("weekly bulletins, print targets, navigation and the summary come from the families")
    func derivedFromFamilies() throws {
        let weekly = try Self.linked(Self.site.replacingOccurrences(of: "page_size: 1", with: "bulletin:\n  period: week"))
        #expect(Self.addresses(weekly)["period-bulletin"] == ["bulletins/2024-w10/index.html"])
        let site = try Self.linked()
        let jobs = PageFamilies.plan(site, hasTemplate: { _ in true })
        #expect(PageFamilies.printTargets(jobs, in: site).map(\.pdf) == ["print/album.pdf", "print/boards/hong-se.pdf",
                                                                          "print/bulletins/2024-03.pdf", "print/bulletins/salon-007.pdf",
                                                                          "print/reports/2023.pdf", "print/reports/2023/jiguan-1.pdf",
                                                                          "print/reports/2024.pdf", "print/reports/2024/jiguan-1.pdf",
                                                                          "print/reports/2024/jiguan-2.pdf"])
        #expect(PageFamilies.printTargets(jobs, in: site).first { $0.kind == .board }?.source == "content/brands/hong-se.md")
        #expect(PageFamilies.navigation(site).map(\.title) == ["首页", "一支部一品牌", "典型案例", "先锋沙龙", "晨学三分钟", "支部", "标签", "简报与展板", "统计"])
        let summary = PageFamilies.summary(jobs, in: site).map { "\($0.label) \($0.count) \($0.unit)" }
        #expect(summary == ["晨学 2 讲", "沙龙 1 期", "品牌 1 个", "案例 1 个", "页面 1 篇", "标签 1 个", "支部 2 个", "系列 1 个",
                            "年度 2 个", "主讲人 2 位", "简报 2 期", "展板 1 块", "画册 1 本", "年度总结 5 份"])
        let optional = PageFamilies.plan(site, hasTemplate: { !["search", "stats", "404"].contains($0) })
        #expect(optional.count == jobs.count - 3)
        #expect(Set(PageFamilies.all.compactMap(\.topFolder)) == ["album", "boards", "branches", "bulletins", "reports", "search",
                                                                  "series", "speakers", "stats", "tags"])
    }

    @Test("a kind that is not always listed has no index or navigation item until it has entries")
    func unusedKind() throws {
        let site = try Self.linked(Self.site.replacingOccurrences(of: "brand: hong-se", with: "brand: hong-se\ndraft: true"))
        #expect(Self.addresses(site)["kind-index"]?.contains("cases/index.html") == false)
        #expect(!PageFamilies.navigation(site).map(\.title).contains("典型案例"))
    }

    @Test("addresses of the contract, made in one place")
    func addresses() throws {
        let catalog = KindCatalog.standard
        let date = EntryDate(year: 2024, month: 3, day: 6)
        let kind = { (id: String) in catalog.kind(id: id)! }
        #expect(Addresses.entry(kind("talk"), slug: "jia-feng", date: date, number: nil) == "talks/2024/03/06-jia-feng/index.html")
        #expect(Addresses.entry(kind("salon"), slug: "red", date: date, number: 12) == "salons/012-red/index.html")
        #expect(Addresses.entry(kind("brand"), slug: "hong-se", date: date, number: nil) == "brands/hong-se/index.html")
        #expect(Addresses.entry(kind("page"), slug: "about", date: date, number: nil) == "about/index.html")
        #expect(Addresses.newFile(kind("talk"), slug: "a", date: date, number: nil) == "content/talks/2024/03/06-a.md")
        #expect(Addresses.newFile(kind("salon"), slug: "a", date: date, number: 3) == "content/salons/003-a.md")
        #expect(Addresses.newFile(kind("case"), slug: "a", date: date, number: nil) == "content/cases/a.md")
        #expect(Addresses.index(kind("talk"), page: 3) == "talks/page/3/index.html")
        #expect(Addresses.indexGroup(kind("brand"), value: "思路引领") == "brands/index.html#si-lu-yin-ling")
        #expect(Addresses.entryBulletin(kind("salon"), number: 1) == "bulletins/salon-001/index.html")
        #expect(Addresses.pdf(of: "bulletins/2026-09/index.html") == "print/bulletins/2026-09.pdf")
        #expect(Addresses.pdf(of: "album/index.html") == "print/album.pdf")
        for name in ["talks", "tags", "album", "print", "assets", "page", "2024", "cases"] {
            #expect(Addresses.isReserved(name, catalog: catalog), "\(name)")
        }
        #expect(!Addresses.isReserved("about", catalog: catalog))
    }
}
