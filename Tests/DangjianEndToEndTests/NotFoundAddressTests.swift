import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// The 404 page answers any address the web server does not have, so the address is the visitor's
/// to choose: whatever it is, the page's `<base>`, links, stylesheet and search form stay on the
/// site's own host. The sample site without `base_url` (it is optional), served by nginx.
@Suite("The 404 page at crafted addresses", .serialized)
struct NotFoundAddressTests {
    static let built: TestSite = {
        let site = try! TestSite(copying: Repository.sampleSite)
        let config = site.root.appendingPathComponent("content/site.yml")
        let text = try! String(contentsOf: config, encoding: .utf8)
        try! text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("base_url:") }
            .joined(separator: "\n").write(to: config, atomically: true, encoding: .utf8)
        precondition(site.build().succeeded)
        return site
    }()

    /// Addresses below the server's root that try to name another host, or hold doubled slashes;
    /// `found` when the page can find the site's root in them (a folder of the site comes first), so
    /// its links lead to the site. A foreign first segment (`/evil.test/tags/x`) is taken for a
    /// sub-path: the links then stay on the host, below it.
    static let crafted: [(path: String, found: Bool)] = [
        ("/evil.test/x", false), ("/evil.test/tags/x", false), ("//evil.test//talks//x", false),
        ("/\\evil.test/tags/x", false), ("/evil.test/", false), ("//javascript:alert(1)//tags/x", false),
        ("/%2F%2Fevil.test/x", false), ("/tags/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E/x", true),
        ("//tags//x", true), ("///talks/2026//no-such.html", true), ("/\\tags/x", true), ("//no-such.html", true),
    ]

    @Test("served at the root: nothing points to another host, and the site is found where a folder of it shows")
    func atRoot() throws {
        let server = try NginxServer(serving: Self.built.output, at: "/")
        defer { server.stop() }
        try check(server, urls: Self.crafted.map { (server.baseURL + "/" + $0.path.dropFirst(), $0.found) })
    }

    @Test("served under a sub-path: a doubled slash before it or inside it still finds the site")
    func underSubPath() throws {
        let server = try NginxServer(serving: Self.built.output, at: "/any/sub/path/")
        defer { server.stop() }
        let origin = "http://127.0.0.1:\(server.port)"
        try check(server, urls: [(origin + "//any/sub/path/tags/x", true), (origin + "//any//sub/path/no-such.html", true),
                                 (origin + "/any/sub/path//evil.test/x", false), (origin + "//evil.test/x", false),
                                 (origin + "/any/sub/path/talks//2026/x", true)])
    }

    @Test("opened as a file it sets no <base>, is styled, and its links lead to the site's files")
    func asFile() throws {
        let prefix = BrowserCrawl.fileURL(Self.built.output)
        let result = try InjectionCheck.run([prefix + "404.html"], prefix: prefix, allowedEvents: InjectionCheck.themeEvents(), browsers: 1)
        let page = try #require(result.pages[prefix + "404.html"])
        #expect(result.live.isEmpty && result.external.isEmpty && result.failed.isEmpty, "\(result.live + result.external + result.failed)")
        #expect(page.base == nil && page.styled)
        #expect(page.links.contains(prefix + "index.html") && page.links.allSatisfy { $0.hasPrefix(prefix) }, "\(page.links)")
    }

    private func check(_ server: NginxServer, urls: [(url: String, found: Bool)]) throws {
        let origin = "http://127.0.0.1:\(server.port)/"
        let result = try InjectionCheck.run(urls.map(\.url), prefix: origin, allowedEvents: InjectionCheck.themeEvents(), browsers: 1)
        #expect(result.live.isEmpty, "\(result.live)")
        #expect(result.external.isEmpty, "\(result.external)")
        for (url, found) in urls {
            let page = try #require(result.pages[url], "\(url) not opened")
            #expect(page.base?.hasPrefix(origin) == true, "\(url): <base href=\"\(page.base ?? "")\">")
            let addresses = page.links + page.resources + page.forms
            #expect(addresses.allSatisfy { $0.hasPrefix(origin) }, "\(url): \(addresses.filter { !$0.hasPrefix(origin) })")
            guard found else { continue }
            #expect(page.styled, "\(url): without its stylesheet")
            #expect(page.links.contains(server.baseURL + "index.html"), "\(url): \(page.links.prefix(4))")
            #expect(!page.forms.isEmpty && page.forms.allSatisfy { $0 == server.baseURL + "search/index.html" }, "\(url): \(page.forms)")
        }
    }
}
