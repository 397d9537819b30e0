@testable import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// Sites with real photos made in the test (the `vips` command): web versions, galleries, the
/// cache, and every kind of bad picture a phone or a colleague gives.
@Suite("Photos: web versions, galleries, the cache, bad pictures", .serialized)
struct PictureSiteTests {
    static let page = "talks/2024/03/06-a/index.html"

    /// A talk with a cover, a body picture whose name has a space and Chinese, and a gallery of three (one rotated).
    static func photoSite(extraPhotos: Int = 0) throws -> TestSite {
        var photos = """
        photos:
          - file: 06-照片/开场 讲话.jpg
            caption: 书记<script>alert(1)</script>讲党课
          - 06-照片/竖拍.jpg
          - file: 06-照片/合影.jpg
        """
        for number in 0..<extraPhotos { photos += "\n  - 06-照片/更多/\(number).jpg" }
        let site = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n"
            + Fixtures.talk("cover: 06-照片/合影.jpg\n" + photos, body: "开场。\n\n![会场](<06-照片/现场 合影.jpg>)\n\n结尾。"))
        try site.write("content/talks/2024/03/06-照片/开场 讲话.jpg", data: TestPictures.jpeg(width: 4000, height: 3000))
        try site.write("content/talks/2024/03/06-照片/竖拍.jpg", data: TestPictures.jpeg(width: 1600, height: 1200, orientation: 6))
        try site.write("content/talks/2024/03/06-照片/合影.jpg", data: TestPictures.jpeg(width: 2000, height: 1500, orientation: 1))
        try site.write("content/talks/2024/03/06-照片/现场 合影.jpg", data: TestPictures.jpeg(width: 1200, height: 900))
        for number in 0..<extraPhotos {
            try site.write("content/talks/2024/03/06-照片/更多/\(number).jpg", data: TestPictures.jpeg(width: 640 + number, height: 480))
        }
        return site
    }

    func size(_ site: TestSite, _ path: String) throws -> (Int, Int) {
        let header = try #require(ImageHeader.read(site.output.appendingPathComponent(path)), "\(path)")
        return (header.width ?? 0, header.height ?? 0)
    }

    /// The addresses of `attribute` values in `html` that name web versions.
    func versions(in html: String) -> [String] {
        html.components(separatedBy: "pictures/").dropFirst().map { "pictures/" + $0.prefix { $0 != "\"" && $0 != " " } }
    }

    @Test("thumbnails and page widths have the expected sizes, upright, metadata stripped; pages name them with sizes")
    func versionsAndPages() throws {
        let site = try Self.photoSite()
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(DiagnosticFormatter.compilerStyle))")
        let page = try #require(site.page(Self.page))
        // The body picture: page widths with srcset, sizes and its size, from the root.
        #expect(page.contains("srcset=\"../../../../pictures/"), "\(page)")
        #expect(page.contains("sizes=\"(max-width: 840px) 100vw, 800px\" width=\"800\" height=\"600\""))
        // The gallery: three thumbnails, each a link to its large version; the caption escaped.
        let grid = try #require(page.components(separatedBy: "class=\"gallery-grid\"").last?.components(separatedBy: "</ul>").first)
        let thumbs = versions(in: grid).filter { $0.hasSuffix("-480.jpg") }
        #expect(thumbs.count == 3)
        #expect(page.contains("书记&lt;script&gt;alert(1)&lt;/script&gt;讲党课") && !page.contains("<script>alert(1)"))
        #expect(try size(site, thumbs[0]) == (480, 360))
        #expect(try size(site, thumbs[1]) == (480, 640), "the photo held sideways is portrait")
        let large = versions(in: grid).filter { $0.hasSuffix("-1600.jpg") }
        #expect(large.count == 2)
        for file in large { #expect(try size(site, file) == (1600, 1200)) }
        for file in site.outputFiles() where file.hasPrefix("pictures/") {
            let bytes = try Data(contentsOf: site.output.appendingPathComponent(file))
            #expect(!bytes.contains(Data("Exif".utf8)), "\(file) keeps no EXIF")
            if file.hasSuffix("-480.jpg") { #expect(bytes.count < 120_000, "\(file): \(bytes.count) bytes (noise, the worst case)") }
        }
        // The rotated photo's page-width version is 800 wide, portrait, never wider than its original's 1200.
        let rotated = try #require(versions(in: grid).first { $0.hasSuffix("-480.jpg") && (try? size(site, $0)) ?? (0, 0) == (480, 640) })
        #expect(try size(site, rotated.replacingOccurrences(of: "-480.jpg", with: "-800.jpg")) == (800, 1067))
        #expect(!site.outputFiles().contains(rotated.replacingOccurrences(of: "-480.jpg", with: "-1600.jpg")), "not enlarged past 1200")
        #expect(try size(site, rotated.replacingOccurrences(of: "-480.jpg", with: "-1200.jpg")) == (1200, 1600))
        // The originals are still copied beside the page (bulletins, boards and print use them).
        #expect(site.outputFiles().contains("talks/2024/03/06-a/06-照片/合影.jpg"))
        #expect(site.outputFiles().contains("talks/2024/03/06-a/06-照片/现场 合影.jpg"))
        // Every link and picture of every page resolves.
        let links = LinkChecker.check(site: site.output)
        #expect(links.broken.isEmpty, "\(links.broken)")
    }

    @Test("a rebuild takes every version from the cache; the same photos give the same bytes from an empty cache")
    func cache() throws {
        let site = try Self.photoSite()
        #expect(site.build().succeeded)
        let cacheFolder = site.root.appendingPathComponent(".site.dangjian-cache/pictures-" + PictureRecipe.version)
        let before = try stamps(cacheFolder)
        #expect(before.count == 4 * 3 + 1, "\(before.keys.sorted())") // 4 photos × 3 widths (1200-wide ones stop at 1200), and the index
        let firstBytes = try pictures(site)
        let entryText = try String(contentsOf: site.root.appendingPathComponent("content/talks/2024/03/06-a.md"), encoding: .utf8)
        Thread.sleep(forTimeInterval: 0.05)
        // Touched (a new modification time, the same bytes): hashed again, nothing encoded again.
        let touched = site.root.appendingPathComponent("content/talks/2024/03/06-照片/合影.jpg")
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: touched.path)
        let report = site.build()
        #expect(report.succeeded)
        let after = try stamps(cacheFolder)
        for (name, stamp) in before where name != "index.tsv" { #expect(after[name] == stamp, "\(name) was made again") }
        #expect(try pictures(site) == firstBytes)
        // A photo no entry uses any more leaves the cache with the next build.
        try site.write("content/talks/2024/03/06-a.md", Fixtures.talk())
        #expect(site.build().succeeded)
        #expect(try stamps(cacheFolder).keys.sorted() == ["index.tsv"])
        // From an empty cache, the same bytes.
        try site.write("content/talks/2024/03/06-a.md", entryText)
        try FileManager.default.removeItem(at: cacheFolder)
        #expect(site.build().succeeded)
        #expect(try pictures(site) == firstBytes)
    }

    @Test("an output outside the site root keeps its cache beside it, and the versions are copied from there")
    func outputElsewhere() throws {
        let site = try Self.photoSite()
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let report = SiteBuilder.build(root: site.root, output: elsewhere.appendingPathComponent("网站"), options: BuildOptions(now: TestSite.today))
        #expect(report.succeeded, "\(report.diagnostics.map(DiagnosticFormatter.compilerStyle))")
        let cache = elsewhere.appendingPathComponent(".网站.dangjian-cache/pictures-" + PictureRecipe.version)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).count == 13)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".site.dangjian-cache").path))
        let pictures = try FileManager.default.contentsOfDirectory(atPath: elsewhere.appendingPathComponent("网站/pictures").path)
        #expect(pictures.count == 12)
    }

    private func stamps(_ folder: URL) throws -> [String: Date] {
        var found: [String: Date] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            found[name] = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.modificationDate] as? Date
        }
        return found
    }

    private func pictures(_ site: TestSite) throws -> [String: Data] {
        var found: [String: Data] = [:]
        for file in site.outputFiles() where file.hasPrefix("pictures/") { found[file] = try Data(contentsOf: site.output.appendingPathComponent(file)) }
        return found
    }

    @Test("more than 24 photos: the entry page shows the first 12 and links to a page of all, whose links all resolve")
    func galleryPage() throws {
        let site = try Self.photoSite(extraPhotos: 25)
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(DiagnosticFormatter.compilerStyle))")
        let page = try #require(site.page(Self.page))
        #expect(page.components(separatedBy: "class=\"gallery-item\"").count - 1 == 12)
        #expect(page.contains("href=\"../../../../talks/2024/03/06-a/photos/index.html\"") || page.contains("href=\"photos/index.html\""))
        #expect(page.contains("查看全部 28 张照片"))
        let gallery = try #require(site.page("talks/2024/03/06-a/photos/index.html"))
        #expect(gallery.components(separatedBy: "class=\"gallery-item\"").count - 1 == 28)
        let crawl = try BrowserCrawl.run([BrowserCrawl.fileURL(site.output) + "talks/2024/03/06-a/photos/index.html"],
                                         prefix: BrowserCrawl.fileURL(site.output))
        #expect(crawl.problems.isEmpty, "\(crawl.problems)")
        let links = LinkChecker.links(in: gallery).filter { !$0.hasPrefix("#") }
        #expect(links.filter { $0.contains("pictures/") }.count >= 28)
        let checked = LinkChecker.check(site: site.output)
        #expect(checked.broken.isEmpty, "\(checked.broken)")
    }

    @Test("in Chromium: a thumbnail opens large, → moves to the next photo, ← back, Esc closes")
    func keyboard() throws {
        let site = try Self.photoSite()
        #expect(site.build().succeeded)
        let url = BrowserCrawl.fileURL(site.output) + Self.page
        let script = """
        (function(){
          var links = document.querySelectorAll('.gallery-link'); links[0].click();
          var box = document.querySelector('.lightbox'); var seen = [box.getAttribute('data-current')];
          function key(k){ document.dispatchEvent(new KeyboardEvent('keydown', {key: k, bubbles: true})); seen.push(box.hidden ? 'closed' : box.getAttribute('data-current')); }
          key('ArrowRight'); key('ArrowRight'); key('ArrowRight'); key('ArrowLeft');
          var shown = box.querySelector('img').getAttribute('src');
          key('Escape');
          return seen.join(',') + '|' + shown + '|' + (document.activeElement === links[0]);
        })()
        """
        let result = try Chromium.evaluate(script, at: url, wait: 1)
        let parts = result.components(separatedBy: "|")
        #expect(parts.first == "1,2,3,1,3,closed", "\(result)")
        #expect(parts.count == 3 && parts[1].hasSuffix("-1600.jpg") && parts[2] == "true", "\(result)")
    }
}
