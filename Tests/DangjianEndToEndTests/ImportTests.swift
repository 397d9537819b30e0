import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// `dangjian import`: real .docx documents written by pandoc, imported into a site and built.
@Suite("dangjian import")
struct ImportTests {
    static let talk = """
    # 家风是最好的传承

    主讲人：王建华

    　　党校是培训轮训党员干部的**主渠道**，承担着为党员干部补钙壮骨的重要任务。\\
    这是同一段里硬换行后的文字。

    ## 一、工作动因

    - 第一项做法
    - 第二项做法

    | 姓名 | 支部 |
    |---|---|
    | 张三 | 机关第一党支部 |

    ![红色的图片](red.png)

    这是脚注[^1]。

    [^1]: 这是脚注。
    """

    func site() throws -> TestSite { try TestSite(Fixtures.siteYML) }

    func run(_ site: TestSite, _ kind: EntryKind, _ sources: [String], _ values: [String: String] = [:],
             progress: (@Sendable (Int, Int) -> Void)? = nil) -> ImportReport {
        let request = ImportRequest(kind: kind, sources: sources.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: site.root.path, isDirectory: true)) }, values: values)
        return WordImporter.run(request, root: site.root, now: TestSite.today, progress: progress)
    }

    func text(_ site: TestSite, _ path: String) throws -> String {
        try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("round trip: a document's headings, bold, list, table, picture and footnote reach its page")
    func roundTrip() throws {
        let site = try site()
        try WordFixtures.docx(Self.talk, named: "稿件/2024年3月6日 家风.docx", in: site.root, pictures: ["red.png": WordFixtures.png()])
        let report = run(site, .talk, ["稿件"], ["series": "伦理典故"])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let path = "content/talks/2024/03/06-jia-feng-shi-zui-hao-de-chuan-cheng.md"
        #expect(report.written.map(\.source) == ["稿件/2024年3月6日 家风.docx"] && report.written.map(\.path) == [path])
        #expect(report.written.first?.pictures == 1 && report.written.first?.toFill == [])
        let entry = try text(site, path)
        #expect(entry.hasPrefix("---\ntitle: \"家风是最好的传承\"\ndate: 2024-03-06\nspeaker: \"王建华\"\nseries: \"伦理典故\"\n"))
        #expect(entry.contains("\n党校是培训轮训党员干部的**主渠道**，承担着为党员干部补钙壮骨的重要任务。\n这是同一段里硬换行后的文字。\n"))
        #expect(!entry.contains("主讲人：") && !entry.contains("# 家风") && !entry.contains("\u{3000}"))
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(
            "content/talks/2024/03/06-jia-feng-shi-zui-hao-de-chuan-cheng/rId20.png").path) || entry.contains("06-jia-feng-shi-zui-hao-de-chuan-cheng/"))
        let build = site.build()
        #expect(build.succeeded && build.diagnostics.isEmpty, "\(build.diagnostics)")
        let page = try #require(site.page("talks/2024/03/06-jia-feng-shi-zui-hao-de-chuan-cheng/index.html"))
        #expect(page.contains("<h2 id=\"yi-gong-zuo-dong-yin\">一、工作动因</h2>"))
        #expect(page.contains("<strong>主渠道</strong>，承担着为党员干部补钙壮骨的重要任务。这是同一段里硬换行后的文字。"))
        #expect(page.contains("<li>第一项做法</li>"))
        #expect(page.contains("<td>张三</td>") && page.contains("<th>姓名</th>"))
        #expect(page.contains("<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup>"))
        // The picture shows its web version (40 px wide, as the original: not enlarged); the original is copied beside the page.
        let picture = try #require(page.firstMatch(of: /<img src="\.\.\/\.\.\/\.\.\/\.\.\/(pictures\/[^"]+)"[^>]* alt="红色的图片"/)?.output.1)
        #expect(site.exists(String(picture)) && picture.hasSuffix("-40.jpg"), "\(picture)")
        #expect(site.outputFiles().contains { $0.hasPrefix("talks/2024/03/06-jia-feng-shi-zui-hao-de-chuan-cheng/") && $0.hasSuffix(".png") })
    }

    @Test("front matter from the text; options win; missing fields are named; a second run imports nothing again")
    func inference() throws {
        let site = try site()
        try WordFixtures.docx("**重温入党誓词**\n\n时间：2025年7月1日　　主讲人：李四\n\n正文第一段。", named: "in/a.docx", in: site.root)
        try WordFixtures.docx("正文没有标题。", named: "in/20240306_学习心得.docx", in: site.root)
        try WordFixtures.docx("# 沙龙纪要\n\n正文。", named: "in/c.docx", in: site.root)
        let report = run(site, .talk, ["in"], ["speaker": "王五", "branch": "jiguan-1"])
        #expect(report.errors.isEmpty, "\(report.diagnostics)")
        let written = Dictionary(uniqueKeysWithValues: report.written.map { ($0.source, $0) })
        #expect(written["in/a.docx"]?.path == "content/talks/2025/07/01-chong-wen-ru-dang-shi-ci.md")
        #expect(written["in/20240306_学习心得.docx"]?.path == "content/talks/2024/03/06-xue-xi-xin-de.md")
        let a = try text(site, "content/talks/2025/07/01-chong-wen-ru-dang-shi-ci.md")
        #expect(a.contains("speaker: \"王五\"") && a.contains("branch: jiguan-1") && a.contains("series: \"\""))
        #expect(!a.contains("时间：") && a.contains("正文第一段。"))
        #expect(written["in/a.docx"]?.toFill == ["系列（series）"])
        #expect(written["in/c.docx"]?.toFill == ["系列（series）", "日期（date）"])
        let codes = report.diagnostics.filter { $0.file == "in/c.docx" }.map(\.code)
        #expect(codes.sorted() == ["import-date-guessed", "import-field-missing"])
        #expect(report.checkProblems.contains { $0.code == "missing-field" && $0.file == written["in/a.docx"]?.path })
        let again = run(site, .talk, ["in"], ["speaker": "王五"])
        #expect(again.written.isEmpty)
        #expect(again.diagnostics.map(\.code) == ["import-exists", "import-exists", "import-exists"])
    }

    @Test("salons take the issue the document names, or the next free one")
    func salonNumbers() throws {
        let site = try site()
        try WordFixtures.docx("# 第12期先锋沙龙：清廉家风\n\n主讲人：张三、李四\n\n2024年5月6日\n\n正文。", named: "s/1.docx", in: site.root)
        try WordFixtures.docx("# 读书分享\n\n2024年6月6日\n\n正文。", named: "s/2.docx", in: site.root)
        let report = run(site, .salon, ["s"], ["host": "机关第二党支部"])
        #expect(report.written.map(\.path) == ["content/salons/012-di-12-qi-xian-feng-sha-long-qing-lian-jia-feng.md",
                                               "content/salons/013-du-shu-fen-xiang.md"])
        let first = try text(site, report.written[0].path)
        #expect(first.contains("speakers: [\"张三\", \"李四\"]") && first.contains("host: jiguan-2"))
        #expect(report.checkProblems.isEmpty, "\(report.checkProblems)")
    }

    @Test("bad input: each problem names its file, the rest is imported, nothing half-written")
    func badInput() throws {
        let site = try site()
        let folder = site.root.appendingPathComponent("archive")
        try WordFixtures.docx("# 好文档\n\n2024年1月2日\n\n主讲人：张三\n\n正文。", named: "-好文档 & '引号' (1).docx", in: folder)
        try WordFixtures.docx("# 图片是 EMF\n\n2024年1月3日\n\n![图](pic.emf)\n\n正文。", named: "emf.docx", in: folder,
                              pictures: ["pic.emf": WordFixtures.emf()])
        let pages = (1...300).map { "## 第\($0)页\n\n" + String(repeating: "党校是培训轮训党员干部的主渠道。", count: 30) }
        try WordFixtures.docx("# 三百页\n\n2024年1月4日\n\n" + pages.joined(separator: "\n\n"), named: "long.docx", in: folder)
        try WordFixtures.docx("", named: "empty.docx", in: folder)
        try Data("PK\u{3}\u{4}broken".utf8).write(to: folder.appendingPathComponent("corrupt.docx"))
        try WordFixtures.encryptedDocx().write(to: folder.appendingPathComponent("secret.docx"))
        try WordFixtures.oldDoc().write(to: folder.appendingPathComponent("old.doc"))
        try Data("notes".utf8).write(to: folder.appendingPathComponent("说明.txt"))
        try Data("%PDF-1.4".utf8).write(to: folder.appendingPathComponent("report.pdf"))
        let counted = Counted()
        let report = run(site, .talk, ["archive"], ["series": "理论摘编", "speaker": "张三"]) { _, _ in counted.add() }
        #expect(report.found == 9 && counted.value == 9)
        let byFile = Dictionary(grouping: report.diagnostics, by: \.file).mapValues { $0.map(\.code) }
        #expect(byFile["archive/corrupt.docx"] == ["import-unreadable"])
        #expect(byFile["archive/secret.docx"] == ["import-password"])
        #expect(byFile["archive/old.doc"] == ["import-old-format"])
        #expect(byFile["archive/empty.docx"] == ["import-empty"])
        #expect(byFile["archive/说明.txt"] == ["import-not-a-document"])
        #expect(byFile["archive/report.pdf"] == ["import-not-a-document"])
        #expect(byFile["archive/emf.docx"] == ["import-picture-format"])
        #expect(Set(report.written.map(\.source)) == ["archive/-好文档 & '引号' (1).docx", "archive/emf.docx", "archive/long.docx"])
        let long = try text(site, "content/talks/2024/01/04-san-bai-ye.md")
        #expect(long.contains("## 第300页"))
        let emf = try text(site, "content/talks/2024/01/03-tu-pian-shi-emf.md")
        #expect(emf.contains("[图片 rId20.emf（EMF/WMF 格式，网页无法显示）](03-tu-pian-shi-emf/rId20.emf)"))
        let build = site.build()
        #expect(build.succeeded, "\(build.diagnostics)")
        #expect(site.exists("talks/2024/01/03-tu-pian-shi-emf/03-tu-pian-shi-emf/rId20.emf"))
        // Nothing is left of the work folders, and every entry written has what it names.
        let content = TestSite.files(under: site.root.appendingPathComponent("content/talks"))
        #expect(content.allSatisfy { !$0.contains(".dangjian-import") })
        #expect(content.filter { $0.hasSuffix(".md") }.count == 3)
    }

    @Test("a file name that is not UTF-8 is named by its bytes with what to do; the rest of the folder is imported")
    func nameNotUTF8() throws {
        let site = try site()
        let folder = site.root.appendingPathComponent("archive")
        let good = try WordFixtures.docx("# 好文档\n\n2024年1月2日\n\n正文。", named: "good.docx", in: folder)
        try WordFixtures.writeFile(rawName: WordFixtures.gbkName, in: folder, data: Data(contentsOf: good))
        let values = ["series": "理论摘编", "speaker": "张三"]
        let report = run(site, .talk, ["archive"], values)
        #expect(report.found == 2)
        #expect(report.written.map(\.source) == ["archive/good.docx"])
        #expect(report.diagnostics.map(\.code) == ["import-name-not-utf8"])
        let problem = try #require(report.diagnostics.first)
        #expect(problem.file == "archive/\\xB5\\xB3\\xBD\\xA8.docx" && problem.isError)
        #expect(problem.message.contains("按 GBK 编码读是“党建.docx”") && problem.message.contains("重新命名"), "\(problem.message)")
        // Named directly: the program gets the name with U+FFFD for its bad bytes, as from the shell.
        let direct = run(site, .talk, ["archive/" + String(decoding: WordFixtures.gbkName, as: UTF8.self)], values)
        #expect(direct.diagnostics.map(\.code) == ["import-name-not-utf8"] && direct.found == 1, "\(direct.diagnostics)")
        #expect(direct.diagnostics.first?.file == "archive/\\xB5\\xB3\\xBD\\xA8.docx")
    }

    @Test("an entry whose name or picture folder is taken gets the next name; nothing existing is touched")
    func neverOverwrites() throws {
        let site = try site()
        try site.write("content/talks/2024/03/06-jia-feng-shi-zui-hao-de-chuan-cheng.md", Fixtures.talk())
        try site.write("content/talks/2024/03/06-jia-feng-shi-zui-hao-de-chuan-cheng-2/note.txt", "mine")
        try WordFixtures.docx(Self.talk, named: "2024-03-06.docx", in: site.root, pictures: ["red.png": WordFixtures.png()])
        let report = run(site, .talk, ["2024-03-06.docx"], ["series": "伦理典故"])
        #expect(report.written.map(\.path) == ["content/talks/2024/03/06-jia-feng-shi-zui-hao-de-chuan-cheng-3.md"])
        #expect(try text(site, "content/talks/2024/03/06-jia-feng-shi-zui-hao-de-chuan-cheng.md") == Fixtures.talk())
        #expect(try text(site, "content/talks/2024/03/06-jia-feng-shi-zui-hao-de-chuan-cheng-2/note.txt") == "mine")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(
            "content/talks/2024/03/06-jia-feng-shi-zui-hao-de-chuan-cheng-2.md").path))
    }

    @Test("an option with an unknown value stops the import before any document is read")
    func badOption() throws {
        let site = try site()
        try WordFixtures.docx("# 标题\n\n正文。", named: "a.docx", in: site.root)
        let report = run(site, .talk, ["a.docx"], ["series": "政策发规"])
        #expect(report.written.isEmpty && report.found == 0)
        #expect(report.diagnostics.map(\.code) == ["unknown-series"])
        #expect(report.diagnostics.first?.message.contains("政策法规") == true)
    }
}

final class Counted: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
