import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// What would print badly, each a clear message with the file and line: covers that are not
/// pictures or too small for a board, highlights too long or too many, board sizes that are not
/// sizes, and content wider than its paper (a failure with `--strict`).
@Suite("Printing: bad input named, never a broken or silently shrunk PDF", .serialized)
struct PrintProblemTests {
    /// A brand file whose cover is on line 5 and whose highlights are named on line 7, one a line from line 8.
    static func brand(_ name: String, cover: String? = nil, highlights: [String] = ["亮点"]) -> String {
        """
        -- content/brands/\(name).md --
        ---
        title: 品牌\(name)
        date: 2024-01-01
        branch: jiguan-1
        \(cover.map { "cover: \($0)" } ?? "slogan: 口号")
        category: 思路引领
        highlights:
        \(highlights.map { "  - \($0)" }.joined(separator: "\n"))
        ---
        介绍。
        """
    }

    @Test("a cover that is not a picture is an error on its line")
    func coverNotPicture() throws {
        let site = try TestSite(Fixtures.siteYML + "\n" + Self.brand("a", cover: "images/a.png"))
        try site.write("content/brands/images/a.png", "这其实是一个文本文件")
        let report = site.check()
        let error = try #require(report.errors.first { $0.code == "cover-not-picture" }, "\(report.diagnostics)")
        #expect((error.file, error.line, error.column) == ("content/brands/a.md", 5, 8))
        #expect(error.message.contains("不是图片"))
    }

    @Test("a cover too small for the board, a 500-character highlight and nine highlights: warnings, and boards still of one page")
    func coverTooSmallAndLongHighlights() throws {
        let long = String(repeating: "坚持把党建工作与业务工作同谋划、同部署、同落实。", count: 21).prefix(500)
        let site = try TestSite(Fixtures.siteYML + "\n" + Self.brand("xiao", cover: "images/xiao.png")
            + "\n" + Self.brand("chang", highlights: ["短的一条", String(long)])
            + "\n" + Self.brand("duo", highlights: (1...9).map { "第\($0)条亮点" }))
        // 800 × 500 pixels: about 60 dpi across a third of a 900 mm board.
        let small = Repository.root.appendingPathComponent("content/brands/images/xian-feng-yi-zhan-bu-ju.png")
        try site.write("content/brands/images/xiao.png", data: Data(contentsOf: small))
        let checked = site.check()
        let tooLong = try #require(checked.warnings.first { $0.code == "item-too-long" })
        #expect((tooLong.file, tooLong.line) == ("content/brands/chang.md", 9))
        #expect(tooLong.message.contains("第 2 条亮点有 500 字"))
        let tooMany = try #require(checked.warnings.first { $0.code == "too-many-items" })
        #expect((tooMany.file, tooMany.line) == ("content/brands/duo.md", 7))

        try #require(PDFPrinter.findChromium() != nil, "Chromium is needed: apt-get install chromium")
        let report = site.buildAndPrint()
        #expect(report.succeeded)
        let blurred = try #require(report.warnings.first { $0.code == "cover-low-resolution" }, "\(report.diagnostics)")
        #expect((blurred.file, blurred.line) == ("content/brands/xiao.md", 5))
        #expect(blurred.message.contains("800 × 500 像素"))
        for name in ["xiao", "chang", "duo"] {
            let info = try #require(PDFInspector.info(site.output.appendingPathComponent("print/boards/\(name).pdf")), "\(name)")
            #expect(info.pages == 1, "\(name)")
        }
        #expect(report.diagnostics.filter { $0.code == "page-overflow" }.isEmpty)
    }

    @Test("a board size that is not a positive number of millimetres is an error on its line", arguments: [
        ("width_mm: 0.9", "invalid-site-setting", "0.9 毫米不合常理"), ("height_mm: -5", "wrong-type", "大于 0 的数字"),
        ("width_mm: 九十厘米", "wrong-type", "一个数字"), ("bleed_mm: -3", "invalid-site-setting", "出血 -3 毫米有误"),
    ])
    func boardSize(setting: String, code: String, message: String) throws {
        let site = try TestSite(Fixtures.siteYML + "\nboard:\n  \(setting)\n" + Self.brand("a"))
        let report = site.check()
        let error = try #require(report.errors.first { $0.code == code }, "\(report.diagnostics)")
        #expect(error.file == "content/site.yml" && error.line == 12, "\(error)")
        #expect(error.message.contains(message), "\(error.message)")
        #expect(!site.buildAndPrint().succeeded)
        #expect(!site.exists("print"))
    }

    @Test("board settings that are not settings: one value for all, an empty value, a mistyped key; each named on its line")
    func boardSettingsMiswritten() throws {
        let single = try TestSite(Fixtures.siteYML + "\nboard: 900x1200\n" + Self.brand("a"))
        let notMap = try #require(single.check().errors.first, "board: 900x1200 passed")
        #expect((notMap.code, notMap.file, notMap.line) == ("wrong-type", "content/site.yml", 11), "\(notMap)")
        #expect(notMap.message.contains("width_mm: 900") && notMap.message.contains("不能写成一个值"), "\(notMap.message)")
        #expect(!single.buildAndPrint().succeeded)

        let empty = try TestSite(Fixtures.siteYML + "\nboard:\n  height_mm: 1000\n  width_mm:\n" + Self.brand("a"))
        let unfilled = try #require(empty.check().errors.first, "an empty width_mm passed")
        #expect((unfilled.code, unfilled.file, unfilled.line) == ("invalid-site-setting", "content/site.yml", 13), "\(unfilled)")
        #expect(unfilled.message.contains("width_mm") && unfilled.message.contains("没有填写"), "\(unfilled.message)")

        let typo = try TestSite(Fixtures.siteYML + "\nboard:\n  width: 600\n  hieght_mm: 800\n  size: A0\n" + Self.brand("a"))
        let report = typo.check()
        #expect(report.errors.isEmpty, "\(report.errors)")
        let unknown = report.warnings.filter { $0.code == "unknown-field" }
        #expect(unknown.map(\.line) == [12, 13, 14] && unknown.allSatisfy { $0.file == "content/site.yml" }, "\(unknown)")
        #expect(unknown.count == 3 && unknown[0].message.contains("“width”") && unknown[0].message.contains("是否为“width_mm”"), "\(unknown)")
        #expect(unknown.count == 3 && unknown[1].message.contains("是否为“height_mm”"), "\(unknown)")
        #expect(unknown.count == 3 && unknown[2].message.contains("width_mm、height_mm、bleed_mm 或 crop_marks"), "\(unknown)")
    }

    @Test("a cover that is not there is an error on its line, and nothing is printed")
    func coverMissing() throws {
        let site = try TestSite(Fixtures.siteYML + "\n" + Self.brand("a", cover: "images/bu-cun-zai.png"))
        let report = site.buildAndPrint()
        let error = try #require(report.errors.first { $0.code == "missing-cover" }, "\(report.diagnostics)")
        #expect((error.file, error.line, error.column) == ("content/brands/a.md", 5, 8))
        #expect(error.message.contains("bu-cun-zai.png"))
        #expect(!report.succeeded)
        #expect(!site.exists("print") && !site.exists("index.html"), "no site and no PDFs for a broken brand")
    }

    /// Running text, long enough for a line of it to be measured.
    static let runningText = String(repeating: "坚持把党建工作与业务工作同谋划、同部署、同落实，", count: 8) + "一以贯之。"

    static let wideSite = Fixtures.siteYML + """

    unsafe_html: true
    bulletin:
      full_text: true
    -- content/talks/2024/03/06-kuan.md --
    \(Fixtures.talk(body: "\(runningText)\n\n<div style=\"white-space: nowrap\">\(String(repeating: "从网页粘贴来的、不许换行的文字", count: 6))</div>\n\n结尾。"))
    -- content/talks/2024/03/07-zheng-chang.md --
    \(Fixtures.talk(title: "正常的一讲", date: "2024-03-07", body: "正文。\n\n" + wideTable))
    -- content/talks/2024/03/08-gu-ding.md --
    \(Fixtures.talk(title: "定宽的表格", date: "2024-03-08", body: "正文。\n\n" + fixedWidthTable))
    """

    /// A table pasted as HTML from a web page, eight columns of long cells: it wraps within the page.
    static let wideTable = "<table><tr>" + (1...8).map { "<th>第\($0)列表头ColumnHeading\($0)</th>" }.joined() + "</tr><tr>"
        + (1...8).map { "<td>contact_person_\($0)@example.gov.cn 0536-8888123\($0)</td>" }.joined() + "</tr></table>"

    /// A table its web page held at 1,400 pixels: wider than the column whatever the print does.
    static let fixedWidthTable = "<table style=\"min-width: 1400px\"><tr>" + (1...8).map { "<td>第\($0)栏</td>" }.joined() + "</tr></table>"

    @Test("content wider than the column is cut there, never shrinking the PDF, and is a warning naming the entry's file; --strict makes it an error")
    func wideContent() throws {
        try #require(PDFPrinter.findChromium() != nil, "Chromium is needed: apt-get install chromium")
        let site = try TestSite(Self.wideSite)
        let report = site.buildAndPrint()
        #expect(report.succeeded)
        // The no-wrap block wraps, the wide table wraps; the table of fixed width is cut at the column.
        let overflow = report.warnings.filter { $0.code == "page-overflow" }
        #expect(overflow.map(\.file) == ["content/talks/2024/03/08-gu-ding.md"], "\(report.diagnostics)")
        #expect(overflow.first?.message.contains("bulletins/2024-03/index.html") == true)
        #expect(overflow.first?.message.contains("印不出来") == true, "\(overflow)")
        let bulletin = site.output.appendingPathComponent("print/bulletins/2024-03.pdf")
        let size = try #require(PDFInspector.bodyTextSize(PDFInspector.words(bulletin)), "no running text")
        #expect(abs(size - 11) <= 0.6, "the bulletin's body printed at \(size) pt, not 11 pt")
        let text = PDFInspector.text(bulletin).filter { !$0.isWhitespace }
        #expect(text.components(separatedBy: "不许换行的文字").count - 1 == 6, "the no-wrap block is printed whole")

        let strict = try TestSite(Self.wideSite)
        let failed = SiteBuilder.buildAndPrint(root: strict.root, options: BuildOptions(now: TestSite.today), strict: true)
        #expect(!failed.succeeded)
        #expect(failed.errors.map(\.code) == ["page-overflow"])
        #expect(!strict.exists("index.html"), "nothing is swapped in")
    }
}
