import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// Text pasted from Word and PDF in a whole site: what check says, where, and what tidy does.
@Suite("Pasted text: check and tidy")
struct PasteTidyTests {
    static let body = """
    目录

    一、调研的目的意义 ........ 2
    二、主要做法\t3

    ■ 第一条
    ● 第二条

    \t党组织定期召 开党小组会,学习市委直属党(工)委文件，这一段在句子中间断开了，市委直属党

    （工）委党校，重点抓好培训。

    这是脚注[^1]。

    [^1]: 这是脚注。
    """

    func site() throws -> TestSite {
        try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk(body: Self.body))
    }

    @Test("check warns of each artefact at its file, line and column; the footnote is no error")
    func checkPositions() throws {
        let report = try site().check()
        #expect(report.succeeded)
        let found = report.diagnostics.map { "\($0.code) \($0.line):\($0.column)" }
        #expect(found == [
            "paste-toc-line 9:10", "paste-toc-line 10:7", "paste-bullet-glyph 12:1", "paste-bullet-glyph 13:1",
            "paste-han-space 15:8", "paste-halfwidth-punctuation 15:14", "paste-halfwidth-punctuation 15:22",
            "paste-halfwidth-punctuation 15:24", "paste-broken-paragraph 15:45",
        ], "\(report.diagnostics.map(DiagnosticFormatter.compilerStyle))")
        #expect(report.diagnostics.allSatisfy { $0.file == "content/talks/2024/03/06-a.md" && $0.severity == .warning })
        let site = try site()
        let build = site.build()
        #expect(build.succeeded)
        let page = try #require(site.page("talks/2024/03/06-a/index.html"))
        #expect(page.contains("<p>党组织定期召 开党小组会"))
        #expect(page.contains("<li id=\"fn-1\">\n<p>这是脚注。"))
        #expect(!page.contains("<pre>"))
    }

    @Test("the brand wall's card: contents lines and a point's title pasted in one paragraph left out, one ellipsis style")
    func brandWallSummary() throws {
        let report = "一、调研的目的意义 2\n二、调研的方法步骤 3\n1.支部品牌简介\n支部现有党员 35 名，"
            + String(repeating: "围绕中心工作开展主题党日活动", count: 6) + "。"
        let site = try TestSite(Fixtures.siteYML + """

        -- content/brands/hong-se-yin-qing.md --
        ---
        title: 红色引擎
        date: 2023-05-01
        branch: jiguan-1
        category: 思路引领
        ---
        \(report)
        """)
        #expect(site.build().succeeded)
        let home = try #require(site.page("index.html"))
        let card = try #require(home.firstMatch(of: /<p class="card-summary">([^<]*)<\/p>/)?.output.1)
        #expect(card.hasPrefix("支部现有党员 35 名，围绕中心工作"), "\(card)")
        #expect(card.hasSuffix("……") && card.count <= 58, "\(card)")
        #expect(!home.contains("调研的目的意义") && !home.contains("支部品牌简介"))
        let css = try String(contentsOf: site.root.appendingPathComponent("site/assets/style.css"), encoding: .utf8)
        let rule = try #require(css.firstMatch(of: /\.card-summary \{[^}]*\}/)?.output)
        #expect(!rule.contains("line-clamp"), "a clamp adds the browser's single “…”: \(rule)")
    }

    @Test("a file with many artefacts of a kind lists five and counts the rest")
    func capped() throws {
        let lines = (1...9).map { _ in "党组织定期召 开党小组会。" }.joined(separator: "\n\n")
        let site = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk(body: lines))
        let codes = site.check().diagnostics.map(\.code)
        #expect(codes == Array(repeating: "paste-han-space", count: 5) + ["paste-more"])
        #expect(site.check().diagnostics.last?.message.contains("还有 4 处") == true)
    }

    @Test("tidy fixes a copy, keeps the original beside it and the front matter as it was; check is then clean")
    func tidy() throws {
        let site = try site()
        let front = "---\ntitle:   \"测试: 原样\"\nweird: [keep  ,  this]\ndate: 2024-03-06\nspeaker: 张三\nseries: 政策法规\n---\n"
        let file = site.root.appendingPathComponent("content/talks/2024/03/06-a.md")
        try (front + Self.body).write(to: file, atomically: true, encoding: .utf8)
        var options = Tidy.Options()
        options.joinParagraphs = true
        let results = Tidy.run([file], options: options)
        #expect(results.count == 1 && results[0].problem == nil)
        #expect(results[0].changes.count == 9)
        let first = try #require(results[0].changes.first)
        #expect(first.line == 10 && first.column == 10 && first.description == "删去目录行（页码“........ 2”）")
        #expect(results[0].original?.hasSuffix("06-a.md.orig") == true)
        let tidied = try String(contentsOf: file, encoding: .utf8)
        #expect(tidied.hasPrefix(front + "- 第一条\n- 第二条\n\n\t党组织定期召开党小组会，学习市委直属党（工）委文件"))
        #expect(tidied.contains("市委直属党\n（工）委党校"))
        #expect(try String(contentsOf: URL(fileURLWithPath: file.path + ".orig"), encoding: .utf8) == front + Self.body)
        let check = site.check()
        #expect(check.diagnostics.filter { $0.code.hasPrefix("paste-") }.isEmpty, "\(check.diagnostics)")
        // A second run keeps the first original and finds nothing more to do.
        let again = Tidy.run([file], options: options)
        #expect(again[0].changes.isEmpty)
        #expect(try String(contentsOf: URL(fileURLWithPath: file.path + ".orig"), encoding: .utf8) == front + Self.body)
    }

    @Test("tidy leaves a file whose front matter does not end, and joins paragraphs only when asked")
    func tidyRefuses() throws {
        let site = try site()
        let broken = site.root.appendingPathComponent("content/talks/2024/03/06-b.md")
        try "---\ntitle: x\n党组织定期召 开党小组会。\n".write(to: broken, atomically: true, encoding: .utf8)
        let results = Tidy.run([broken])
        #expect(results[0].problem?.code == "tidy-front-matter")
        #expect(try String(contentsOf: broken, encoding: .utf8) == "---\ntitle: x\n党组织定期召 开党小组会。\n")
        #expect(!FileManager.default.fileExists(atPath: broken.path + ".orig"))
        var options = Tidy.Options()
        options.dryRun = true
        let file = site.root.appendingPathComponent("content/talks/2024/03/06-a.md")
        let before = try String(contentsOf: file, encoding: .utf8)
        let dry = Tidy.run([site.root.appendingPathComponent("content/talks")], options: options)
        #expect(dry.map(\.file).allSatisfy { $0.hasSuffix(".md") })
        let a = try #require(dry.first { $0.file.hasSuffix("06-a.md") })
        #expect(a.changes.count == 8 && a.leftAlone == 1)
        #expect(try String(contentsOf: file, encoding: .utf8) == before)
    }
}
