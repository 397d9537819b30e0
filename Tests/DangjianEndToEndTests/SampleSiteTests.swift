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
