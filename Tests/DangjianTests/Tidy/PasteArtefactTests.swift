@testable import Dangjian
import Testing

/// Each trace of pasting, found at its line and column; what is not one is left alone.
@Suite("Tidy: paste artefacts")
struct PasteArtefactTests {
    static func found(_ body: String) -> [String] {
        PasteArtefacts.scan(body).map { "\($0.kind.rawValue) \($0.line):\($0.column) \($0.found)" }
    }

    @Test("spaces between Han characters, outside headings, tables, quotes and code")
    func hanSpaces() {
        #expect(Self.found("党组织定期召 开党小组会。") == ["paste-han-space 1:7 召 开"])
        #expect(Self.found("第一行。\n坚持\u{3000}\u{3000}学习。") == ["paste-han-space 2:3 持\u{3000}\u{3000}学"])
        #expect(Self.found("## 坚持从严治党 传承红色基因").isEmpty)
        #expect(Self.found("| 张三 李四 |").isEmpty)
        #expect(Self.found("提出“坚持从严治党 传承红色基因”。《党旗飘扬 党徽闪光》").isEmpty)
        #expect(Self.found("见 `党 建` 和 Word 文档，延伸到 8 小时之外。").isEmpty)
        #expect(Self.found("```\n党 建\n```").isEmpty)
    }

    @Test("half-width punctuation inside Chinese sentences")
    func halfwidth() {
        #expect(Self.found("市委直属党(工)委,学习。") == ["paste-halfwidth-punctuation 1:6 (", "paste-halfwidth-punctuation 1:8 )",
                                                        "paste-halfwidth-punctuation 1:10 ,"])
        #expect(Self.found("他说\"好\"。") == ["paste-halfwidth-punctuation 1:3 \"", "paste-halfwidth-punctuation 1:5 \""])
        #expect(Self.found("共 1,000 人，时间 8:30，复(fù)兴，见[链接](a.md)。Hello, world!").isEmpty)
        #expect(Self.found("(一)时时教育经常提醒。") == ["paste-halfwidth-punctuation 1:1 (", "paste-halfwidth-punctuation 1:3 )"])
    }

    @Test("a pair of half-width brackets is flagged as a pair: after a closing quote or Chinese punctuation too")
    func bracketPairs() {
        #expect(Self.found("落实“三会一课”(制度)。") == ["paste-halfwidth-punctuation 1:9 (", "paste-halfwidth-punctuation 1:12 )"])
        #expect(Self.found("学习，(一)时时教育") == ["paste-halfwidth-punctuation 1:4 (", "paste-halfwidth-punctuation 1:6 )"])
        #expect(Self.found("使用 Word(文字处理软件)") == ["paste-halfwidth-punctuation 1:8 (", "paste-halfwidth-punctuation 1:15 )"],
                "at the line's end, both or neither")
        #expect(Self.found("用 Swift(苹果) 写").isEmpty, "Latin on both sides: neither bracket")
        let body = "落实\"三会一课\"(制度)。\n"
        let (fixed, _) = TidyFixes.apply(PasteArtefacts.scan(body).filter { $0.fix != nil }, to: body)
        #expect(fixed == "落实“三会一课”（制度）。\n")
    }

    @Test("lines of a table of contents ending in page numbers")
    func contents() {
        let body = "### 目录\n\n1 山东潍坊：推进党校教育全覆盖 .....\t4\n一、调研的目的意义 2\n\n正文：共有党员 35"
        #expect(Self.found(body) == ["paste-toc-line 3:17  .....\t4", "paste-toc-line 4:10  2"])
        #expect(Self.found("速加码。先后开展“大干 60").isEmpty)
    }

    @Test("bullet glyphs typed as text at the start of a line")
    func bullets() {
        #expect(Self.found("■ 第一条\n  ● 第二条\n- ◆ 第三条\n正文中的■不算。") == [
            "paste-bullet-glyph 1:1 ■", "paste-bullet-glyph 2:3 ●", "paste-bullet-glyph 3:3 ◆"])
    }

    @Test("a paragraph broken in the middle of a sentence, not one that ends a point or a title")
    func brokenParagraphs() {
        let broken = "区内科级以下干部和党员的培训轮训；根据各自实际和工作需要，视情况开设专题研讨班。市委直属党\n\n（工）委党校，重点抓好培训。"
        #expect(Self.found(broken).first == "paste-broken-paragraph 1:45 。市委直属党⏎（工）委党校")
        #expect(Self.found("一、工作动因\n\n党校是主渠道。").isEmpty)
        #expect(Self.found("4、通过学习党史传承红色基因来解决非公企业不同发展阶段的深层次问题，提高非公企业治理能力\n\n习近平总书记指出。").isEmpty)
        #expect(Self.found("这一段有逗号，而且足够长，但它以句号结束了。\n\n下一段。").isEmpty)
        #expect(Self.found("这一段有逗号，而且足够长，但它后面是新的一点\n\n二、主要做法").isEmpty)
    }

    @Test("the fixes tidy makes")
    func fixes() {
        let body = "目录\n\n一、调研的目的意义 ..... 2\n二、主要做法 ..... 3\n\n■ 第一条\n党组织定期召 开党小组会,学习(工)委文件。\n"
        let (fixed, applied) = TidyFixes.apply(PasteArtefacts.scan(body).filter { $0.fix != nil }, to: body)
        #expect(fixed == "- 第一条\n党组织定期召开党小组会，学习（工）委文件。\n")
        #expect(applied.count == 7)
    }
}
