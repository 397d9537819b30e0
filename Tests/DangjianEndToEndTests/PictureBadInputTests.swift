@testable import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// Each bad picture a phone or a colleague gives: a message in Chinese at the entry file's line,
/// the other pictures still made, nothing written when there are errors.
@Suite("Bad pictures: each named with its entry file and line", .serialized)
struct PictureBadInputTests {
    static let entry = "content/talks/2024/03/06-a.md"

    func site(photos: [String], body: String = "正文。", files: [String: Data]) throws -> TestSite {
        let list = "photos:\n" + photos.map { "  - file: \($0)\n    caption: 说明" }.joined(separator: "\n")
        let site = try TestSite(Fixtures.siteYML + "\n-- \(Self.entry) --\n" + Fixtures.talk(list, body: body))
        for (name, data) in files { try site.write("content/talks/2024/03/" + name, data: data) }
        return site
    }

    /// The line of the entry file holding `text`.
    func line(of text: String, in site: TestSite) -> Int {
        let lines = ((try? String(contentsOf: site.root.appendingPathComponent(Self.entry), encoding: .utf8)) ?? "").components(separatedBy: "\n")
        return (lines.firstIndex { $0.contains(text) } ?? -2) + 1
    }

    func only(_ code: String, in report: BuildReport) throws -> Diagnostic {
        let found = report.diagnostics.filter { $0.code == code }
        #expect(found.count == 1, "\(report.diagnostics.map(DiagnosticFormatter.compilerStyle))")
        return try #require(found.first)
    }

    @Test("a text file named .jpg, and a truncated JPEG in the body: errors at their lines; the good photo is still made; no site written")
    func textAndTruncated() throws {
        let good = try TestPictures.jpeg(width: 1600, height: 1200)
        let site = try site(photos: ["照片/好.jpg", "照片/假的.jpg"], body: "开头。\n\n![坏了](照片/半张.jpg)\n",
                            files: ["照片/好.jpg": good, "照片/假的.jpg": Data("这其实是一段文字。\n".utf8),
                                    "照片/半张.jpg": good.prefix(good.count / 2)])
        let report = site.build()
        #expect(!report.succeeded)
        let text = try only("not-a-picture", in: report)
        #expect(text.file == Self.entry && text.line == (line(of: "假的.jpg", in: site)))
        #expect(text.message.contains("content/talks/2024/03/照片/假的.jpg") && text.message.contains("文字"), "\(text.message)")
        let truncated = try only("picture-corrupt", in: report)
        #expect(truncated.file == Self.entry && truncated.line == (line(of: "半张.jpg", in: site)))
        #expect(truncated.message.contains("损坏或不完整") && truncated.message.contains("重新"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "nothing written")
        let cache = site.root.appendingPathComponent(".site.dangjian-cache/pictures-" + PictureRecipe.version)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: cache.path))?.contains { $0.hasSuffix("-480.jpg") } == true,
                "the good photo's versions were made and kept for the next build")
    }

    @Test("a failed build leaves the previous site as it was")
    func previousSiteKept() throws {
        let good = try TestPictures.jpeg(width: 800, height: 600)
        let site = try site(photos: ["照片/好.jpg"], files: ["照片/好.jpg": good])
        #expect(site.build().succeeded)
        let before = site.page("talks/2024/03/06-a/index.html")
        try site.write("content/talks/2024/03/照片/好.jpg", data: Data("<html>not a photo</html>".utf8))
        let report = site.build()
        #expect(!report.succeeded && report.errors.map(\.code) == ["not-a-picture"], "\(report.errors)")
        #expect(site.page("talks/2024/03/06-a/index.html") == before)
    }

    @Test("a photo missing, or not a picture by its name: errors at the line of its file")
    func missingAndWrongName() throws {
        let site = try site(photos: ["照片/没有.jpg", "照片/说明.docx"], files: ["照片/说明.docx": Data("PK".utf8)])
        let report = site.build()
        let missing = try only("missing-photo", in: report)
        #expect(missing.line == (line(of: "没有.jpg", in: site)) && missing.message.contains("找不到照片“照片/没有.jpg”"))
        let document = try only("photo-not-picture", in: report)
        #expect(document.line == (line(of: "说明.docx", in: site)))
    }

    @Test("a HEIC photo from a phone: shown as JPEG on the page, with a warning saying how to convert it for print")
    func heic() throws {
        let site = try site(photos: ["照片/手机.heic"], files: ["照片/手机.heic": TestPictures.picture(width: 1200, height: 900, format: "heic")])
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(DiagnosticFormatter.compilerStyle))")
        let warning = try only("heic-converted", in: report)
        #expect(warning.line == (line(of: "手机.heic", in: site)) && warning.message.contains("vips copy"))
        let page = try #require(site.page("talks/2024/03/06-a/index.html"))
        #expect(page.contains("-480.jpg\" width=\"480\" height=\"360\""))
    }

    @Test("a 70-megapixel picture gets web versions and a warning; one of 256 megapixels is refused")
    func huge() throws {
        let site = try site(photos: ["照片/大.jpg", "照片/特大.jpg"],
                            files: ["照片/大.jpg": TestPictures.black(width: 10_000, height: 7_000),
                                    "照片/特大.jpg": TestPictures.black(width: 16_000, height: 16_000)])
        let report = site.build()
        let warning = try only("picture-huge", in: report)
        #expect(warning.line == (line(of: "大.jpg", in: site)) && warning.message.contains("10000×7000"))
        let refused = try only("picture-too-large", in: report)
        #expect(refused.line == (line(of: "特大.jpg", in: site)) && refused.message.contains("16000×16000"))
        #expect(!report.succeeded)
    }
}

/// Boards print the original cover (body pictures are hidden on boards by board.css), never a web
/// version, and the 150 dpi check reads the original's pixels.
@Suite("Boards print the original pictures", .serialized)
struct BoardPictureTests {
    @Test("a board's cover too small for print is a warning measured on the original, not on its 800 px web version")
    func coverOnBoard() throws {
        let site = try TestSite(Fixtures.siteYML + """

        -- content/brands/a.md --
        ---
        title: 品牌甲
        date: 2024-01-01
        branch: jiguan-1
        cover: images/封面.jpg
        category: 思路引领
        highlights:
          - 亮点
        ---
        介绍。

        ![活动](images/活动.jpg)
        """)
        try site.write("content/brands/images/封面.jpg", data: TestPictures.jpeg(width: 1000, height: 750))
        try site.write("content/brands/images/活动.jpg", data: TestPictures.jpeg(width: 1600, height: 1200))
        try #require(PDFPrinter.findChromium() != nil, "Chromium is needed: apt-get install chromium")
        let report = site.buildAndPrint()
        #expect(report.succeeded, "\(report.diagnostics.map(DiagnosticFormatter.compilerStyle))")
        let board = try #require(site.page("boards/a/index.html"))
        #expect(board.contains("src=\"../../brands/a/images/封面.jpg\"") && !board.contains("pictures/"), "the board uses the originals")
        let warnings = report.warnings.filter { $0.code == "cover-low-resolution" }
        #expect(warnings.map(\.line) == [5], "\(report.diagnostics.map(DiagnosticFormatter.compilerStyle))")
        #expect(warnings.first?.message.hasPrefix("封面“封面.jpg”只有 1000 × 750 像素") == true, "\(warnings)")
        let page = try #require(site.page("brands/a/index.html"))
        #expect(page.contains("pictures/") && page.contains("srcset="), "the brand's page uses the web versions")
        #expect(site.outputFiles().contains("print/boards/a.pdf"))
    }
}
