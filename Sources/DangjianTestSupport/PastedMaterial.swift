import Foundation

/// A site made of real pasted text: paragraphs of the benchmark kit's case reports
/// (`shared/bench/text/case-reports.txt`, text pasted from Word and PDF files) with the traits such
/// text brings: tab-indented lines (which Markdown makes preformatted), 2,000-character paragraphs,
/// long Latin runs and web addresses, links, a wide HTML table, brands with 1 and 3 highlights (no
/// cover), 5 (a 20,000-character body) and 8. The same text every time.
public enum PastedMaterial {
    public static let baseURL = "http://intranet.example/dj/"
    /// The month of its talks, salon and cases: its bulletin is `bulletins/2024-03`.
    public static let month = "2024-03"
    public static let organization = "测试市直机关工委"

    /// The site as `TestSite` text; `fullText` asks bulletins for whole bodies (`bulletin: {full_text: true}`).
    /// Covers (`content/brands/images/cover.png`) are written by `writeCovers(into:)`.
    public static func site(fullText: Bool = false) throws -> String {
        let text = try Paragraphs()
        var files = [siteYML(fullText: fullText)]
        files += brands(text)
        files += talks(text)
        files += [salon(text)] + cases(text)
        return files.joined(separator: "\n")
    }

    /// The sample site's cover picture (2400 × 1500 pixels) as every covered brand's cover.
    public static func writeCovers(into site: TestSite) throws {
        let picture = Repository.root.appendingPathComponent("content/brands/images/hong-se-yin-qing.png")
        try site.write("content/brands/images/cover.png", data: Data(contentsOf: picture))
    }

    /// Brands: their file names (without `.md`) and how many highlights each has.
    public static let brandHighlights = ["san-tiao": 3, "ba-tiao": 8, "chang-wen": 5, "yi-tiao": 1]

    static func siteYML(fullText: Bool) -> String {
        """
        -- content/site.yml --
        title: 基层党建工作交流
        organization: \(organization)
        base_url: \(baseURL)
        unsafe_html: true
        branches:
          - id: jiguan-1
            name: 机关第一党支部
          - id: jiguan-2
            name: 机关第二党支部
        brand_categories: [思路引领, 制度标准, 活动实践, 学习鼓动, 载体创新, 企业文化]
        talk_series: [理论摘编, 伦理典故, 政策法规, 会议文件, 廉政建设, 道德讲堂, 读书集萃, 党课团课, 健康知识]
        \(fullText ? "bulletin:\n  full_text: true" : "")
        """
    }

    /// A pasted table of contents: each line opened with a tab, with its dot leaders and a tab before the page.
    static let tabbedLines = """
    \t1 山东潍坊：推进党校教育全覆盖为每名共产党人修身养性打造“红色殿堂” ................................................................................\t4
    \t2 国网杭州供电公司：实施问题管理，提高企业思想政治工作针对性、有效性 ..........................................................................\t14
    \t3 四川成都：依托大数据提升干部教育培训精准度——成都市“互联网+干部教育”的实践与探索 ...............................................\t30
    """

    static let latinRun = "附件文件名为Dangjian_Gongzuo_Chuangxin_Chuangyou_Huibao_Cailiao_2024_Zuizhong_Xiugai_Ban_Qianzi_Gaizhang_Saomiaojian.docx，"
        + "编号ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789。"
    static let address = "原文见 http://www.example.gov.cn/xxgk/zcfg/dangjian/202403/t20240315_1234567890_jiceng_dangjian_gongzuo_chuangxin_chuangyou_huibao_cailiao.html?from=timeline&isappinstalled=0 。"
    /// A paragraph from a web page with a link to another site and one to another brand of this one.
    static let links = "详见[国务院政策文件库](http://www.gov.cn/zhengce/xxgk/index.htm)和本网站的[三条亮点](san-tiao.md)。"
    /// A table of eight columns with long addresses and serial numbers, pasted from a web page as HTML
    /// (the site allows raw HTML): it must wrap within the page. (A Markdown pipe table would not do:
    /// the Markdown of the spec has no tables, and prints it as a paragraph of `|`.)
    static let wideTable = """
    <table class="MsoNormalTable" border="1">
    <tr><th>序号</th><th>项目名称</th><th>牵头单位</th><th>完成时限</th><th>责任人</th><th>联系电话</th><th>电子邮箱</th><th>备注</th></tr>
    <tr><td>1</td><td>党校教育全覆盖工程</td><td>市委组织部干部教育科</td><td>2024年12月31日前</td><td>张建国</td><td>0536-88881234</td><td>zhangjianguo_dangjian_office@example.gov.cn</td><td>DJ-2024-ZZB-GBJYK-0001-QFGC</td></tr>
    <tr><td>2</td><td>问题管理工作法</td><td>国网杭州供电公司党委</td><td>2024年6月30日前</td><td>李明</td><td>0571-51101234</td><td>liming_wenti_guanli@example.com.cn</td><td>DJ-2024-GWHZ-WTGL-0002-GZF</td></tr>
    </table>
    """

    static func brands(_ text: Paragraphs) -> [String] {
        let eight = ["党校教育全覆盖", "每月一次主题党日，雷打不动", "“三会一课”录像存档、全程留痕",
                     "建立党员积分制管理台账，积分结果与评先评优直接挂钩，年底张榜公布",
                     "书记讲党课", "结对帮扶困难群众32户", "青年理论学习小组每周一学，学习笔记每月一评，优秀笔记汇编成册",
                     "获评市级“五星级党支部”"]
        return [
            brand("san-tiao", title: "三条亮点：党建引领基层治理", category: "思路引领", branch: "jiguan-1",
                  slogan: "支部建在网格上，党员走在群众前", highlights: ["网格党小组全覆盖", "党员联户，户户有人管",
                  "每月一次“党员议事日”，群众的事群众议"], cover: false,
                  body: [text.long(2_000, from: 10), text.take(2, from: 40).joined(separator: "\n\n"), tabbedLines,
                         text.take(1, from: 60)[0] + address, latinRun + text.take(1, from: 61)[0]]),
            brand("ba-tiao", title: "八条亮点：“红色殿堂”党校教育", category: "制度标准", branch: "jiguan-2",
                  slogan: "修身养性，补钙壮骨", highlights: eight, cover: true,
                  body: text.take(6, from: 80) + [links]),
            brand("chang-wen", title: "长文品牌：“两学一做”学习教育成效评价", category: "活动实践", branch: "jiguan-1",
                  slogan: "学有指数，做有标尺", highlights: ["学习指数", "成效指数", "季度测评", "年度述评", "结果运用"], cover: true,
                  body: text.body(20_000, from: 120)),
            brand("yi-tiao", title: "一条亮点：“惜时励志”机关青年晨讲，坚持十年从未间断的一项学习制度", category: "学习鼓动",
                  branch: "jiguan-2", slogan: "一日之计在于晨，一生之计在于勤，青年干部每天早上讲十分钟", highlights: ["坚持十年，累计开讲2,000余次"],
                  cover: false, body: text.take(3, from: 300)),
        ]
    }

    static func brand(_ name: String, title: String, category: String, branch: String, slogan: String,
                      highlights: [String], cover: Bool, body: [String]) -> String {
        """
        -- content/brands/\(name).md --
        ---
        title: \(title)
        date: 2023-0\(name.count % 9 + 1)-01
        branch: \(branch)
        category: \(category)
        slogan: \(slogan)
        \(cover ? "cover: images/cover.png" : "")
        highlights:
        \(highlights.map { "  - \"\($0.replacingOccurrences(of: "\"", with: "\\\""))\"" }.joined(separator: "\n"))
        ---
        \(body.joined(separator: "\n\n"))
        """
    }

    static func talks(_ text: Paragraphs) -> [String] {
        let series = ["理论摘编", "政策法规", "党课团课", "读书集萃", "道德讲堂"]
        return (1...10).map { number in
            var body = text.take(3, from: 400 + number * 7)
            switch number {
            case 1: body.insert(text.long(2_000, from: 500), at: 1)
            case 2: body.insert(tabbedLines, at: 1)
            case 3: body[1] += address + latinRun
            case 4: body.insert(wideTable, at: 1)
            default: break
            }
            return """
            -- content/talks/2024/03/\(String(format: "%02d", number + 3))-jiang-\(number).md --
            ---
            title: 第\(number)讲：\(text.title(number))
            date: 2024-03-\(String(format: "%02d", number + 3))
            speaker: 讲者\(number)
            series: \(series[number % series.count])
            branch: jiguan-\(number % 2 + 1)
            ---
            \(body.joined(separator: "\n\n"))
            """
        }
    }

    static func salon(_ text: Paragraphs) -> String {
        """
        -- content/salons/001-xian-feng.md --
        ---
        title: 先锋沙龙：基层党校怎样办
        date: 2024-03-20
        issue: 1
        host: jiguan-1
        speakers: [讲者一, 讲者二]
        readings:
          - 《中国共产党党校（行政学院）工作条例》
          - http://www.example.gov.cn/xxgk/zcfg/dangjian/202403/t20240315_1234567890_jiceng_dangxiao_gongzuo_tiaoli_quanwen.html
        homework: 每名党员结合本职工作写一篇不少于八百字的学习体会，下次沙龙交流。
        ---
        \(text.take(4, from: 600).joined(separator: "\n\n"))
        """
    }

    static func cases(_ text: Paragraphs) -> [String] {
        (1...2).map { number in
            """
            -- content/cases/chang-wen-\(number).md --
            ---
            title: 长文品牌的第\(number)个案例：指数测评进支部
            date: 2024-03-2\(number + 3)
            brand: chang-wen
            results: [参评党员覆盖率100%, 群众满意度提升12个百分点]
            ---
            \(text.take(2, from: 700 + number * 5).joined(separator: "\n\n"))
            """
        }
    }

    /// The case reports' paragraphs: non-empty lines that are neither headings nor contents lines.
    public struct Paragraphs {
        public let all: [String]

        public init() throws {
            let url = Repository.benchKit.appendingPathComponent("text/case-reports.txt")
            let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            all = lines.filter { $0.count >= 40 && !$0.hasPrefix("#") && !$0.contains("....") && !$0.hasPrefix("|") }
        }

        func take(_ count: Int, from start: Int) -> [String] { (0..<count).map { all[(start + $0) % all.count] } }

        /// One paragraph of at least `length` characters, made of consecutive paragraphs run together.
        func long(_ length: Int, from start: Int) -> String {
            var paragraph = ""
            var index = start
            while paragraph.count < length { paragraph += all[index % all.count]; index += 1 }
            return paragraph
        }

        /// A body of at least `length` characters, with a `###` heading every five paragraphs.
        func body(_ length: Int, from start: Int) -> [String] {
            var parts: [String] = []
            var count = 0
            var index = start
            while count < length {
                if (index - start) % 5 == 0 { parts.append("### 第\((index - start) / 5 + 1)部分") }
                parts.append(all[index % all.count])
                count += all[index % all.count].count
                index += 1
            }
            return parts
        }

        /// A short title taken from the opening of a paragraph, up to its first comma.
        func title(_ number: Int) -> String {
            let opening = all[(number * 37) % all.count].filter { $0 != "*" }.prefix { !"，。：；、".contains($0) }
            return String(opening.prefix(18))
        }
    }
}

