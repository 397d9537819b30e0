@testable import Dangjian
import DangjianTestSupport
import Testing

@Suite("Render: summaries, character counts and reading time")
struct SummaryAndCountTests {
    @Test("a short text is its own summary: Chinese paragraphs run on without a space, Latin ones with one")
    func short() {
        #expect(Summary.make(from: "第一段。\n\n第二段。\n") == "第一段。第二段。")
        #expect(Summary.make(from: "First part.\nSecond part.") == "First part. Second part.")
        #expect(Summary.make(from: "学习 PDF\nfiles 指南") == "学习 PDF files 指南")
    }

    @Test("a long text is cut after the last sentence end in the second half, with its closing quote")
    func sentenceEnd() {
        let text = String(repeating: "学", count: 70) + "。他说：“好！”" + String(repeating: "习", count: 100)
        let summary = Summary.make(from: text)
        #expect(summary == String(repeating: "学", count: 70) + "。他说：“好！”")
    }

    @Test("without a sentence end the cut falls at the length, outside Latin words, with an ellipsis")
    func noSentenceEnd() {
        let text = String(repeating: "学", count: 115) + " Swift programming language 以及更多内容"
        let summary = Summary.make(from: text)
        #expect(summary.hasSuffix("……"))
        #expect(summary.hasPrefix(String(repeating: "学", count: 115)))
        #expect(!summary.contains("Swif……") && !summary.contains("progr"))
        #expect(summary.count <= 122)
    }

    @Test("the summary of a body comes from its text without markup or entities")
    func fromMarkup() {
        let body = "**（一）** 学习 <span class=\"x\">《党章》</span> &amp; [原文](a.md)。" + String(repeating: "文", count: 200)
        let plain = Markdown.render(body, allowRawHTML: true) { _ in .keep }.plainText
        let summary = Summary.make(from: plain)
        #expect(summary.hasPrefix("（一） 学习 《党章》 & 原文。"))
        #expect(!summary.contains("<") && !summary.contains("&amp;") && !summary.contains("*"))
    }

    @Test("each Han character counts one, each Latin word or number one; punctuation nothing")
    func counts() {
        #expect(TextStatistics("学习党章。").characters == 4)
        #expect(TextStatistics("学习 Swift 6.0 语言").characters == 7)
        #expect(TextStatistics("2024年3月").characters == 4)
        #expect(TextStatistics("２０２４年").characters == 2)
        #expect(TextStatistics("，。！“”").characters == 0)
    }

    @Test("about 300 characters a minute, at least one minute")
    func readingTime() {
        #expect(TextStatistics("").readingMinutes == 1)
        #expect(TextStatistics(String(repeating: "学", count: 300)).readingMinutes == 1)
        #expect(TextStatistics(String(repeating: "学", count: 301)).readingMinutes == 2)
        #expect(TextStatistics(String(repeating: "学", count: 1500)).readingMinutes == 5)
    }
}

@Suite("Render: summaries an editor would write")
struct EditorSummaryTests {
    @Test("table-of-contents lines and bullet glyphs are left out, indents dropped")
    func debris() {
        let text = "目录\n一、调研的目的意义 2\n二、主要做法\t3\n1 山东潍坊：推进党校教育 .....\t4\n■ 党员教育全覆盖。\n\u{3000}\u{3000}正文从这里开始。"
        #expect(Summary.make(from: text) == "党员教育全覆盖。正文从这里开始。")
    }

    @Test("never cut inside brackets or quotes: the cut moves before the opening one")
    func brackets() {
        let text = String(repeating: "学", count: 110) + "复(fù)兴" + String(repeating: "习", count: 40)
        #expect(Summary.make(from: text) == String(repeating: "学", count: 110) + "复(fù)兴" + String(repeating: "习", count: 4) + "……")
        let cut = String(repeating: "学", count: 100) + "（" + String(repeating: "注", count: 60) + "）"
        #expect(Summary.make(from: cut) == String(repeating: "学", count: 100) + "……")
    }

    @Test("one ellipsis style: …, ... and 。。。 are written ……, never doubled")
    func ellipses() {
        #expect(Summary.make(from: "等等…") == "等等……")
        #expect(Summary.make(from: "等等...还有。。。") == "等等……还有……")
        let long = String(repeating: "学", count: 118) + "…" + String(repeating: "习", count: 20)
        #expect(Summary.make(from: long).hasSuffix("学……"))
        #expect(!Summary.make(from: long).contains("………"))
    }

    @Test("contents lines and a point's title pasted as lines of one paragraph are left out, through cmark")
    func debrisInOneParagraph() {
        let body = "一、调研的目的意义 2\n二、调研的方法步骤 3\n1.支部品牌简介\n支部现有党员 35 名，设支部委员 3 名。\n品牌创建于 2019 年。"
        let excerpt = Markdown.render(body, allowRawHTML: false) { _ in .keep }.excerpt
        #expect(Summary.make(from: excerpt) == "支部现有党员 35 名，设支部委员 3 名。品牌创建于 2019 年。")
        let hardBreaks = "（一）主要做法\\\n支部坚持“三会一课”。  \nMore text\nin English."
        #expect(Summary.make(from: Markdown.render(hardBreaks, allowRawHTML: false) { _ in .keep }.excerpt)
            == "支部坚持“三会一课”。 More text in English.")
        #expect(Summary.make(from: "一、加强理论学习\n\n二、强化制度建设") == "一、加强理论学习二、强化制度建设", "titles alone are kept")
    }

    @Test("cards get a shorter summary, cut the same way with “……”")
    func cardLength() {
        let text = String(repeating: "学", count: 40) + "，" + String(repeating: "习", count: 40) + "。"
        let short = Summary.make(from: text, length: Summary.cardLength)
        #expect(short == String(repeating: "学", count: 40) + "，" + String(repeating: "习", count: 15) + "……")
        #expect(short.count <= Summary.cardLength + 2)
    }

    @Test("a body's summary leaves out its headings and code")
    func noHeadings() {
        let body = "## 一、工作动因\n\n党校是培训轮训党员干部的主渠道。\n\n```\ncode\n```\n\n第二段。"
        let excerpt = Markdown.render(body, allowRawHTML: false) { _ in .keep }.excerpt
        #expect(Summary.make(from: excerpt) == "党校是培训轮训党员干部的主渠道。第二段。")
    }

    /// The cut by scalars (text whose scalars each stand alone) must be the cut by characters.
    @Test("Chinese text is cut by scalars exactly as by characters: pasted case reports and random mixes of brackets, quotes and spaces")
    func cutByScalars() throws {
        var texts = try PastedMaterial.Paragraphs().all.enumerated().filter { $0.offset % 7 == 0 }.map(\.element)
        let pool = Array("党的建设学习支部。！？；，、：（）《》“”‘’「」【】〈〉()[]\"!?;,: 　\tAbc12 ……".unicodeScalars)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let count = Int.random(in: 40...200, using: &generator)
            var view = String.UnicodeScalarView()
            for _ in 0..<count { view.append(pool.randomElement(using: &generator)!) }
            texts.append(String(view))
        }
        var compared = 0
        for text in texts where text.unicodeScalars.allSatisfy(SummaryScalars.standsAlone) {
            for length in [Summary.cardLength, Summary.longest, 30] {
                #expect(SummaryScalars.cut(text, length: length) == Summary.cutByCharacters(text, length: length), "\(length): \(text)")
            }
            compared += 1
        }
        #expect(compared > 3000)
        // What does not stand alone goes the way of characters.
        for text in ["e\u{301}", "👍🏽", "\r\n", "か\u{3099}", "\u{200D}"] {
            #expect(!text.unicodeScalars.allSatisfy(SummaryScalars.standsAlone), "\(text.unicodeScalars.map(\.value))")
        }
    }
}
