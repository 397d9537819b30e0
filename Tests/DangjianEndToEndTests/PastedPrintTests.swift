import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// Prints of real pasted text (`PastedMaterial`: tab-indented lines, 2,000-character paragraphs,
/// long Latin runs and addresses, links, a wide HTML table, brands with 1, 3, 5 and 8 highlights, a
/// 20,000-character body) made by headless Chromium and read back with poppler: page sizes, the
/// body's type size on pages and boards, fonts, badges, one page per board, no blank pages, the
/// contents' page numbers.
///
/// To look at the prints, set `DANGJIAN_KEEP_PRINTS` to a folder: each site (with `site/print/`) is copied there.
@Suite("Printing pasted material", .serialized)
struct PastedPrintTests {
    static let brief = printed(fullText: false)
    static let full = printed(fullText: true)

    static func printed(fullText: Bool) -> (site: TestSite, report: BuildReport) {
        let site = try! TestSite(PastedMaterial.site(fullText: fullText))
        try! PastedMaterial.writeCovers(into: site)
        let report = site.buildAndPrint()
        if let keep = ProcessInfo.processInfo.environment["DANGJIAN_KEEP_PRINTS"] {
            let target = URL(fileURLWithPath: keep).appendingPathComponent(fullText ? "pasted-full" : "pasted")
            try? FileManager.default.removeItem(at: target)
            try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.copyItem(at: site.root, to: target)
            for diagnostic in report.diagnostics { print(DiagnosticFormatter.compilerStyle(diagnostic)) }
        }
        return (site, report)
    }

    func pdf(_ printed: (site: TestSite, report: BuildReport), _ path: String) -> URL {
        printed.site.output.appendingPathComponent("print/" + path)
    }

    static let a4 = (width: 595.3, height: 841.9)

    @Test("everything prints at 100 %, without a page wider than its paper")
    func printsAtFullSize() throws {
        try #require(PDFPrinter.findChromium() != nil, "Chromium is needed: apt-get install chromium")
        for printed in [Self.brief, Self.full] {
            let problems = printed.report.diagnostics.filter { PrintError.qualityCodes.contains($0.code) || $0.isError }
            #expect(printed.report.succeeded && problems.isEmpty, "\(problems.map(DiagnosticFormatter.compilerStyle))")
            for name in ["bulletins/\(PastedMaterial.month).pdf", "bulletins/salon-001.pdf", "album.pdf"] {
                let info = try #require(PDFInspector.info(pdf(printed, name)), "\(name)")
                #expect(abs(info.width - Self.a4.width) <= 1 && abs(info.height - Self.a4.height) <= 1, "\(name) is not A4")
            }
        }
    }

    @Test("the body text keeps the template's size on every page: 11 pt in bulletins, 11.5 pt in the album")
    func bodyTextSize() throws {
        for (printed, name, size) in [(Self.full, "bulletins/\(PastedMaterial.month).pdf", 11.0), (Self.brief, "bulletins/salon-001.pdf", 11.0),
                                      (Self.full, "album.pdf", 11.5), (Self.brief, "bulletins/\(PastedMaterial.month).pdf", 11.0)] {
            let words = PDFInspector.words(pdf(printed, name))
            let pages = Set(words.map(\.page)).sorted()
            #expect(!pages.isEmpty, "\(name)")
            var measured = 0
            for page in pages {
                // Pages with a few lines of running text, not only a box of homework (set at 10 pt).
                guard let found = PDFInspector.bodyTextSize(words.filter { $0.page == page }, lines: 3) else { continue }
                measured += 1
                #expect(abs(found - size) <= 0.6, "\(name) page \(page): body text at \(found) pt, not \(size) pt")
            }
            #expect(measured >= pages.count / 2, "\(name): too few pages with running text (\(measured) of \(pages.count))")
        }
    }

    @Test("no page of the album or a bulletin is blank but for its running head, page number or closing line")
    func noBlankPages() throws {
        // The running head and the page number sit in the top and bottom margins, 20 mm and more;
        // a bulletin's closing line says who printed it and which issue it is.
        let margin = 20 / 25.4 * 72
        let closing = try Regex("(\(PastedMaterial.organization)编印|第[0-9]+期)")
        for printed in [Self.brief, Self.full] {
            for name in ["album.pdf", "bulletins/\(PastedMaterial.month).pdf", "bulletins/salon-001.pdf"] {
                let file = pdf(printed, name)
                let info = try #require(PDFInspector.info(file), "\(name)")
                let withText = Set(PDFInspector.words(file).filter {
                    $0.yMin > margin && $0.yMax < info.height - margin && $0.text.wholeMatch(of: closing) == nil
                }.map(\.page))
                let blank = (1...max(info.pages, 1)).filter { !withText.contains($0) }
                #expect(info.pages > 1 && blank.isEmpty, "\(name): pages \(blank) of \(info.pages) have nothing but the running head and closing line")
            }
        }
    }

    @Test("a pasted HTML table prints as a table within the page, not as a paragraph of bars")
    func pastedTable() throws {
        let file = pdf(Self.full, "bulletins/\(PastedMaterial.month).pdf")
        let words = PDFInspector.words(file)
        let first = try #require(words.first { $0.text == "序号" }, "the table's heading row is not printed")
        let row = words.filter { $0.page == first.page && abs($0.yMin - first.yMin) < 2 }.map(\.text)
        #expect(row.contains("电子邮箱") && row.contains("备注"), "the heading row: \(row)")
        let page = words.filter { $0.page == first.page }
        let rightMargin = Self.a4.width - 20 / 25.4 * 72
        #expect(page.allSatisfy { $0.xMax <= rightMargin + 1 }, "\(page.filter { $0.xMax > rightMargin + 1 }.map(\.text))")
        #expect(page.contains { $0.text == "张建国" } && page.contains { $0.text == "李明" }, "the table's cells are not on its page")
        #expect(!PDFInspector.text(file).contains("|"))
    }

    @Test("links print as their text; a link to another site is followed by its address")
    func links() throws {
        let album = PDFInspector.text(pdf(Self.brief, "album.pdf")).filter { !$0.isWhitespace }
        #expect(album.contains("详见国务院政策文件库（http://www.gov.cn/zhengce/xxgk/index.htm）和本网站的三条亮点。"),
                "\(album.components(separatedBy: "详见").dropFirst().first?.prefix(80) ?? "no link paragraph")")
    }

    @Test("the full-text bulletin and the album are books of many pages, not shrunk to a few")
    func pageCounts() throws {
        let bulletin = try #require(PDFInspector.info(pdf(Self.full, "bulletins/\(PastedMaterial.month).pdf")))
        let brief = try #require(PDFInspector.info(pdf(Self.brief, "bulletins/\(PastedMaterial.month).pdf")))
        let album = try #require(PDFInspector.info(pdf(Self.brief, "album.pdf")))
        #expect(bulletin.pages >= 12, "full texts: \(bulletin.pages) pages")
        #expect(brief.pages <= bulletin.pages / 2, "summaries: \(brief.pages) pages against \(bulletin.pages) in full")
        // Cover, contents, four dividers, and the 20,000-character brand alone takes a dozen pages.
        #expect(album.pages >= 20, "album: \(album.pages) pages")
    }

    @Test("every font is embedded")
    func fonts() throws {
        for name in ["bulletins/\(PastedMaterial.month).pdf", "album.pdf", "boards/ba-tiao.pdf"] {
            let fonts = PDFInspector.fonts(pdf(Self.brief, name))
            #expect(!fonts.isEmpty, "\(name)")
            #expect(fonts.allSatisfy { $0.embedded }, "\(name): \(fonts.filter { !$0.embedded }.map(\.name))")
        }
    }

    @Test("each board is one page of the board size, with every highlight's number badge")
    func boards() throws {
        for (brand, count) in PastedMaterial.brandHighlights.sorted(by: { $0.key < $1.key }) {
            let file = pdf(Self.brief, "boards/\(brand).pdf")
            let info = try #require(PDFInspector.info(file), "\(brand)")
            #expect(info.pages == 1, "\(brand)")
            #expect(abs(PDFInspector.millimetres(info.width) - 906) < 0.5 && abs(PDFInspector.millimetres(info.height) - 1206) < 0.5)
            let words = PDFInspector.words(file)
            let heading = try #require(PDFInspector.phrase("品牌亮点", in: words), "\(brand): no highlights")
            let end = PDFInspector.phrase("品牌介绍", in: words)?.yMin ?? info.height
            // Between the heading and the introduction, at the list's left or further right (a second column).
            let badges = words.filter {
                let middle = ($0.yMin + $0.yMax) / 2
                return middle > (heading.yMin + heading.yMax) / 2 + 10 && middle < end && $0.xMin > heading.xMin - 30 && Int($0.text) != nil
            }
            #expect(badges.map(\.text).sorted { Int($0)! < Int($1)! } == (1...count).map(String.init), "\(brand): badges \(badges.map(\.text))")
            // Badges are drawn the same size, each with its number inside.
            #expect(Set(badges.map { Int(($0.yMax - $0.yMin) * 10) }).count <= 2, "\(brand)")
        }
    }

    @Test("a board's introduction is set at the template's 30 pt or larger; a long one, shown in part, at 30 pt")
    func boardTextSize() throws {
        for brand in PastedMaterial.brandHighlights.keys.sorted() {
            let words = PDFInspector.words(pdf(Self.brief, "boards/\(brand).pdf"))
            let size = try #require(PDFInspector.bodyTextSize(words, lineLength: 20),
                                    "\(brand): no running text")
            // 30 pt at 900 × 1200 mm, up to 1.6 times for a short brand.
            #expect(size >= 29.5 && size <= 48.6, "\(brand): introduction at \(size) pt")
            if ["chang-wen", "san-tiao"].contains(brand) { #expect(abs(size - 30) <= 0.6, "\(brand): introduction at \(size) pt") }
        }
    }

    @Test("a long body shows what fits on the board, ending at a sentence, and points to the full text")
    func longBodyOnBoard() throws {
        let words = PDFInspector.words(pdf(Self.brief, "boards/chang-wen.pdf"))
        let pointer = try #require(words.first { $0.text.hasPrefix("……全文请扫描右上角二维码阅读") }, "no pointer to the full text")
        let heading = try #require(PDFInspector.phrase("品牌介绍", in: words))
        // The line above the pointer, in the pointer's column (the right half of the introduction).
        let middle = (heading.xMin + pointer.xMax) / 2
        let above = words.filter { $0.xMin > middle && $0.yMax < pointer.yMax - 2 && $0.yMin > heading.yMax }
        let lastLine = try #require(above.map(\.yMax).max())
        let lastWord = try #require(above.filter { abs($0.yMax - lastLine) < 2 }.max { $0.xMax < $1.xMax })
        let last = try #require(lastWord.text.last)
        #expect("。！？；”’）》".contains(last), "the excerpt ends with “\(lastWord.text)”")
        // The short introduction of another brand fits whole: no pointer.
        #expect(!PDFInspector.text(pdf(Self.brief, "boards/yi-tiao.pdf")).contains("……全文"))
    }

    @Test("a board without a cover has a drawn placeholder; one with a cover shows it")
    func placeholder() throws {
        let site = Self.brief.site
        let withoutCover = try #require(site.page("boards/san-tiao/index.html"))
        #expect(withoutCover.contains("class=\"board-placeholder\"") && !withoutCover.contains("<img src"))
        let withCover = try #require(site.page("boards/ba-tiao/index.html"))
        #expect(withCover.contains("<img src=\"../../brands/ba-tiao/images/cover.png\""))
    }

    @Test("the contents of the bulletin and the album give the pages where entries start")
    func contentsPageNumbers() throws {
        let titles = (1...10).map { "第\($0)讲：" } + ["先锋沙龙：基层党校怎样办", "长文品牌的第1个案例", "长文品牌的第2个案例"]
        try checkContents(pdf(Self.brief, "bulletins/\(PastedMaterial.month).pdf"), titles: titles)
        try checkContents(pdf(Self.full, "bulletins/\(PastedMaterial.month).pdf"), titles: titles)
        try checkContents(pdf(Self.brief, "album.pdf"), titles: ["三条亮点：党建引领基层治理", "八条亮点", "长文品牌", "一条亮点"])
    }

    /// Each title's line in the contents (the first page that lists it) carries a number at its right;
    /// that page is where the title starts as a heading.
    func checkContents(_ file: URL, titles: [String]) throws {
        let words = PDFInspector.words(file)
        let contentsPage = try #require(words.first { $0.text.contains("目录") || $0.text == "目" }?.page, "no contents")
        let onContents = words.filter { $0.page == contentsPage }
        let numbers = onContents.filter { Int($0.text) != nil && $0.xMax > 480 }
        for title in titles {
            let line = try #require(onContents.first { $0.text.contains(title.prefix(8)) }, "\(title) is not in the contents")
            let number = try #require(numbers.first { abs($0.yMax - line.yMax) < 4 || abs($0.yMin - line.yMin) < 4 },
                                      "\(title): no page number in the contents")
            let page = Int(number.text)!
            let pageText = PDFInspector.text(file, page: page).filter { !$0.isWhitespace }
            let occurrences = pageText.components(separatedBy: title).count - 1
            #expect(occurrences >= (page == contentsPage ? 2 : 1), "\(title) does not start on page \(page)")
            if page > contentsPage + 1 {
                let before = PDFInspector.text(file, page: page - 1).filter { !$0.isWhitespace }
                #expect(!before.hasSuffix(title) && before.components(separatedBy: title).count == 1,
                        "\(title) starts before page \(page)")
            }
        }
    }
}
