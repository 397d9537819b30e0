import Dangjian
import DangjianTestSupport
import Foundation
import Testing

@Suite("Building small sites")
struct SiteBuildTests {
    static let twoTalks = Fixtures.siteYML + """

    -- content/talks/2024/03/06-jia-feng.md --
    ---
    title: 家风建设第一讲
    date: 2024-03-06
    speaker: 张三
    series: 伦理典故
    branch: jiguan-1
    tags: [家风建设, 廉洁自律]
    ---
    第一段，引用[第二讲](07-第二讲.md#part)与[沙龙](../../../salons/001-a.md)。
    -- content/talks/2024/03/07-第二讲.md --
    ---
    title: 家风建设第二讲
    date: 2024-03-07
    speaker: 李四
    series: 伦理典故
    tags: [家风建设]
    ---
    第二讲正文。
    -- content/salons/001-a.md --
    ---
    title: 第一期沙龙
    date: 2024-03-08
    issue: 1
    host: 机关第二党支部
    speakers: [王五]
    readings: [《论党的建设》]
    homework: 写一篇心得
    tags: [廉洁自律]
    ---
    沙龙正文。
    """

    @Test("entry pages land at the contract's addresses, with pinyin for Chinese file names")
    func addresses() throws {
        let site = try TestSite(Self.twoTalks)
        #expect(site.build().succeeded)
        #expect(site.exists("talks/2024/03/06-jia-feng/index.html"))
        #expect(site.exists("talks/2024/03/07-di-er-jiang/index.html"))
        #expect(site.exists("salons/001-a/index.html"))
        for page in ["index.html", "talks/index.html", "salons/index.html", "brands/index.html", "tags/index.html",
                     "tags/jia-feng-jian-she/index.html", "branches/jiguan-1/index.html", "branches/jiguan-2/index.html",
                     "series/lun-li-dian-gu/index.html", "2024/index.html", "bulletins/2024-03/index.html",
                     "bulletins/salon-001/index.html", "bulletins/index.html", "boards/index.html"] {
            #expect(site.exists(page), "\(page)")
        }
    }

    @Test("links to .md files become relative links to pages, and the target lists its backlinks")
    func crossReferences() throws {
        let site = try TestSite(Self.twoTalks)
        site.build()
        let first = try #require(site.page("talks/2024/03/06-jia-feng/index.html"))
        #expect(first.contains(#"href="../../../../talks/2024/03/07-di-er-jiang/index.html#part""#))
        #expect(first.contains(#"href="../../../../salons/001-a/index.html""#))
        let salon = try #require(site.page("salons/001-a/index.html"))
        #expect(salon.contains("引用本文的条目"))
        #expect(salon.contains("家风建设第一讲"))
    }

    @Test("previous and next follow the date within a kind; related entries share tags")
    func neighbours() throws {
        let site = try TestSite(Self.twoTalks)
        site.build()
        let first = try #require(site.page("talks/2024/03/06-jia-feng/index.html"))
        #expect(first.contains("<span>下一篇</span>"))
        #expect(!first.contains("<span>上一篇</span>"))
        let second = try #require(site.page("talks/2024/03/07-di-er-jiang/index.html"))
        #expect(second.contains("<span>上一篇</span>"))
        #expect(second.contains("相关条目"))
    }

    @Test("tag, branch and series pages gather entries of every kind")
    func taxonomies() throws {
        let site = try TestSite(Self.twoTalks)
        site.build()
        let tag = try #require(site.page("tags/lian-jie-zi-lu/index.html"))
        #expect(tag.contains("家风建设第一讲") && tag.contains("第一期沙龙"))
        let branch = try #require(site.page("branches/jiguan-2/index.html"))
        #expect(branch.contains("第一期沙龙"))
        let series = try #require(site.page("series/lun-li-dian-gu/index.html"))
        #expect(series.contains("家风建设第一讲") && series.contains("家风建设第二讲"))
        let home = try #require(site.page("index.html"))
        #expect(home.contains(">2</strong>"))
    }

    @Test("front matter is escaped; raw HTML stays out unless site.yml allows it; javascript links lose their link")
    func escaping() throws {
        let text = Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk(
            "tags: [\"<b>x</b>\"]", title: "\"<script>alert(1)</script>\"",
            body: "<script>alert(2)</script>\n\n[点我](javascript:alert(3)) <span>行内</span>")
        let site = try TestSite(text)
        let report = site.build()
        #expect(report.succeeded)
        let page = try #require(site.page("talks/2024/03/06-a/index.html"))
        #expect(!page.contains("<script>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("javascript:"))
        #expect(page.contains("点我"))
        #expect(!page.contains("<span>行内</span>"))
        #expect(report.diagnostics.contains { $0.code == "unsafe-link" })

        let unsafe = try TestSite(text.replacingOccurrences(of: "timezone: Asia/Shanghai", with: "unsafe_html: true"))
        unsafe.build()
        #expect(try #require(unsafe.page("talks/2024/03/06-a/index.html")).contains("<span>行内</span>"))
    }

    @Test("drafts and future entries are left out unless asked for")
    func draftsAndFuture() throws {
        let site = try TestSite(Fixtures.siteYML + """

        -- content/talks/2024/03/06-a.md --
        \(Fixtures.talk("draft: true"))
        -- content/talks/2030/01/02-b.md --
        \(Fixtures.talk(date: "2030-01-02"))
        """)
        site.build()
        #expect(!site.exists("talks/2024/03/06-a/index.html"))
        #expect(!site.exists("talks/2030/01/02-b/index.html"))
        site.build(drafts: true, future: true)
        #expect(site.exists("talks/2024/03/06-a/index.html"))
        #expect(site.exists("talks/2030/01/02-b/index.html"))
    }

    @Test("pictures and attachments are copied next to the page that uses them")
    func assets() throws {
        let site = try TestSite(Fixtures.siteYML + """

        -- content/brands/a.md --
        ---
        title: 品牌
        date: 2024-01-01
        branch: jiguan-1
        category: 思路引领
        cover: images/a.png
        ---
        ![合影](images/b.png) [名单](../files/list.txt)
        """)
        // Real pictures (made by the vips command): each gets web versions besides its copied original.
        try site.write("content/brands/images/a.png", data: TestPictures.picture(width: 640, height: 480, format: "png"))
        try site.write("content/brands/images/b.png", data: TestPictures.picture(width: 640, height: 480, format: "png"))
        try site.write("content/files/list.txt", "名单")
        #expect(site.build().succeeded)
        #expect(site.exists("brands/a/images/a.png"))
        #expect(site.exists("brands/a/images/b.png"))
        #expect(site.exists("brands/a/files/list.txt"))
        let page = try #require(site.page("brands/a/index.html"))
        // The body picture shows its 640 px web version (the original is 640 wide: not enlarged) with its size.
        #expect(page.contains(#"-640.jpg" srcset=""#) && page.contains(#"width="640" height="480""#), "\(page)")
        #expect(page.contains(#"href="files/list.txt""#))
    }

    @Test("derived addresses that clash are told apart and reported")
    func derivedClash() throws {
        let site = try TestSite(Fixtures.siteYML + """

        -- content/pages/红色.md --
        ---
        title: 甲
        date: 2024-01-01
        ---
        -- content/pages/hong-se.md --
        ---
        title: 乙
        date: 2024-01-01
        ---
        """)
        let report = site.build()
        #expect(report.succeeded)
        #expect(site.exists("hong-se/index.html"))
        #expect(site.exists("hong-se-2/index.html"))
        #expect(report.warnings.contains { $0.code == "url-renamed" && $0.file == "content/pages/红色.md" })
    }

    @Test("lists are paginated by 20 with page/N addresses")
    func pagination() throws {
        var text = Fixtures.siteYML + "\n"
        for day in 1...25 {
            let dd = day < 10 ? "0\(day)" : "\(day)"
            text += "-- content/talks/2024/03/\(dd)-t.md --\n" + Fixtures.talk(date: "2024-03-\(dd)") + "\n"
        }
        let site = try TestSite(text)
        #expect(site.build().succeeded)
        #expect(site.exists("talks/page/2/index.html"))
        #expect(!site.exists("talks/page/3/index.html"))
        #expect(site.exists("series/zheng-ce-fa-gui/page/2/index.html"))
        let first = try #require(site.page("talks/index.html"))
        #expect(first.contains(#"href="../talks/page/2/index.html""#))
    }
}

@Suite("Tag addresses")
struct TagAddressTests {
    @Test("two tags with one pinyin get two pages, and the file using the second is named")
    func tagClash() throws {
        let site = try TestSite(Fixtures.siteYML + """

        -- content/talks/2024/03/06-a.md --
        \(Fixtures.talk("tags: [家风]", date: "2024-03-06"))
        -- content/talks/2024/03/07-b.md --
        \(Fixtures.talk("tags: [佳丰]", date: "2024-03-07"))
        """)
        let report = site.build()
        #expect(report.succeeded)
        #expect(site.exists("tags/jia-feng/index.html") && site.exists("tags/jia-feng-2/index.html"))
        let warning = try #require(report.warnings.first { $0.code == "tag-renamed" })
        #expect(warning.file == "content/talks/2024/03/06-a.md", "家风 sorts after 佳丰 and takes -2")
        #expect(warning.line == 6)
    }

    @Test("a talk's page shows its length and search finds its whole text, though the build lets the text go before rendering")
    func lengthAndSearchText() throws {
        let long = String(repeating: "坚持学习党章党规，", count: 40) + "最后一句在结尾。"
        let site = try TestSite(SiteBuildTests.twoTalks.replacingOccurrences(of: "第二讲正文。", with: long))
        #expect(site.build().succeeded)
        let page = try #require(site.page("talks/2024/03/07-di-er-jiang/index.html"))
        #expect(page.contains("<dd>327 字 · 约 2 分钟读完</dd>"), "8 × 40 + 7 Han characters")
        let documents = site.outputFiles().filter { $0.hasPrefix("search/doc/") }.compactMap { site.page($0) }.joined()
        #expect(documents.contains("最后一句在结尾。"), "the search index has the body to its end")
        // The same index as one made without letting texts go (in memory, as tests and the preview make it).
        let (report, files) = SiteBuilder.buildInMemory(root: site.root, options: BuildOptions(now: TestSite.today))
        #expect(report.succeeded)
        let inMemory = files.filter { $0.path.hasPrefix("search/") }
        #expect(inMemory.count > 2)
        for file in inMemory {
            guard case let .text(text) = file.content else { continue }
            #expect(site.page(file.path) == text, "\(file.path)")
        }
    }
}
