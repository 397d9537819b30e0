import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// The sample site in the repository's content/, built as a user would build it.
@Suite("The sample site", .serialized)
struct SampleSiteTests {
    static let built: (site: TestSite, report: BuildReport) = {
        let site = try! TestSite(copying: Repository.sampleSite)
        return (site, site.build())
    }()

    @Test("builds without errors or warnings")
    func clean() {
        let report = Self.built.report
        #expect(report.succeeded)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(DiagnosticFormatter.compilerStyle))")
    }

    @Test("every href and src of every page resolves to a file of the site, and none leaves it")
    func links() {
        let result = LinkChecker.check(site: Self.built.site.output)
        #expect(result.checked > 1000)
        #expect(result.broken.isEmpty, "\(result.broken.prefix(20))")
        #expect(result.external.isEmpty, "\(result.external.prefix(20))")
    }

    @Test("every page kind of the contract is there, with the sample's counts")
    func pages() throws {
        let site = Self.built.site
        let files = site.outputFiles()
        let talkPages = files.filter { $0.hasPrefix("talks/2026/") && $0.hasSuffix("/index.html") }
        #expect(talkPages.count == 30)
        #expect(files.filter { $0.hasPrefix("salons/0") && $0.hasSuffix("/index.html") }.count == 4)
        #expect(files.filter { $0.hasPrefix("brands/") && $0.hasSuffix("/index.html") && $0 != "brands/index.html" }.count == 4)
        #expect(files.filter { $0.hasPrefix("boards/") && $0 != "boards/index.html" && $0.hasSuffix(".html") }.count == 4)
        #expect(site.exists("about/index.html"))
        #expect(site.exists("brands/xian-feng-yi-zhan/index.html"))
        #expect(site.exists("bulletins/2026-09/index.html") && site.exists("bulletins/2026-10/index.html"))
        #expect(site.exists("2026/index.html"))
        let series = files.filter { $0.hasPrefix("series/") && $0.hasSuffix("/index.html") && $0 != "series/index.html" }
        #expect(series.count == 9)
        let home = try #require(site.page("index.html"))
        #expect(home.contains("坚持") && home.contains(">30</strong>"))
        // The draft is not published.
        #expect(!files.contains { $0.contains("zhong-qiu-jia-guo") })
    }

    @Test("the statistics page totals attendance per kind, talks included, and shows where and how long")
    func attendance() throws {
        let stats = try #require(Self.built.site.page("stats/index.html"))
        #expect(stats.contains(#"<strong id="stat-attendance">461</strong>"#))
        #expect(stats.contains("<tr><td>晨学三分钟</td><td>166 人次</td></tr>"))
        #expect(stats.contains("<tr><td>先锋沙龙</td><td>197 人次</td></tr>") && stats.contains("<tr><td>典型案例</td><td>98 人次</td></tr>"))
        let talk = try #require(Self.built.site.page("talks/2026/09/01-chen-xue-kai-jiang/index.html"))
        #expect(talk.contains("<dd>机关大会议室</dd>") && talk.contains("<dd>86 人次</dd>"))
        let study = try #require(Self.built.site.page("cases/shu-xiang-gong-du/index.html"))
        #expect(study.contains("<div><dt>地点</dt><dd>书香税苑书屋</dd></div>") && study.contains("<div><dt>时长</dt><dd>120 分钟</dd></div>"))
    }

    @Test("builds byte-identical output twice")
    func deterministic() throws {
        let again = try TestSite(copying: Repository.sampleSite)
        #expect(again.build().succeeded)
        let first = Self.built.site
        #expect(first.outputFiles() == again.outputFiles())
        for file in first.outputFiles() {
            let a = try Data(contentsOf: first.output.appendingPathComponent(file))
            let b = try Data(contentsOf: again.output.appendingPathComponent(file))
            #expect(a == b, "\(file)")
        }
    }

    @Test("rendered pages match their golden files", arguments: [
        "index.html", "talks/2026/09/08-jia-feng-chuan-cheng/index.html", "salons/001-hong-se-jia-feng/index.html",
        "brands/hong-se-yin-qing/index.html", "about/index.html", "talks/index.html", "brands/index.html",
        "tags/index.html", "branches/jiguan-1/index.html", "series/dao-de-jiang-tang/index.html",
        "bulletins/2026-09/index.html", "bulletins/salon-001/index.html", "boards/hong-se-yin-qing/index.html",
        "cases/ke-ti-hua-po-ti/index.html", "cases/index.html",
    ])
    func golden(page: String) throws {
        let html = try #require(Self.built.site.page(page), "\(page) was not built")
        let name = page == "index.html" ? "home.html"
            : page.replacingOccurrences(of: "/index.html", with: "").replacingOccurrences(of: "/", with: "_") + ".html"
        if let difference = Snapshot.compare(html, named: name) { Issue.record(Comment(rawValue: difference)) }
    }
}
