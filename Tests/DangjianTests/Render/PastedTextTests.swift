@testable import Dangjian
import Testing

/// Text pasted from Word and PDF: paragraph indents, footnotes, tables written as HTML.
@Suite("Render: pasted text as the writer meant it")
struct PastedTextTests {
    static func render(_ markdown: String, raw: Bool = false) -> RenderedMarkdown {
        Markdown.render(markdown, allowRawHTML: raw) { _ in .keep }
    }

    static func html(_ markdown: String) -> String { render(markdown).html }

    @Test("lines indented with a tab, full-width or four spaces are paragraphs, not code", arguments: [
        "\t党校是培训轮训党员干部的主渠道。\n\t第二段从这里开始。",
        "\u{3000}\u{3000}党校是培训轮训党员干部的主渠道。\n\u{3000}\u{3000}第二段从这里开始。",
        "    党校是培训轮训党员干部的主渠道。\n    第二段从这里开始。",
        "\t党校是培训轮训党员干部的主渠道。\n\n\t第二段从这里开始。",
        "\u{3000}\u{3000}党校是培训轮训党员干部的主渠道。\n\n    第二段从这里开始。",
    ])
    func indentedProse(markdown: String) {
        #expect(Self.html(markdown) == "<p>党校是培训轮训党员干部的主渠道。</p>\n<p>第二段从这里开始。</p>\n")
    }

    @Test("an indented line after a paragraph starts a new one; a wrapped line goes on")
    func indentedLineAfterParagraph() {
        #expect(Self.html("前一段的最后一句。\n\t新的一段。") == "<p>前一段的最后一句。</p>\n<p>新的一段。</p>\n")
        #expect(Self.html("\t党校是培训轮训党员干部的\n主渠道。") == "<p>党校是培训轮训党员干部的主渠道。</p>\n")
        #expect(Self.html("## 一、工作动因\n\t党校是主渠道。") == "<h2 id=\"yi-gong-zuo-dong-yin\">一、工作动因</h2>\n<p>党校是主渠道。</p>\n")
    }

    @Test("code stays code: fenced, and indented code that is not Chinese prose")
    func codeStays() {
        #expect(Self.html("```\n\t党校是主渠道。\n```") == "<pre><code>\t党校是主渠道。\n</code></pre>\n")
        #expect(Self.html("    let x = 1 // 注释") == "<pre><code>let x = 1 // 注释\n</code></pre>\n")
        #expect(Self.html("- 列表项\n\n    列表项的第二段") == "<ul>\n<li>\n<p>列表项</p>\n<p>列表项的第二段</p>\n</li>\n</ul>\n")
    }

    @Test("a link on an indented line is found at its column in the file")
    func linkColumnAfterIndent() {
        var columns: [Int] = []
        _ = Markdown.render("\t见[上一讲](a.md)。", allowRawHTML: false) { link in
            columns.append(link.column)
            return .keep
        }
        #expect(columns == [5])
    }

    @Test("footnotes: references numbered in order, notes listed at the end, linked both ways")
    func footnotes() {
        let rendered = Self.render("正文[^b]，另见[^a]。\n\n[^a]: 第二条说明。\n[^b]: 这是脚注。")
        #expect(rendered.html == """
        <p>正文<sup class="footnote-ref"><a href="#fn-b" id="fnref-b">1</a></sup>，另见<sup class="footnote-ref"><a href="#fn-a" id="fnref-a">2</a></sup>。</p>
        <section class="footnotes">
        <ol>
        <li id="fn-b">
        <p>这是脚注。 <a href="#fnref-b" class="footnote-back" aria-label="返回正文">↩</a></p>
        </li>
        <li id="fn-a">
        <p>第二条说明。 <a href="#fnref-a" class="footnote-back" aria-label="返回正文">↩</a></p>
        </li>
        </ol>
        </section>

        """)
        #expect(rendered.footnoteProblems.isEmpty)
    }

    @Test("a footnote is never a link, a missing note and an unused one are reported with their lines")
    func footnoteProblems() {
        var links: [String] = []
        let rendered = Markdown.render("这是脚注[^1]，还有[^2]。\n\n[^1]: 这是脚注。\n\n[^3]: 多余的说明。", allowRawHTML: false) {
            links.append($0.destination)
            return .keep
        }
        #expect(links.isEmpty)
        #expect(rendered.html.contains("还有[^2]。"))
        #expect(rendered.footnoteProblems == [FootnoteProblem(kind: .undefined, label: "2", line: 1),
                                              FootnoteProblem(kind: .unused, label: "3", line: 5)])
        #expect(Self.html("`[^1]` 和\n\n```\n[^1]: 代码\n```") == "<p><code>[^1]</code> 和</p>\n<pre><code>[^1]: 代码\n</code></pre>\n")
    }

    @Test("tables written as HTML are kept without their attributes; anything else in them drops the block")
    func tables() {
        let table = "<table>\n<colgroup>\n<col style=\"width: 50%\" />\n</colgroup>\n<tr class=\"odd\">\n<td colspan=\"2\">张三 &amp; 李四</td>\n</tr>\n</table>"
        #expect(Self.html(table) == "<table>\n<tr>\n<td colspan=\"2\">张三 &amp; 李四</td>\n</tr>\n</table>\n")
        #expect(Self.html("<table><tr><td><script>alert(1)</script></td></tr></table>") == "<!-- raw HTML omitted -->\n")
        #expect(Self.html("<table><tr><td onclick=\"x()\">a</td></tr></table>") == "<table><tr><td>a</td></tr></table>\n")
    }
}
