@testable import Dangjian
import Testing

@Suite("Render: CJK-friendly emphasis")
struct CJKEmphasisTests {
    static func html(_ markdown: String) -> String {
        Markdown.render(markdown, allowRawHTML: false) { _ in .keep }.html
    }

    /// `_` right after punctuation + variation selector (`。︁_Traditional._`): to open, cmark needs
    /// punctuation *before* the run, and a joiner can only make a neighbour a letter. Left literal.
    static let variationSelectorUnderscore = CJKFriendlyCases.underscore.filter { example in
        let scalars = Array(example.markdown.unicodeScalars)
        return zip(scalars, scalars.dropFirst()).contains { (0xFE00...0xFE0E).contains($0.value) && $1 == "_" }
    }

    @Test("the markdown-cjk-friendly specification's cases",
          arguments: CJKFriendlyCases.strong + CJKFriendlyCases.underscore.filter { example in
              !variationSelectorUnderscore.contains { $0.markdown == example.markdown }
          })
    func specificationCases(_ example: (markdown: String, html: String)) {
        #expect(Self.html(example.markdown) == example.html + "\n")
    }

    @Test("the known gap: _ after punctuation with a variation selector stays as CommonMark has it")
    func variationSelectorGap() {
        #expect(Self.variationSelectorUnderscore.count == 5)
        for example in Self.variationSelectorUnderscore {
            #expect(!Self.html(example.markdown).contains("<em>") && !Self.html(example.markdown).contains("<strong>"))
        }
    }

    @Test("the joiners chosen give cmark the specification's result for every kind of neighbour, for * and _",
          arguments: [false, true])
    func everyNeighbourPair(underscore: Bool) {
        let samples: [Unicode.Scalar?] = [nil, " ", "a", "1", "(", ".", "\"", "中", "。", "（", "“", "」", "한", "😀", "〽",
                                          "\u{E0100}", "\u{FE0E}"]
        for before in samples {
            for after in samples {
                let wanted = CJKEmphasis.specification(before: CJKEmphasis.Neighbour(before), after: CJKEmphasis.Neighbour(after),
                                                       underscore: underscore)
                let choice = CJKEmphasis.choice(before: CJKEmphasis.Neighbour(before), after: CJKEmphasis.Neighbour(after),
                                                underscore: underscore)
                let joinedBefore = choice == .before || choice == .both
                let joinedAfter = choice == .after || choice == .both
                let got = CJKEmphasis.cmark(before: joinedBefore ? .letter : CJKEmphasis.Neighbour(before).cmark,
                                            after: joinedAfter ? .letter : CJKEmphasis.Neighbour(after).cmark, underscore: underscore)
                #expect(got == wanted, "\(String(describing: before)) ** \(String(describing: after))")
                #expect(choice != .both, "one joiner is always enough")
            }
        }
    }

    @Test("text without a run that cmark misjudges is parsed as it is written")
    func untouchedText() {
        for text in ["3 * 4 = 12", "a ** b", "**", "中文\\*星号\\*", "`**（代码）**`", "普通文字", "**粗体**和*斜体*",
                     "snake_case_name", "文件名_中文_", "__init__"] {
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
