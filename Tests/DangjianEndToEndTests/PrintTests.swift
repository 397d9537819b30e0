import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// Bulletins, boards and the album printed by a real headless Chromium, read back with poppler.
@Suite("Printing to PDF", .serialized)
struct PrintTests {
    static let printed: (site: TestSite, report: BuildReport) = {
        let site = try! TestSite(copying: Repository.sampleSite)
        return (site, site.buildAndPrint())
    }()

    func pdf(_ path: String) -> URL { Self.printed.site.output.appendingPathComponent(path) }

    @Test("the sample site prints without problems: every bulletin, board and the album")
    func printsEverything() throws {
        try #require(PDFPrinter.findChromium() != nil, "Chromium is needed: apt-get install chromium")
        let report = Self.printed.report
        #expect(report.succeeded, "\(report.diagnostics.map(DiagnosticFormatter.compilerStyle))")
        let files = Self.printed.site.outputFiles().filter { $0.hasPrefix("print/") }
        #expect(files.filter { $0.hasPrefix("print/boards/") }.count == 4)
        #expect(files.filter { $0.hasPrefix("print/bulletins/salon-") }.count == 4)
        #expect(files.contains("print/bulletins/2026-09.pdf"))
        #expect(files.contains("print/album.pdf"))
    }

    @Test("each board is exactly one page of the board size plus bleed")
    func boards() throws {
        // 900 × 1200 mm with 3 mm bleed on every side.
        let expected = (width: 906.0 / 25.4 * 72, height: 1206.0 / 25.4 * 72)
        for slug in ["hong-se-yin-qing", "qing-feng-li-jian", "shu-xiang-shui-yuan", "xian-feng-yi-zhan"] {
            let info = try #require(PDFInspector.info(pdf("print/boards/\(slug).pdf")), "\(slug)")
            #expect(info.pages == 1, "\(slug)")
            #expect(abs(info.width - expected.width) <= 1 && abs(info.height - expected.height) <= 1,
                    "\(slug): \(info.width) × \(info.height) pt")
        }
    }

    @Test("bulletins are A4 with their number and page numbers; the album is an A4 book")
    func bulletins() throws {
        for name in ["2026-09", "2026-10", "salon-001", "salon-004"] {
            let info = try #require(PDFInspector.info(pdf("print/bulletins/\(name).pdf")), "\(name)")
            #expect(abs(info.width - 595.3) <= 1 && abs(info.height - 841.9) <= 1, "\(name) is not A4")
        }
        let september = PDFInspector.text(pdf("print/bulletins/2026-09.pdf"))
        #expect(september.contains("第3期"))
        #expect(september.contains("—1—") || september.contains("— 1 —"))
        #expect(september.contains("—2—") || september.contains("— 2 —"))
        #expect(PDFInspector.text(pdf("print/bulletins/salon-001.pdf")).contains("第1期"))
        let album = try #require(PDFInspector.info(pdf("print/album.pdf")))
        #expect(abs(album.width - 595.3) <= 1)
        #expect(album.pages >= 4 + 3, "cover, contents, a divider and a page per brand")
        let albumText = PDFInspector.text(pdf("print/album.pdf"))
        #expect(albumText.contains("党建品牌集萃") && albumText.contains("目"))
    }

    @Test("year reports print on A4 with the year's figures, the site's and each branch's")
    func yearReports() throws {
        for name in ["reports/2026", "reports/2026/jiguan-1"] {
            let info = try #require(PDFInspector.info(pdf("print/\(name).pdf")), "\(name)")
            #expect(abs(info.width - 595.3) <= 1 && abs(info.height - 841.9) <= 1, "\(name) is not A4")
        }
        let text = PDFInspector.text(pdf("print/reports/2026.pdf"))
        #expect(text.contains("年度总结") && text.contains("全年开讲 30 讲"))
        #expect(text.contains("全国税务系统青年文明号") && text.contains("★★★★★"))
        #expect(PDFInspector.text(pdf("print/reports/2026/jiguan-1.pdf")).contains("机关第一党支部"))
    }

    @Test("boards and bulletins carry a QR code of their intranet address")
    func qrCodes() throws {
        try #require(PDFInspector.isAvailable("zbarimg"), "zbar-tools is needed to read QR codes")
        #expect(PDFInspector.qrCodes(pdf("print/boards/hong-se-yin-qing.pdf"))
            == ["http://intranet.example/dangjian/brands/hong-se-yin-qing/index.html"])
        #expect(PDFInspector.qrCodes(pdf("print/bulletins/salon-001.pdf"), dpi: 150)
            == ["http://intranet.example/dangjian/salons/001-hong-se-jia-feng/index.html"])
    }

    @Test("a board with too much text still prints on one page, and the build names it")
    func overflowingBoard() throws {
        let paragraph = String(repeating: "支部坚持以党建引领业务，把学习成果转化为服务群众的实际行动。", count: 12)
        let body = (1...30).map { "## 第\($0)部分\n\n\(paragraph)" }.joined(separator: "\n\n")
        let highlight = String(repeating: "把党建工作同业务工作同谋划、同部署、同落实、同考核。", count: 40)
        let site = try TestSite(Fixtures.siteYML + """

        -- content/brands/chang.md --
        ---
        title: 很长的品牌
        date: 2024-01-01
        branch: jiguan-1
        category: 思路引领
        highlights: [亮点一, 亮点二]
        ---
        \(body)
        -- content/brands/man.md --
        ---
        title: 亮点写满的品牌
        date: 2024-01-03
        branch: jiguan-1
        category: 思路引领
        highlights:
        \((1...8).map { "  - 第\($0)条：\(highlight)" }.joined(separator: "\n"))
        ---
        一段简短的介绍。
        -- content/brands/duan.md --
        ---
        title: 简短的品牌
        date: 2024-01-02
        branch: jiguan-2
        category: 思路引领
        ---
        一段简短的介绍。
        """)
        let report = site.buildAndPrint()
        #expect(report.succeeded)
        // A long body is not too much: the board shows what fits of it, ending at a sentence. Eight
        // highlights of 1,000 characters are: they stay, at the smallest type, and the build says so.
        let warnings = report.warnings.filter { $0.code == "board-overflow" }
        #expect(warnings.map(\.file) == ["content/brands/man.md"])
        for name in ["chang", "man", "duan"] {
            let info = try #require(PDFInspector.info(site.output.appendingPathComponent("print/boards/\(name).pdf")))
            #expect(info.pages == 1, "\(name)")
        }
        let chang = PDFInspector.text(site.output.appendingPathComponent("print/boards/chang.pdf"))
        #expect(chang.contains("……全文见内网网站"), "the shortened body points to the full text")
    }
}

@Suite("Print settings of site.yml")
struct PrintSettingsTests {
    @Test("weekly bulletins are numbered from the first week with entries")
    func weeklyBulletins() throws {
        let site = try TestSite(Fixtures.siteYML + """

        bulletin:
          period: week
        -- content/talks/2024/03/06-a.md --
        \(Fixtures.talk(date: "2024-03-06"))
        -- content/talks/2024/03/13-b.md --
        \(Fixtures.talk(date: "2024-03-13"))
        """)
        #expect(site.build().succeeded)
        #expect(site.page("bulletins/2024-w10/index.html")?.contains("第1期") == true)
        #expect(site.page("bulletins/2024-w11/index.html")?.contains("第2期") == true)
        #expect(!site.exists("bulletins/2024-03/index.html"))
    }

    @Test("the board size, bleed and crop marks of site.yml decide the board's page")
    func boardSize() throws {
        try #require(PDFPrinter.findChromium() != nil, "Chromium is needed: apt-get install chromium")
        let site = try TestSite(Fixtures.siteYML + """

        board:
          width_mm: 600
          height_mm: 900
          bleed_mm: 5
          crop_marks: false
        -- content/brands/a.md --
        ---
        title: 品牌
        date: 2024-01-01
        branch: jiguan-1
        category: 思路引领
        ---
        介绍。
        """)
        #expect(site.buildAndPrint().succeeded)
        let info = try #require(PDFInspector.info(site.output.appendingPathComponent("print/boards/a.pdf")))
        #expect(info.pages == 1)
        #expect(abs(PDFInspector.millimetres(info.width) - 610) < 0.5 && abs(PDFInspector.millimetres(info.height) - 910) < 0.5)
        #expect(site.page("boards/a/index.html")?.contains("class=\"crop") == false)
    }
}
