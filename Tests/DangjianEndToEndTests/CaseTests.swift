import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// 典型案例, added through the catalog alone: listed wherever the issue promises, named in every way
/// a writer might name their brand, and wrong files told apart clearly.
@Suite("Typical cases")
struct CaseTests {
    static let site = Fixtures.siteYML + """

    base_url: http://intranet.example/dangjian/
    -- content/brands/hong-se-yin-qing.md --
    ---
    title: 红色引擎：党建引领机关建设
    date: 2023-05-01
    branch: jiguan-1
    category: 思路引领
    ---
    品牌正文。
    -- content/brands/先锋驿站.md --
    ---
    title: 先锋驿站
    date: 2023-06-01
    branch: jiguan-2
    category: 载体创新
    ---
    品牌正文。
    -- content/cases/hong-se-yin-qing/ke-ti.md --
    ---
    title: 课题化破解服务难题
    date: 2024-03-06
    brand: hong-se-yin-qing
    results: [办结时间缩短一半, 满意度百分之九十八]
    tags: [为民服务]
    ---
    课题化工作的正文，讲一讲做法。
    -- content/cases/hong-se-yin-qing/jie-dui.md --
    ---
    title: 结对共建走进基层
    date: 2024-04-10
    brand: 红色引擎
    tags: [为民服务]
    ---
    结对共建的正文。
    -- content/cases/yan-shi.md --
    ---
    title: 延时服务守住最后一分钟
    date: 2024-03-20
    brand: ../brands/先锋驿站.md
    ---
    延时服务的正文，见[课题化](hong-se-yin-qing/ke-ti.md)。
    """

    static let built: TestSite = {
        let site = try! TestSite(CaseTests.site)
        site.build()
        return site
    }()

    private func page(_ path: String) throws -> String { try #require(Self.built.page(path), "\(path) was not built") }

    @Test("a case has its page, its brand's branch, and is listed on its brand's page newest first")
    func pages() throws {
        #expect(Self.built.report?.succeeded == true, "\(Self.built.report?.diagnostics.map(DiagnosticFormatter.compilerStyle) ?? [])")
        let ke = try page("cases/ke-ti/index.html")
        #expect(ke.contains("课题化破解服务难题"))
        #expect(ke.contains(#"<a href="../../brands/hong-se-yin-qing/index.html">红色引擎：党建引领机关建设</a>"#))
        #expect(ke.contains(#"<a href="../../branches/jiguan-1/index.html">机关第一党支部</a>"#))
        #expect(ke.contains("<li>办结时间缩短一半</li>"))
        let brand = try page("brands/hong-se-yin-qing/index.html")
        #expect(brand.contains(#"id="cases""#))
        let newer = try #require(brand.range(of: "结对共建走进基层")), older = try #require(brand.range(of: "课题化破解服务难题"))
        #expect(newer.lowerBound < older.lowerBound)
        #expect(!brand.contains("延时服务守住最后一分钟"))
        #expect(try page("brands/xian-feng-yi-zhan/index.html").contains("延时服务守住最后一分钟"))
        let branch = try page("branches/jiguan-1/index.html")
        #expect(branch.contains("典型案例（2 个）") && branch.contains("结对共建走进基层"))
        #expect(try page("cases/index.html").contains("共 3 个案例"))
    }

    @Test("counted on the brand wall and the brands index, under their brand in the album and on its board")
    func printedAndCounted() throws {
        for path in ["index.html", "brands/index.html"] {
            let html = try page(path)
            #expect(html.contains("典型案例 2 个"), "\(path)")
            #expect(html.contains("典型案例 1 个"), "\(path)")
        }
        let album = try page("album/index.html")
        let brandAt = try #require(album.range(of: "id=\"brand-hong-se-yin-qing\"")).lowerBound
        let caseAt = try #require(album.range(of: "<h5>课题化破解服务难题</h5>")).lowerBound
        let nextBrandAt = try #require(album.range(of: "id=\"brand-xian-feng-yi-zhan\"")).lowerBound
        #expect(brandAt < caseAt)
        #expect((caseAt < nextBrandAt) == (brandAt < nextBrandAt))
        let board = try page("boards/hong-se-yin-qing/index.html")
        #expect(board.contains("典型案例<span>2 个</span>"))
        #expect(board.contains("<li>结对共建走进基层</li><li>课题化破解服务难题</li>"))
        #expect(board.contains("扫码阅读典型案例"))
        #expect(board.contains("http://intranet.example/dangjian/brands/hong-se-yin-qing/index.html#cases"))
    }

    @Test("found by search, on tag, year and bulletin pages, and in the feed")
    func everywhere() throws {
        #expect(try page("tags/wei-min-fu-wu/index.html").contains("课题化破解服务难题"))
        #expect(try page("2024/index.html").contains("延时服务守住最后一分钟"))
        let march = try page("bulletins/2024-03/index.html")
        #expect(march.contains("典型案例 2 个") && march.contains("<span class=\"toc-kind\">典型案例</span>课题化破解服务难题"))
        #expect(!march.contains("结对共建走进基层"))
        #expect(try page("bulletins/2024-04/index.html").contains("结对共建走进基层"))
        let feed = try #require(Self.built.page("feed.xml"))
        #expect(feed.contains("<title>结对共建走进基层</title>") && feed.contains(#"<category term="case" label="典型案例"/>"#))
        let documents = Self.built.outputFiles().filter { $0.hasPrefix("search/doc/") }.compactMap { Self.built.page($0) }.joined()
        #expect(documents.contains("\"t\":\"延时服务守住最后一分钟\"") && documents.contains("\"k\":\"典型案例\""))
        #expect(try page("search/index.html").contains(#"value="case""#))
        #expect(try page("cases/yan-shi/index.html").contains(#"href="../../cases/ke-ti/index.html""#))
        #expect(try page("cases/ke-ti/index.html").contains("引用本文的条目"))
    }

    @Test("`new case` writes the brand by its file name and the case builds")
    func scaffold() throws {
        let site = try TestSite(Self.site)
        let request = NewEntryRequest(kind: .typicalCase, title: "新的案例", values: ["brand": "先锋驿站", "results": "一，二"])
        let path = try EntryScaffold.create(request, root: site.root, now: TestSite.today).get()
        #expect(path == "content/cases/xin-de-an-li.md")
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        #expect(text.contains("brand: 先锋驿站  # 先锋驿站\nresults: [\"一\", \"二\"]\n"))
        #expect(site.build().succeeded)
        #expect(site.page("brands/xian-feng-yi-zhan/index.html")?.contains("新的案例") == true)
        let wrong = EntryScaffold.create(NewEntryRequest(kind: .typicalCase, title: "甲", values: ["brand": "红色引警"]),
                                         root: site.root, now: TestSite.today)
        #expect((try? wrong.get()) == nil)
    }
}

/// A case that names no brand, and files in the wrong folder: each one clear message.
@Suite("Bad input: cases and misplaced files")
struct CaseBadInputTests {
    private func build(_ files: String) throws -> BuildReport {
        try TestSite(CaseTests.site + "\n" + files).build()
    }

    private func only(_ code: String, in report: BuildReport) throws -> Diagnostic {
        let matches = report.diagnostics.filter { $0.code == code }
        #expect(matches.count == 1, "\(report.diagnostics.map(DiagnosticFormatter.compilerStyle))")
        return try #require(matches.first)
    }

    @Test("a case naming a brand that does not exist gets a did-you-mean at the field")
    func unknownBrand() throws {
        let report = try build("-- content/cases/x.md --\n---\ntitle: 案例\ndate: 2024-03-06\nbrand: 红色引警\n---\n正文")
        let d = try only("unknown-brand", in: report)
        #expect(DiagnosticFormatter.compilerStyle(d) == "content/cases/x.md:4:8: 错误: 找不到所属品牌“红色引警”，是否为“红色引擎”？")
        #expect(!report.succeeded)
        let far = try build("-- content/cases/x.md --\n---\ntitle: 案例\ndate: 2024-03-06\nbrand: 完全不同的名字\n---\n正文")
        #expect(try only("unknown-brand", in: far).message.contains("请填写一支部一品牌的文件名、网址名或标题"))
    }

    @Test("a case saved under brands/ is told to move, instead of lacking a branch and a category")
    func caseInBrands() throws {
        let report = try build("-- content/brands/ke-ti-2.md --\n---\ntitle: 案例\ndate: 2024-03-06\nbrand: hong-se-yin-qing\n---\n正文")
        let d = try only("wrong-folder", in: report)
        #expect((d.file, d.line, d.column) == ("content/brands/ke-ti-2.md", 4, 1))
        #expect(d.message.contains("典型案例") && d.message.contains("content/cases/"))
        #expect(!report.diagnostics.contains { $0.code == "missing-field" })
    }

    @Test("a talk saved under salons/ and a file outside every folder are told where they belong")
    func misplaced() throws {
        let report = try build("-- content/salons/06-a.md --\n" + Fixtures.talk() + "\n-- content/talk/06-b.md --\n" + Fixtures.talk())
        let d = try only("wrong-folder", in: report)
        #expect(d.file == "content/salons/06-a.md" && d.message.contains("content/talks/"))
        let stray = try only("stray-markdown", in: report)
        #expect(stray.file == "content/talk/06-b.md" && stray.message.contains("应放在 content/talks/ 中"))
    }

    @Test("a case of a draft brand waits with its brand, and says so")
    func draftBrand() throws {
        let site = try TestSite(CaseTests.site.replacingOccurrences(of: "category: 载体创新", with: "category: 载体创新\ndraft: true"))
        let report = site.build()
        #expect(report.succeeded)
        let d = try only("unpublished-reference", in: report)
        #expect(d.file == "content/cases/yan-shi.md" && d.line == 4)
        #expect(!site.exists("cases/yan-shi/index.html"))
        #expect(site.exists("cases/ke-ti/index.html"))
    }
}
