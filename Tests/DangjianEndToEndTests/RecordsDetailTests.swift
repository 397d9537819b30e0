import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// Records in detail: speakers linked wherever they are named, a name with a note in brackets,
/// entries refused for a bad field, bad record fields, and the ledger's sheets read back cell by cell.
extension RecordsTests {
    @Test("a speaker's name links to their page in every list row, in bulletins and in the year report's ranking")
    func speakerLinksEverywhere() throws {
        let wang = #"<a href="../../speakers/wang-jian-hua/index.html">王建华</a>"#
        let liu = #"<a href="../../speakers/liu-xiao-yan/index.html">刘晓燕</a>"#
        #expect(try page("index.html").contains(#"<a href="speakers/liu-xiao-yan/index.html">刘晓燕</a> · 政策法规"#), "home")
        #expect(try page("talks/index.html").contains(#"<a href="../speakers/wang-jian-hua/index.html">王建华</a> · 政策法规"#))
        #expect(try page("branches/jiguan-1/index.html").contains("第 2 讲 · \(wang) · 政策法规"))
        #expect(try page("speakers/wang-jian-hua/index.html").contains(#"第 1 讲 · <a href="index.html">王建华</a> · 政策法规"#))
        #expect(try page("series/zheng-ce-fa-gui/index.html").contains("第 3 讲 · \(liu) · 政策法规"))
        let people = "<span class=\"people\"><span class=\"person\">\(wang)</span><span class=\"person\">\(liu)</span></span>"
        let bulletin = try page("bulletins/2024-03/index.html")
        #expect(bulletin.contains("政策法规 · 主讲：\(wang)（机关第一党支部）"))
        #expect(bulletin.contains("承办：机关第二党支部 · 主讲：\(people)"))
        #expect(try page("bulletins/salon-001/index.html").contains("<div><dt>主讲</dt><dd>\(people)</dd></div>"))
        let report = try page("reports/2024/index.html")
        #expect(report.contains("<li><span>\(wang)</span><span>3 次</span></li><li><span>\(liu)</span><span>2 次</span></li>"))
    }

    @Test("a name followed by a note in brackets is the same person: one page, linked, the note shown where written")
    func speakerNotes() throws {
        let salon = """
        -- content/salons/001-a.md --
        ---
        title: 第一期沙龙
        date: 2024-03-08
        issue: 1
        host: jiguan-2
        speakers:
          - 王建华（机关宣讲队，特邀）
          - 何德明 (退休老党员)
        ---
        沙龙正文。
        """
        let site = try TestSite(Self.siteYML + "\n" + Self.talk("04") + Self.talk("05", speaker: "何德明") + salon)
        let report = site.build()
        #expect(report.succeeded && report.diagnostics.isEmpty, "\(report.diagnostics.map(DiagnosticFormatter.compilerStyle))")
        let pages = site.outputFiles().filter { $0.hasPrefix("speakers/") && $0.hasSuffix("/index.html") && $0 != "speakers/index.html" }
        #expect(pages.sorted() == ["speakers/he-de-ming/index.html", "speakers/liu-xiao-yan/index.html", "speakers/wang-jian-hua/index.html"])
        let page = try #require(site.page("salons/001-a/index.html"))
        #expect(page.contains(#"<dd class="people"><a href="../../speakers/wang-jian-hua/index.html">王建华（机关宣讲队，特邀）</a><a href="../../speakers/he-de-ming/index.html">何德明 (退休老党员)</a></dd>"#))
        let he = try #require(site.page("speakers/he-de-ming/index.html"))
        #expect(he.contains("<h1") && he.contains(">何德明<") && he.contains("共 2 篇"))
        #expect(site.page("speakers/wang-jian-hua/index.html")?.contains("共 2 篇") == true)
        #expect(site.page("reports/2024/index.html")?.contains(#"<a href="../../speakers/he-de-ming/index.html">何德明</a></span><span>2 次</span>"#) == true)
    }

    @Test("an entry refused for a bad field is reported once: links and references to it are not broken-link errors too")
    func refusedEntries() throws {
        let body = "见[第一期沙龙](../../../salons/001-a.md)、[红色引擎](../../../brands/hong-se.md)和[第九期](../../../salons/009-x.md)。"
        let site = try TestSite(Self.siteYML + "\n-- content/talks/2024/03/04-t.md --\n"
            + Fixtures.talk("speaker: 王建华", title: "晨学", date: "2024-03-04", body: body) + """

            -- content/salons/001-a.md --
            ---
            title: 第一期沙龙
            date: 2024-03-08
            issue: 1
            host: jiguan-2
            attendance: -3
            ---
            沙龙正文。
            -- content/brands/hong-se.md --
            ---
            title: [红色引擎
            ---
            品牌正文。
            -- content/brands/qing-feng.md --
            ---
            title: 清风廉韵
            date: 2023-05-01
            branch: jiguan-2
            category: 未知类别
            ---
            品牌正文。
            -- content/cases/ke-ti.md --
            ---
            title: 课题化破题
            date: 2024-04-10
            brand: hong-se
            ---
            案例正文。
            -- content/honours/qing-feng.md --
            ---
            title: 廉洁文化示范点
            date: 2024-05-10
            level: 市级
            brand: 清风廉韵
            ---
            荣誉说明。
            """)
        let report = site.check()
        let codes = report.diagnostics.map(\.code).sorted()
        #expect(codes == ["invalid-attendance", "missing-link-target", "unknown-category", "yaml-syntax"],
                "\(report.diagnostics.map(DiagnosticFormatter.compilerStyle))")
        let missing = try #require(report.diagnostics.first { $0.code == "missing-link-target" })
        #expect(missing.file == "content/talks/2024/03/04-t.md" && missing.message.contains("009-x.md"), "a link to no file at all still is one")
        #expect(report.diagnostics.first { $0.code == "invalid-attendance" }?.file == "content/salons/001-a.md")
    }

    @Test("bad record fields: non-numeric attendance, a zero duration, a branch rated twice, an unknown 流动红旗, a missing certificate")
    func badRecordFields() throws {
        let bad = Self.site
            .replacingOccurrences(of: "attendance: 45", with: "attendance: 很多")
            .replacingOccurrences(of: "duration: 60", with: "duration: 0")
            .replacingOccurrences(of: "  jiguan-2: 4\nred_flag: jiguan-2", with: "  机关第一党支部: 3\nred_flag: 机关第三党支部")
        let report = try TestSite(bad).build()
        #expect(!report.succeeded)
        let found = Dictionary(grouping: report.diagnostics, by: \.code).mapValues { $0[0] }
        let attendance = try #require(found["invalid-attendance"])
        #expect(attendance.file == "content/salons/001-a.md" && attendance.line == 7)
        #expect(attendance.message == "参与人次“很多”无效：attendance 应为正整数，例如 12")
        let duration = try #require(found["invalid-duration"])
        #expect(duration.file == "content/cases/ke-ti.md" && duration.line == 8 && duration.message.contains("时长（分钟）“0”无效"))
        let twice = try #require(found["duplicate-score"])
        #expect(twice.file == "content/ratings/2024-q2.md" && twice.line == 6)
        #expect(twice.message.contains("机关第一党支部在本期评定中出现了两次"))
        let flag = try #require(found["unknown-red-flag"])
        #expect(flag.file == "content/ratings/2024-q2.md" && flag.line == 7)
        #expect(flag.message == "未知流动红旗“机关第三党支部”，是否为“机关第一党支部”？")
        let certificate = try #require(found["missing-file"], "the certificate picture is not written in this site")
        #expect(certificate.file == "content/honours/wen-ming.md" && certificate.message.contains("找不到证书图片“images/zheng-shu.png”"))
        for code in ["invalid-attendance", "invalid-duration", "duplicate-score", "unknown-red-flag", "missing-file"] {
            #expect(found[code]?.severity == .error, "\(code)")
        }
    }

    /// Each sheet of the workbook: its freeze pane and its rows, each cell as `str:…`, `int:…`, a date or "".
    static func sheets(of workbook: URL) throws -> [String: (freeze: String, rows: [[String]])] {
        let python = try #require(Python.interpreter(with: "openpyxl"), "openpyxl is needed: apt-get install python3-openpyxl")
        let script = """
        import sys, json, openpyxl
        def cell(v):
            if v is None: return ""
            if hasattr(v, "strftime"): return v.strftime("%Y-%m-%d")
            return type(v).__name__ + ":" + str(v)
        wb = openpyxl.load_workbook(sys.argv[1])
        print(json.dumps({ws.title: {"freeze": ws.freeze_panes, "rows": [[cell(v) for v in row] for row in ws.iter_rows(values_only=True)]}
                          for ws in wb.worksheets}, ensure_ascii=False))
        """
        let json = try Python.run(python, script, arguments: [workbook.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String: Any]])
        return object.mapValues { ($0["freeze"] as? String ?? "", $0["rows"] as? [[String]] ?? []) }
    }

    @Test("the ledger's sheets read back cell by cell: talks with their 讲次, salons, cases, honours")
    func ledgerCells() throws {
        let target = Self.built.root.appendingPathComponent("ledger-cells.xlsx")
        let export = LedgerExport.export(root: Self.built.root, year: 2024, to: target, options: BuildOptions(now: TestSite.today))
        #expect(export.written == target)
        let sheets = try Self.sheets(of: target)
        let address = "str:http://intranet.example/dangjian/"
        let talks = try #require(sheets["晨学三分钟"])
        #expect(talks.freeze == "A2")
        #expect(talks.rows == [
            ["str:讲次", "str:标题", "str:日期", "str:主讲人", "str:系列", "str:支部", "str:时长（分钟）", "str:参与人次", "str:地点", "str:标签", "str:网址"],
            ["int:1", "str:第04日晨学", "2024-03-04", "str:王建华", "str:政策法规", "str:机关第一党支部", "", "", "", "", address + "talks/2024/03/04-t/index.html"],
            ["int:2", "str:第05日晨学", "2024-03-05", "str:王建华", "str:政策法规", "str:机关第一党支部", "int:4", "int:30", "str:三楼会议室", "",
             address + "talks/2024/03/05-t/index.html"],
            ["int:3", "str:第06日晨学", "2024-03-06", "str:刘晓燕", "str:政策法规", "str:机关第一党支部", "", "", "", "", address + "talks/2024/03/06-t/index.html"],
            ["str:合计 3 条", "", "", "", "", "", "str:=SUM(G2:G4)", "str:=SUM(H2:H4)", "", "", ""],
        ])
        let salons = try #require(sheets["先锋沙龙"])
        #expect(salons.freeze == "A2")
        #expect(salons.rows == [
            ["str:标题", "str:日期", "str:期数", "str:承办支部", "str:主讲人", "str:读物清单", "str:家庭作业", "str:参与人次", "str:地点", "str:时长（分钟）",
             "str:标签", "str:网址"],
            ["str:第一期沙龙", "2024-03-08", "int:1", "str:机关第二党支部", "str:王建华、刘晓燕", "", "", "int:45", "str:党员活动室", "int:90", "",
             address + "salons/001-a/index.html"],
            ["str:合计 1 条", "", "", "", "", "", "", "str:=SUM(H2:H2)", "", "str:=SUM(J2:J2)", "", ""],
        ])
        let cases = try #require(sheets["典型案例"])
        #expect(cases.rows == [
            ["str:标题", "str:日期", "str:所属品牌", "str:成效", "str:参与人次", "str:地点", "str:时长（分钟）", "str:支部", "str:标签", "str:网址"],
            ["str:课题化破题", "2024-04-10", "str:红色引擎", "str:办结时间缩短一半", "int:20", "str:二楼会议室", "int:60", "str:机关第一党支部", "",
             address + "cases/ke-ti/index.html"],
            ["str:合计 1 条", "", "", "", "str:=SUM(E2:E2)", "", "str:=SUM(G2:G2)", "", "", ""],
        ])
        let honours = try #require(sheets["荣誉"])
        #expect(honours.rows.first == ["str:标题", "str:日期", "str:荣誉级别", "str:授予单位", "str:获奖支部", "str:获奖品牌", "str:证书图片", "str:标签", "str:网址"])
        #expect(honours.rows.dropFirst().first == ["str:全国文明单位", "2024-01-15", "str:国家级", "str:中央文明委", "str:机关第二党支部", "",
                                                  "str:honours/images/zheng-shu.png", "", address + "honours/wen-ming/index.html"])
    }
}
