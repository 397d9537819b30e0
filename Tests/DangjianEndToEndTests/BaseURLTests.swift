import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// site.yml's `base_url` goes into QR codes, feed.xml and sitemap.xml: only an http or https address
/// is taken, and anything else stops the build at the line where it is written.
@Suite("base_url in site.yml")
struct BaseURLTests {
    static func site(baseURL: String) throws -> TestSite {
        let quoted = "'" + baseURL.replacingOccurrences(of: "'", with: "''") + "'"
        return try TestSite(Fixtures.siteYML + "\nbase_url: \(quoted)\n" + """
            -- content/talks/2024/03/06-a.md --
            \(Fixtures.talk())
            """)
    }

    @Test("an address that is not http or https is an error at its line, and nothing is built", arguments: [
        ("javascript:alert(1)", "javascript:"), ("JaVaScRiPt://%0aalert(1)", "JaVaScRiPt://"),
        ("data:text/html,<b>x</b>", "<"), ("data:text/html;base64,PHNjcmlwdD4=", "data:"),
        ("//evil.test/dj/", "http:"), ("intranet.example/dj/", "http://"), ("/dj/", "http://"),
        ("ftp://intranet.example/dj/", "ftp://"), ("http:///dj/", "主机名"), ("http://", "主机名"),
        ("http://intranet.example/a b/", "空格"), ("http://intranet.example/\"onmouseover=alert(1)", "\""),
        ("http://intranet.example/'x", "'"), ("http://intranet.example/dj/<script>", "<"),
        ("http://admin:secret@evil.test/", "@"), ("http://intranet.example:99999/", "端口"),
        ("http://intranet.example:80a/", "端口"), ("http://intranet.example/dj/?from=qr", "?"),
        ("http://intranet.example/dj/#top", "#"), ("http://intra net/", "空格"), ("http://in<tra/", "<"),
        ("http://[fd00::1/", "]"), ("http://..example/", "主机名"),
    ])
    func refused(value: String, hint: String) throws {
        let site = try Self.site(baseURL: value)
        let report = site.build()
        #expect(!report.succeeded)
        let problem = try #require(report.errors.first { $0.code == "invalid-base-url" }, "\(report.diagnostics)")
        #expect(problem.file == "content/site.yml" && problem.line == 11 && problem.column == 11, "\(problem)")
        #expect(problem.message.contains(hint), "\(problem.message)")
        #expect(problem.message.contains("http://intranet.example/dangjian/"))
        #expect(report.errors.count == 1, "\(report.errors)")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        #expect(site.check().errors.map(\.code) == ["invalid-base-url"])
    }

    @Test("an http or https address is taken, its scheme in lower case and a slash at its end", arguments: [
        ("http://intranet.example/dj", "http://intranet.example/dj/"),
        ("HTTPS://10.1.2.3:8443", "https://10.1.2.3:8443/"),
        ("http://[fd00::1]:8080/dj/", "http://[fd00::1]:8080/dj/"),
        ("http://党建.内网/dangjian/", "http://党建.内网/dangjian/"),
        ("https://intranet.example/%E5%85%9A/", "https://intranet.example/%E5%85%9A/"),
    ])
    func taken(value: String, written: String) throws {
        let site = try Self.site(baseURL: value)
        #expect(site.build().succeeded)
        #expect(site.page("sitemap.xml")?.contains("<loc>\(written)index.html</loc>") == true, "\(site.page("sitemap.xml") ?? "")")
        #expect(site.page("feed.xml")?.contains("href=\"\(written)talks/2024/03/06-a/index.html\"") == true)
    }
}
