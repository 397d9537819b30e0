@testable import Dangjian
import Testing

@Suite("Render: CJK-friendly emphasis")
struct CJKEmphasisTests {
    static func html(_ markdown: String) -> String {
        Markdown.render(markdown, allowRawHTML: false) { _ in .keep }.html
    }

    @Test("the markdown-cjk-friendly specification's cases", arguments: CJKFriendlyCases.strong)
    func specificationCases(_ example: (markdown: String, html: String)) {
        #expect(Self.html(example.markdown) == example.html + "\n")
    }

    @Test("the joiners chosen give cmark the specification's flanking for every kind of neighbour")
    func everyNeighbourPair() {
        let samples: [Unicode.Scalar?] = [nil, " ", "a", "1", "(", ".", "\"", "中", "。", "（", "“", "」", "한", "😀", "〽",
                                          "\u{E0100}", "\u{FE0E}"]
        for before in samples {
            for after in samples {
                let wanted = CJKEmphasis.specification(before: CJKEmphasis.Neighbour(before), after: CJKEmphasis.Neighbour(after))
                let choice = CJKEmphasis.choice(before: CJKEmphasis.Neighbour(before), after: CJKEmphasis.Neighbour(after))
                let joinedBefore = choice == .before || choice == .both
                let joinedAfter = choice == .after || choice == .both
                let got = CJKEmphasis.cmark(before: joinedBefore ? .letter : CJKEmphasis.Neighbour(before).cmark,
                                            after: joinedAfter ? .letter : CJKEmphasis.Neighbour(after).cmark)
                #expect(got == wanted, "\(String(describing: before)) ** \(String(describing: after))")
                #expect(choice != .both, "one joiner is always enough")
            }
        }
    }

    @Test("text without a run that cmark misjudges is parsed as it is written")
    func untouchedText() {
        for text in ["3 * 4 = 12", "a ** b", "**", "中文\\*星号\\*", "`**（代码）**`", "普通文字", "**粗体**和*斜体*"] {
            #expect(CJKEmphasis.prepare(text).insertions.isEmpty, "\(text)")
        }
    }

    @Test("a joiner's bytes are taken off link columns on its line only")
    func columnsMappedBack() {
        let prepared = CJKEmphasis.prepare("**（一）**见[这里](a.md)\n[那里](b.md)")
        #expect(prepared.insertions.count == 1)
        let column = "**（一）**见".utf8.count + 1
        #expect(prepared.originalColumn(line: 1, column: column + 3) == column)
        #expect(prepared.originalColumn(line: 2, column: 1) == 1)
    }

    @Test("no joiner is left in the HTML, the plain text or addresses")
    func joinersRemoved() {
        let markdown = "**（一）**见[**链接（注）**](a*（b）.md \"标题*（注）\")，`代码*（）`\n\n```\n围栏*（）\n```\n<http://x.cn/a*（>"
        let rendered = Markdown.render(markdown, allowRawHTML: false) { _ in .keep }
        #expect(!rendered.html.unicodeScalars.contains("\u{2060}"))
        #expect(!rendered.plainText.unicodeScalars.contains("\u{2060}"))
        #expect(rendered.html.contains("<strong>（一）</strong>见"))
    }
}
