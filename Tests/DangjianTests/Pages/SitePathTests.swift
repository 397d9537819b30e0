@testable import Dangjian
import Testing

@Suite("Links between pages and files")
struct SitePathTests {
    @Test("a file beside the page whose name reads like a scheme is linked as ./name, never as javascript:…")
    func colonInFirstSegment() {
        let html = #"<a href="__dangjian_root__/brands/e1/javascript:alert(1).png">x</a><img src="__dangjian_root__/brands/e1/a.png">"#
        #expect(SitePath.resolvingRootMarkers(in: html, forPage: "brands/e1/index.html")
            == #"<a href="./javascript:alert(1).png">x</a><img src="a.png">"#)
        #expect(SitePath.resolvingRootMarkers(in: html, forPage: "bulletins/2026-09/index.html")
            == #"<a href="../../brands/e1/javascript:alert(1).png">x</a><img src="../../brands/e1/a.png">"#)
        #expect(SitePath.resolvingRootMarkers(in: #"<img src="__dangjian_root__/x:y.png">"#, forPage: "index.html") == #"<img src="./x:y.png">"#)
        #expect(SitePath.relative(from: "brands/e1/index.html", to: "brands/e1/data:x.png") == "./data:x.png")
        #expect(SitePath.relative(from: "brands/e1/index.html", to: "brands/e1/files/a:b.png") == "files/a:b.png")
        #expect(SitePath.relative(from: "tags/index.html", to: "brands/e1/a.png") == "../brands/e1/a.png")
    }
}
