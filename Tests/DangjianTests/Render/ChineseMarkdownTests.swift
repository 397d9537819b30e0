@testable import Dangjian
import Testing

/// Tricky Chinese (and mixed) input and the HTML dangjian gives for it.
@Suite("Render: Chinese text in Markdown")
struct ChineseMarkdownTests {
    static func html(_ markdown: String) -> String {
        Markdown.render(markdown, allowRawHTML: false) { _ in .keep }.html
    }

    static let table: [(markdown: String, html: String)] = [
        // The cases of issue 4
        ("**（二）重视后期反馈工作。**一是建立反馈机制", "<p><strong>（二）重视后期反馈工作。</strong>一是建立反馈机制</p>"),
        ("**真，**她说*好*的**a**", "<p><strong>真，</strong>她说<em>好</em>的<strong>a</strong></p>"),
        // Every kind of Chinese bracket and quote, inside and outside the emphasis
        ("要**“两学一做”**常态化", "<p>要<strong>“两学一做”</strong>常态化</p>"),
        ("学习**《党章》**原文", "<p>学习<strong>《党章》</strong>原文</p>"),
        ("学习**〈序言〉**部分", "<p>学习<strong>〈序言〉</strong>部分</p>"),
        ("他说**「好」**吧", "<p>他说<strong>「好」</strong>吧</p>"),
        ("他说**『好』**吧", "<p>他说<strong>『好』</strong>吧</p>"),
        ("见**【附件】**一", "<p>见<strong>【附件】</strong>一</p>"),
        ("见**〔2024〕**号", "<p>见<strong>〔2024〕</strong>号</p>"),
        ("即**‘三会一课’**制度", "<p>即<strong>‘三会一课’</strong>制度</p>"),
        ("第一*（重点）*内容", "<p>第一<em>（重点）</em>内容</p>"),
        ("***（一）总体要求。***全面", "<p><em><strong>（一）总体要求。</strong></em>全面</p>"),
        ("**好！**真好", "<p><strong>好！</strong>真好</p>"),
        ("**为什么？**因为", "<p><strong>为什么？</strong>因为</p>"),
        ("**首先；**其次", "<p><strong>首先；</strong>其次</p>"),
        ("**注：**见下", "<p><strong>注：</strong>见下</p>"),
        ("**此外……**还有", "<p><strong>此外……</strong>还有</p>"),
        // Mixed Chinese and English
        ("使用**Swift（6.0）**编写", "<p>使用<strong>Swift（6.0）</strong>编写</p>"),
        ("英文**bold**中文", "<p>英文<strong>bold</strong>中文</p>"),
        ("**Hello,** world", "<p><strong>Hello,</strong> world</p>"),
        // Nested emphasis, links inside emphasis, emphasis inside links
        ("**外层*（内层）*外层。**后文", "<p><strong>外层<em>（内层）</em>外层。</strong>后文</p>"),
        ("**[《通知》](a.md)**已发", "<p><strong><a href=\"a.md\">《通知》</a></strong>已发</p>"),
        ("[**（一）要求：**](a.md)如下", "<p><a href=\"a.md\"><strong>（一）要求：</strong></a>如下</p>"),
        // Lists and headings
        ("- **（一）**学习\n- **（二）**讨论", "<ul>\n<li><strong>（一）</strong>学习</li>\n<li><strong>（二）</strong>讨论</li>\n</ul>"),
        ("> **（一）**引文", "<blockquote>\n<p><strong>（一）</strong>引文</p>\n</blockquote>"),
        ("1. **第一，**学习", "<ol>\n<li><strong>第一，</strong>学习</li>\n</ol>"),
        // Underscores: the same flanking rule, but between two Han characters `_` is inside a word
        // (the specification counts CJK as letters), so only `*` works there
        ("__注意__：事项", "<p><strong>注意</strong>：事项</p>"),
        ("注意：__事项__", "<p>注意：<strong>事项</strong></p>"),
        ("__（二）重视反馈。__一是", "<p>__（二）重视反馈。__一是</p>"),
        ("见_《通知》_全文", "<p>见_《通知》_全文</p>"),
        ("变量snake_case_name与中文_下划线_", "<p>变量snake_case_name与中文_下划线_</p>"),
        ("[附件](a_（b）_c.pdf)", "<p><a href=\"a_%EF%BC%88b%EF%BC%89_c.pdf\">附件</a></p>"),
        // Code, escapes and literal asterisks stay as they are
        ("`**（代码）**`文字", "<p><code>**（代码）**</code>文字</p>"),
        ("```\n**（一）**代码\n```", "<pre><code>**（一）**代码\n</code></pre>"),
        ("\\*\\*（转义）\\*\\*文字", "<p>**（转义）**文字</p>"),
        ("3 * 4 = 12，两个**号", "<p>3 * 4 = 12，两个**号</p>"),
        ("**", "<p>**</p>"),
        ("<https://example.cn/a*（b）>", "<p><a href=\"https://example.cn/a*%EF%BC%88b%EF%BC%89\">https://example.cn/a*（b）</a></p>"),
        // Soft line breaks
        ("坚持\n每天一讲", "<p>坚持每天一讲</p>"),
        ("他说：\n“好。”", "<p>他说：“好。”</p>"),
        ("“好。”\n他说", "<p>“好。”他说</p>"),
        ("此外……\n还有", "<p>此外……还有</p>"),
        ("**坚持**\n每天", "<p><strong>坚持</strong>每天</p>"),
        ("[坚持](a.md)\n*每天*", "<p><a href=\"a.md\">坚持</a><em>每天</em></p>"),
        ("学习\nSwift", "<p>学习\nSwift</p>"),
        ("Swift\n语言", "<p>Swift\n语言</p>"),
        ("Hello,\nworld", "<p>Hello,\nworld</p>"),
        ("안녕\n하세요", "<p>안녕\n하세요</p>"),
        ("共\n2024年", "<p>共\n2024年</p>"),
        ("硬换行  \n保留", "<p>硬换行<br />\n保留</p>"),
    ]

    @Test("tricky inputs give the HTML the writer meant", arguments: table)
    func tricky(_ example: (markdown: String, html: String)) {
        #expect(Self.html(example.markdown) == example.html + "\n")
    }

    @Test("headings of levels 2–4 get pinyin ids, unique within the body; polyphonic words read right")
    func headingAnchors() {
        let rendered = Markdown.render("# 标题\n\n## 一、银行\n\n### 重复 *Swift* 6\n\n## 一、银行\n\n##### 五级", allowRawHTML: false) { _ in .keep }
        #expect(rendered.html.contains("<h1>标题</h1>"))
        #expect(rendered.html.contains("<h2 id=\"yi-yin-hang\">一、银行</h2>"))
        #expect(rendered.html.contains("<h3 id=\"chong-fu-swift-6\">重复 <em>Swift</em> 6</h3>"))
        #expect(rendered.html.contains("<h2 id=\"yi-yin-hang-2\">"))
        #expect(rendered.headings.map(\.anchor) == ["yi-yin-hang", "chong-fu-swift-6", "yi-yin-hang-2"])
        #expect(TableOfContents.values(rendered.headings)?.items?.count == 3)
        #expect(TableOfContents.values(Array(rendered.headings.prefix(2))) == nil)
    }

    @Test("the theme's ids are never given to a heading; bulletins put the entry's anchor in front")
    func reservedAndPrefixed() {
        let rendered = Markdown.render("## Main\n\n## 目录", allowRawHTML: false) { _ in .keep }
        #expect(rendered.headings.map(\.anchor) == ["main-2", "mu-lu"])
        #expect(HeadingAnchors.prefixed(rendered.html, with: "entry-3") == "<h2 id=\"entry-3-main-2\">Main</h2>\n<h2 id=\"entry-3-mu-lu\">目录</h2>\n")
    }

    @Test("plain text has no markup and no space where a Chinese line break was dropped")
    func plainText() {
        let rendered = Markdown.render("**（一）**坚持\n每天一讲，<b>不</b>间断。\nHello\nworld", allowRawHTML: false) { _ in .keep }
        #expect(rendered.plainText == "（一）坚持每天一讲，不间断。 Hello world\n")
    }
}
