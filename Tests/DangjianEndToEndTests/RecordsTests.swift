import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// The records an office is asked for: talk numbers, speakers, attendance, honours, star ratings,
/// year reports and ledgers — each stated inline and checked where a user would look.
@Suite("Records: numbers, speakers, attendance, honours, ratings, reports, ledgers")
struct RecordsTests {
    static let siteYML = Fixtures.siteYML + """

    base_url: http://intranet.example/dangjian/
    honour_levels: [国家级, 省部级, 市级, 县级]
    ratings:
      period: quarter
    speakers:
      - name: 王建华
        branch: jiguan-1
        team: 机关宣讲队
        role: A 角
      - name: 刘晓燕
        team: 机关宣讲队
    """

    static func talk(_ day: String, speaker: String = "王建华", extra: String = "") -> String {
        "-- content/talks/2024/03/\(day)-t.md --\n"
            + Fixtures.talk("speaker: \(speaker)\nbranch: jiguan-1" + (extra.isEmpty ? "" : "\n" + extra), title: "第\(day)日晨学", date: "2024-03-\(day)") + "\n"
    }

    static let site = siteYML + "\n" + talk("04") + talk("05", extra: "minutes: 4\nattendance: 30\nlocation: 三楼会议室") + talk("06", speaker: "刘晓燕") + """
    -- content/salons/001-a.md --
    ---
    title: 第一期沙龙
    date: 2024-03-08
    issue: 1
    host: jiguan-2
    speakers: [王建华, 刘晓燕]
    attendance: 45
    location: 党员活动室
    duration: 90
    ---
    沙龙正文。
    -- content/brands/hong-se.md --
    ---
    title: 红色引擎
    date: 2023-05-01
    branch: jiguan-1
    category: 思路引领
    ---
    品牌正文。
    -- content/honours/wen-ming.md --
    ---
    title: 全国文明单位
    date: 2024-01-15
    level: 国家级
    issuer: 中央文明委
    branch: jiguan-2
    certificate: images/zheng-shu.png
    ---
    荣誉说明。
    -- content/honours/wu-xing.md --
    ---
    title: 五星级党支部
    date: 2024-06-28
    level: 省部级
    brand: hong-se
    ---
    荣誉说明。
    -- content/cases/ke-ti.md --
    ---
    title: 课题化破题
    date: 2024-04-10
    brand: hong-se
    results: [办结时间缩短一半]
    attendance: 20
    location: 二楼会议室
    duration: 60
    ---
    案例正文。
    -- content/ratings/2024-q1.md --
    ---
    title: 2024年第一季度星级评定
    date: 2024-03-31
    stars:
      jiguan-1: 5
      机关第二党支部: 3
    red_flag: jiguan-1
    ---
    评定说明。
    -- content/ratings/2024-q2.md --
    ---
    title: 2024年第二季度星级评定
    date: 2024-06-30
    stars:
      jiguan-1: 4
      jiguan-2: 4
    red_flag: jiguan-2
    ---
    评定说明。
    """

    static let built: TestSite = {
        let site = try! withCertificate(TestSite(RecordsTests.site))
        site.build()
        return site
    }()

    /// The site with the picture its honour's `certificate` names.
    static func withCertificate(_ site: TestSite) throws -> TestSite {
        try site.write("content/honours/images/zheng-shu.png", data: certificate)
        return site
    }

    static var certificate: Data {
        try! Data(contentsOf: Repository.root.appendingPathComponent("content/honours/images/qing-nian-wen-ming-hao.png"))
    }

    func page(_ path: String) throws -> String { try #require(Self.built.page(path), "\(path) was not built") }

    @Test("talks carry their number in the site's history; one added in the past renumbers the later ones, and the build says so")
    func talkNumbers() throws {
        #expect(Self.built.report?.succeeded == true, "\(Self.built.report?.diagnostics.map(DiagnosticFormatter.compilerStyle) ?? [])")
        #expect(try page("talks/2024/03/06-t/index.html").contains("晨学三分钟 · 第 3 讲 · 政策法规"))
        #expect(try page("talks/index.html").contains(#"第 1 讲 · <a href="../speakers/wang-jian-hua/index.html">王建华</a> · 政策法规"#))
        let site = try Self.withCertificate(TestSite(Self.site))
        #expect(site.build().notes.isEmpty)
        try site.write("content/talks/2024/03/07-t.md", Fixtures.talk(title: "后来的一讲", date: "2024-03-07"))
        let appended = site.build()
        #expect(appended.notes.isEmpty, "a talk added after the others moves no number")
        #expect(site.page("talks/2024/03/07-t/index.html")?.contains("第 4 讲") == true)
        try site.write("content/talks/2024/03/01-t.md", Fixtures.talk(title: "补录的一讲", date: "2024-03-01"))
        let inserted = site.build()
        #expect(inserted.notes == ["晨学三分钟的编号有变：补入较早的 1 讲，原第 1 讲起的 4 讲编号随之改变"])
        #expect(site.page("talks/2024/03/01-t/index.html")?.contains("第 1 讲") == true)
        #expect(site.page("talks/2024/03/07-t/index.html")?.contains("第 5 讲") == true)
    }

    @Test("a page per speaker, counted by year and series, with the roster's team and role, linked wherever they are named")
    func speakers() throws {
        let speaker = try page("speakers/wang-jian-hua/index.html")
        #expect(speaker.contains("主讲人 · 机关宣讲队 · A 角"))
        #expect(speaker.contains("共 3 篇：晨学 2 讲、先锋沙龙 1 期"))
        #expect(speaker.contains("<li><span>2024年<span class=\"count\">3</span></span></li>"))
        #expect(speaker.contains("<li><span>政策法规<span class=\"count\">2</span></span></li>"))
        #expect(try page("talks/2024/03/04-t/index.html").contains(#"<a href="../../../../speakers/wang-jian-hua/index.html">王建华</a>"#))
        #expect(try page("salons/001-a/index.html").contains(#"<dd class="people"><a href="../../speakers/wang-jian-hua/index.html">王建华</a><a href="../../speakers/liu-xiao-yan/index.html">刘晓燕</a></dd>"#))
        let index = try page("speakers/index.html")
        #expect(index.contains("机关宣讲队") && index.contains("刘晓燕"))
    }

    @Test("names written two ways, or one slip from the roster, get a did-you-mean warning at the field")
    func speakerNames() throws {
        let site = try TestSite(Self.siteYML + "\n" + Self.talk("04") + Self.talk("05", speaker: "王 建华") + Self.talk("06", speaker: "刘晓艳"))
        let report = site.build()
        #expect(report.succeeded)
        let spelling = try #require(report.diagnostics.first { $0.code == "person-spelling" })
        #expect(spelling.file == "content/talks/2024/03/05-t.md" && spelling.line == 5)
        #expect(spelling.message.contains("“王 建华”与“王建华”只差空格"))
        let near = try #require(report.diagnostics.first { $0.code == "person-not-in-roster" })
        #expect(near.file == "content/talks/2024/03/06-t.md" && near.message.contains("是否为“刘晓燕”"))
        #expect(site.page("speakers/wang-jian-hua/index.html")?.contains("共 2 篇") == true, "both spellings are one person")
    }

    @Test("attendance, place and duration shown, totalled per year, kind and branch; no invented duration")
    func attendance() throws {
        let talk = try page("talks/2024/03/05-t/index.html")
        #expect(talk.contains("<div><dt>时长</dt><dd>4 分钟</dd></div>") && talk.contains("<dd>30 人次</dd>") && talk.contains("三楼会议室"))
        #expect(!(try page("talks/2024/03/04-t/index.html")).contains("<dt>时长</dt>"), "a talk without minutes shows no duration")
        let stats = try page("stats/index.html")
        #expect(stats.contains(#"<strong id="stat-attendance">95</strong>"#))
        #expect(stats.contains("<tr><td>2024年</td><td>95 人次</td></tr>"))
        #expect(stats.contains("<tr><td>先锋沙龙</td><td>45 人次</td></tr>") && stats.contains("<tr><td>晨学三分钟</td><td>30 人次</td></tr>"))
        #expect(stats.contains("<tr><td>典型案例</td><td>20 人次</td></tr>"))
        #expect(stats.contains(#"data-label="机关第二党支部" data-value="45""#))
        #expect(stats.contains(#"data-label="机关第一党支部" data-value="50""#), "a case counts for its brand's branch")
        let caseStudy = try page("cases/ke-ti/index.html")
        #expect(caseStudy.contains("<div><dt>地点</dt><dd>二楼会议室</dd></div>") && caseStudy.contains("<div><dt>时长</dt><dd>60 分钟</dd></div>")
                && caseStudy.contains("<div><dt>参与</dt><dd>20 人次</dd></div>"))
        #expect(stats.contains("坚持天数（有晨学的日子）"))
    }

    @Test("honours: a page each, a wall by level, on their brand's and branch's pages and in the year report")
    func honours() throws {
        let wenMing = try page("honours/wen-ming/index.html")
        #expect(wenMing.contains("中央文明委"))
        #expect(wenMing.contains(#"<div><dt>获奖支部</dt><dd><a href="../../branches/jiguan-2/index.html">机关第二党支部</a></dd></div>"#))
        #expect(wenMing.contains(#"<img src="../../honours/wen-ming/images/zheng-shu.png" alt="全国文明单位证书">"#))
        #expect(try Data(contentsOf: Self.built.output.appendingPathComponent("honours/wen-ming/images/zheng-shu.png")) == Self.certificate)
        #expect(try page("branches/jiguan-2/index.html").contains("全国文明单位"), "an honour given to a branch is on its page")
        let wall = try page("honours/index.html")
        let national = try #require(wall.range(of: "国家级</h2>")), provincial = try #require(wall.range(of: "省部级</h2>"))
        #expect(national.lowerBound < provincial.lowerBound)
        #expect(try page("brands/hong-se/index.html").contains("所获荣誉"))
        #expect(try page("branches/jiguan-1/index.html").contains("五星级党支部"), "an honour of a brand is its branch's too")
        #expect(try page("reports/2024/index.html").contains("所获荣誉（2 项）"))
    }

    @Test("star ratings: a page per quarter, a branch's stars now and before, the red flags it held")
    func ratings() throws {
        #expect(try page("ratings/2024-q1/index.html").contains("<td class=\"stars\" aria-label=\"3 星\">★★★☆☆</td>"))
        let branch = try page("branches/jiguan-1/index.html")
        #expect(branch.contains("2024年第二季度星级评定</a>：<span class=\"stars\" aria-label=\"4 星\">★★★★☆</span>"))
        #expect(branch.contains("获得流动红旗：<a href=\"../../ratings/2024-q1/index.html\">2024年第一季度</a>"))
        #expect(try page("stats/index.html").contains("各期星级分布"))
    }

    @Test("bad records: each a clear message at its line")
    func badRecords() throws {
        let bad = Self.site
            .replacingOccurrences(of: "attendance: 45", with: "attendance: -3")
            .replacingOccurrences(of: "level: 省部级", with: "level: 省级")
            .replacingOccurrences(of: "机关第二党支部: 3", with: "机关第二党支部: 6\n  jiguan-3: 2")
        let report = try TestSite(bad + "\n-- content/ratings/2024-06-15.md --\n---\ntitle: 重复\ndate: 2024-06-15\nstars:\n  jiguan-1: 5\n---\n").build()
        #expect(!report.succeeded)
        let codes = Dictionary(grouping: report.diagnostics, by: \.code)
        #expect(codes["invalid-attendance"]?.first?.file == "content/salons/001-a.md")
        #expect(codes["unknown-level"]?.first?.message.contains("是否为“省部级”") == true)
        #expect(codes["invalid-score"]?.first?.file == "content/ratings/2024-q1.md" && codes["invalid-score"]?.first?.line == 6)
        #expect(codes["unknown-branch"]?.first?.message.contains("是否为“jiguan-1”") == true)
        #expect(codes["duplicate-period"]?.first?.message.contains("2024年第二季度已有评定文件") == true)
        let roster = try TestSite(Self.siteYML + "\n  - team: 无名\n" + Self.talk("04")).build()
        #expect(roster.diagnostics.contains { $0.code == "invalid-site-setting" && $0.message.contains("name（姓名）") })
    }

    @Test("year reports for the site and each branch, printable on A4")
    func yearReports() throws {
        let report = try page("reports/2024/index.html")
        #expect(report.contains("党建工作年度总结") && report.contains("全年开讲 <strong>3</strong> 讲"))
        #expect(report.contains("<td>先锋沙龙</td><td>1 期</td><td>45</td>"))
        let branch = try page("reports/2024/jiguan-1/index.html")
        #expect(branch.contains("机关第一党支部年度总结") && !branch.contains("第一期沙龙"))
        #expect(try page("bulletins/index.html").contains("2024年度党建工作总结"))
        #expect(!Self.built.exists("reports/2023/jiguan-2/index.html"), "no report for a branch with nothing that year")
    }

    @Test("the year's ledger: a sheet per kind, Chinese headers, dates as dates, numbers as numbers, totals; export writes it whole")
    func ledger() throws {
        let python = try #require(Python.interpreter(with: "openpyxl"), "openpyxl is needed: apt-get install python3-openpyxl")
        #expect(Self.built.exists("stats/ledger-2024.xlsx"))
        #expect(try page("stats/index.html").contains(#"href="../stats/ledger-2024.xlsx" download"#))
        let target = Self.built.root.appendingPathComponent("台账-2024.xlsx")
        let export = LedgerExport.export(root: Self.built.root, year: 2024, to: target, options: BuildOptions(now: TestSite.today))
        #expect(export.written == target)
        let script = """
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        for ws in wb.worksheets:
            print(ws.title, ws.freeze_panes, ws.max_row, sep="|")
            for row in ws.iter_rows(values_only=True):
                print("|".join("" if v is None else (v.strftime("%Y-%m-%d") if hasattr(v, "strftime") else type(v).__name__ + ":" + str(v)) for v in row))
        """
        let text = try Python.run(python, script, arguments: [target.path])
        #expect(text.contains("晨学三分钟|A2|5"))
        #expect(text.contains("str:讲次|str:标题|str:日期|str:主讲人|str:系列|str:支部|str:时长（分钟）|str:参与人次|str:地点|str:标签|str:网址"))
        #expect(text.contains("int:2|str:第05日晨学|2024-03-05|str:王建华|str:政策法规|str:机关第一党支部|int:4|int:30|str:三楼会议室||str:http://intranet.example/dangjian/talks/2024/03/05-t/index.html"))
        #expect(text.contains("str:合计 3 条||||||str:=SUM(G2:G4)|str:=SUM(H2:H4)|||"))
        #expect(text.contains("星级评定|A2|4") && text.contains("str:2024年第一季度星级评定|2024-03-31|int:5|int:3|str:机关第一党支部"))
        #expect(text.contains("荣誉|A2|4") && text.contains("str:五星级党支部|2024-06-28|str:省部级||str:机关第一党支部|str:红色引擎"))
        let again = try Data(contentsOf: target)
        _ = LedgerExport.export(root: Self.built.root, year: 2024, to: target, options: BuildOptions(now: TestSite.today))
        #expect(try Data(contentsOf: target) == again, "the same site gives the same bytes")
        let empty = LedgerExport.export(root: Self.built.root, year: 2019, to: Self.built.root.appendingPathComponent("2019.xlsx"))
        #expect(empty.written == nil && empty.diagnostics.first?.code == "export-empty")
        #expect(!FileManager.default.fileExists(atPath: Self.built.root.appendingPathComponent("2019.xlsx").path))
    }
}
