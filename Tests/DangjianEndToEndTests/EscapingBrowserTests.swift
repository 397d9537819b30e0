import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// A site whose every author-written text is a script-injection attempt (`HostileSite`: OWASP-style
/// payloads in every text field of every kind, in every site.yml string, and in bodies with
/// `unsafe_html` off), built, then opened page by page in headless Chromium with the dialogs
/// hooked before any script runs. Needs chromium and nginx (scripts/test installs them).
@Suite("Script-injection attempts in every field, in a browser", .serialized)
struct EscapingBrowserTests {
    static let built: (hostile: HostileSite, site: TestSite) = {
        let hostile = HostileSite()
        let site = try! TestSite(hostile.text)
        try! hostile.writePictures(into: site)
        let report = site.build()
        precondition(report.succeeded, "\(report.errors.prefix(5))")
        return (hostile, site)
    }()

    /// Searches whose results are drawn (every "more" clicked): every entry's record, payloads as
    /// queries, and the filters.
    static var searches: [String] {
        let payloads = XSSPayloads.text
        let queries = ["alert", "script onerror", "正文", payloads[0], payloads[9], payloads[11], payloads[28], payloads[52]]
        return queries.map { "q=" + percent($0) } + [
            "q=alert&type=talk", "tag=" + percent(payloads[2]), "series=" + percent(payloads[7]) + "&q=alert",
            "branch=\(HostileSite.branchID(0))", "q=" + percent(payloads[13]) + "&year=2021",
        ]
    }

    static func percent(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    @Test("the payloads reach every kind's pages intact, as text")
    func payloadsArrive() throws {
        let (hostile, site) = Self.built
        #expect(hostile.payloads.count >= 50 && hostile.markdown.count >= 20)
        for kind in hostile.catalog.kinds {
            for field in kind.fields where Self.holdsText(field.type) {
                #expect(hostile.places.contains("\(kind.id).\(field.name)"), "\(kind.id).\(field.name)")
            }
        }
        #expect(hostile.places.count >= 65, "\(hostile.places)")
        let salon = try #require(site.page("salons/012-e12/index.html"))
        #expect(salon.contains(XMLText.escape(hostile.payloads[11])))
        let board = try #require(site.page("boards/e3/index.html"))
        #expect(board.contains(XMLText.escape(hostile.payloads[2])))
        #expect(site.page("index.html")?.contains(XMLText.escape(hostile.payloads.joined(separator: " "))) == true)
        #expect(board.contains("class=\"board-qr\""), "base_url gives the board a QR code")
    }

    @Test("every page, search results drawn: no dialog called, no live markup, no live address")
    func everyPage() throws {
        let site = Self.built.site
        let prefix = BrowserCrawl.fileURL(site.output)
        let pages = site.outputFiles().filter { $0.hasSuffix(".html") }
        for family in ["index.html", "404.html", "stats/index.html", "album/index.html", "search/index.html", "bulletins/",
                       "boards/", "reports/", "tags/", "speakers/", "series/", "branches/", "ratings/", "honours/", "e1/"] {
            #expect(pages.contains { $0.hasPrefix(family) }, "no \(family) page")
        }
        let searches = Self.searches.map { prefix + "search/index.html?" + $0 }
        let dataPage = try searchDataPage(site)
        let check = try InjectionCheck.run(pages.map { prefix + $0 } + searches + [prefix + dataPage], prefix: prefix,
                                           allowedEvents: InjectionCheck.themeEvents())
        #expect(check.visited.count == pages.count + searches.count + 1)
        // Counts, not the lists: a broken escape shows up on hundreds of pages.
        let live = check.live, problems = check.external + check.failed + check.console
        #expect(live.count == 0, "\(live.prefix(20))")
        #expect(problems.count == 0, "\(problems.prefix(20))")
        for search in searches {
            #expect(check.pages[search]?.state == "done", "\(search)")
        }
        #expect(check.pages[searches[0]]?.results ?? 0 >= 7 * XSSPayloads.text.count, "every entry's title has “alert”")
        #expect(searches.allSatisfy { check.pages[$0]?.results ?? 0 > 0 }, "\(searches.map { check.pages[$0]?.results ?? -1 })")
    }

    /// A page of the test's own, beside the site, that runs every file of the search data.
    private func searchDataPage(_ site: TestSite) throws -> String {
        let scripts = site.outputFiles().filter { $0.hasPrefix("search/") && $0.hasSuffix(".js") }
        #expect(scripts.count > 10)
        let html = "<!DOCTYPE html><meta charset=\"utf-8\"><title>search data</title><body style=\"display:flex\">"
            + "<script>window.dangjianSearch = {shard: function () {}, doc: function () {}};</script>"
            + scripts.map { "<script src=\"\($0)\"></script>" }.joined()
        try html.write(to: site.output.appendingPathComponent("all-search-data.html"), atomically: true, encoding: .utf8)
        return "all-search-data.html"
    }

    @Test("feed.xml and sitemap.xml are well-formed, hold only their own elements, and the payloads only as text")
    func feedAndSitemap() throws {
        let (hostile, site) = Self.built
        let feed = XMLElements(try Data(contentsOf: site.output.appendingPathComponent("feed.xml")))
        #expect(feed.error == nil, "\(feed.error ?? "")")
        let atom: Set = ["feed", "title", "subtitle", "id", "updated", "published", "link", "author", "name", "entry", "category", "summary", "generator"]
        #expect(Set(feed.elements.map(\.name)).isSubset(of: atom), "\(Set(feed.elements.map(\.name)).subtracting(atom))")
        #expect(feed.elements.allSatisfy { ($0.attributes["type"] ?? "text") == "text" || $0.name == "link" }, "text only")
        let texts = Set(hostile.payloads + [hostile.payloads.joined(separator: " ")])
        let titles = feed.texts(of: "title")
        #expect(titles.count > 10 && titles.allSatisfy(texts.contains), "\(titles.filter { !texts.contains($0) }.prefix(3))")
        let addresses = feed.elements.compactMap { $0.attributes["href"] } + feed.texts(of: "id")
        #expect(addresses.allSatisfy(Self.isPlainAddress), "\(addresses.filter { !Self.isPlainAddress($0) }.prefix(5))")
        let sitemap = XMLElements(try Data(contentsOf: site.output.appendingPathComponent("sitemap.xml")))
        #expect(sitemap.error == nil, "\(sitemap.error ?? "")")
        #expect(Set(sitemap.elements.map(\.name)) == ["urlset", "url", "loc", "lastmod"])
        let locations = sitemap.texts(of: "loc")
        #expect(locations.count > 800 && locations.allSatisfy(Self.isPlainAddress), "\(locations.filter { !Self.isPlainAddress($0) }.prefix(5))")
    }

    /// Fields whose value an author types as text (numbers, flags and scores are read as such).
    static func holdsText(_ type: FieldType) -> Bool {
        switch type {
        case .text, .texts, .choice, .branch, .reference, .asset: return true
        case .positiveInteger, .positiveNumber, .flag, .branchScores: return false
        }
    }

    /// A site path, an http(s) address or a feed's `urn:dangjian:` id, with nothing that could end an attribute.
    static func isPlainAddress(_ text: String) -> Bool {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "-._~/%:".contains($0) }
        let scheme = text.prefix { $0 != "/" }.split(separator: ":", omittingEmptySubsequences: false)
        return plain && (scheme.count == 1 || ["http", "https", "urn"].contains(scheme[0]))
    }
}
