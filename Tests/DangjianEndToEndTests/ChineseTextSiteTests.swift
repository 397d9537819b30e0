import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// Issue 4 end to end: Chinese text through a whole build.
@Suite("Chinese text in a built site")
struct ChineseTextSiteTests {
    @Test("a missing link after CJK emphasis is reported at the column the writer sees")
    func linkColumnAfterJoiner() throws {
        let body = "**（一）要求：**见[通知](missing.md)。"
        let site = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk(body: body))
        let report = site.build()
        let d = try #require(report.diagnostics.first { $0.code == "missing-link-target" })
        #expect(d.file == "content/talks/2024/03/06-a.md")
        #expect((d.line, d.column) == (7, 12))
    }

    @Test("site.yml's pinyin words change tag and file-name slugs; headings get ids and a table of contents")
    func pinyinAndContents() throws {
        let body = "## 一、朝阳\n\n正文。\n\n## 二、银行\n\n正文。\n\n### 三、长城\n\n正文。"
        let site = try TestSite(Fixtures.siteYML + "\npinyin:\n  朝阳: zhao-yang\n"
            + "-- content/talks/2024/03/06-朝阳银行.md --\n" + Fixtures.talk("tags: [朝阳区]", body: body))
        let report = site.build()
        #expect(report.errors.isEmpty, "\(report.errors.map(DiagnosticFormatter.compilerStyle))")
        let page = try #require(site.page("talks/2024/03/06-zhao-yang-yin-hang/index.html"))
        #expect(site.exists("tags/zhao-yang-qu/index.html"))
        #expect(page.contains("<h2 id=\"yi-zhao-yang\">一、朝阳</h2>"))
        #expect(page.contains("<h3 id=\"san-chang-cheng\">"))
        #expect(page.contains("<nav class=\"toc\" aria-label=\"目录\">"))
        #expect(page.contains("<a href=\"#er-yin-hang\">二、银行</a>"))
    }

    /// Headings of Chinese documents carry their numbers (一、 （一） 1、): the table of contents, one
    /// list for every level, must not number them again (and the top level's numbers skipped those
    /// of the levels below: 1. 2. 4.). Read back from the page as Chromium prints it.
    @Test("the table of contents shows the headings' own numbers, none added by the browser")
    func contentsNotNumberedTwice() throws {
        let body = "## 一、工作背景\n\n正文。\n\n### （一）调查\n\n正文。\n\n## 二、主要做法\n\n正文。\n\n## 三、主要成效\n\n正文。"
        let site = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-mu-lu.md --\n" + Fixtures.talk("", body: body))
        #expect(site.build().errors.isEmpty)
        let pdf = site.root.appendingPathComponent("page.pdf")
        let chromium = Process()
        chromium.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        chromium.arguments = [BrowserCrawl.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                              "--print-to-pdf=\(pdf.path)", site.output.appendingPathComponent("talks/2024/03/06-mu-lu/index.html").absoluteString]
        chromium.standardOutput = FileHandle.nullDevice
        chromium.standardError = FileHandle.nullDevice
        try chromium.run()
        chromium.waitUntilExit()
        let text = PDFInspector.text(pdf)
        let contents = try #require(text.range(of: "目录").map { String(text[$0.upperBound...].prefix(80)) }, "\(text.prefix(300))")
        let lines = contents.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(Array(lines.prefix(4)) == ["一、工作背景", "（一）调查", "二、主要做法", "三、主要成效"], "\(lines)")
    }

    @Test("a GBK file is built with a warning naming it, its Chinese intact")
    func gbkFile() throws {
        let site = try TestSite(Fixtures.siteYML)
        let gbk = Array("---\ntitle: ".utf8) + [0xB5, 0xB3, 0xBD, 0xA8] // 党建
            + Array("\ndate: 2024-03-06\nspeaker: a\nseries: ".utf8) + [0xD5, 0xFE, 0xB2, 0xDF, 0xB7, 0xA8, 0xB9, 0xE6] // 政策法规
            + Array("\n---\n".utf8) + [0xD5, 0xFD, 0xCE, 0xC4] // 正文
        try site.write("content/talks/2024/03/06-gbk.md", data: Data(gbk))
        let report = site.build()
        #expect(report.errors.isEmpty)
        #expect(report.diagnostics.contains { $0.code == "gb18030-file" && $0.file == "content/talks/2024/03/06-gbk.md" })
        let page = try #require(site.page("talks/2024/03/06-gbk/index.html"))
        #expect(page.contains("<h1 class=\"entry-title\">党建</h1>") && page.contains("<p>正文</p>"))
    }
}
