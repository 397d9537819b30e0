import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// One test per kind of bad input: each asserts the diagnostic's code, file, line and column.
@Suite("Bad input: each problem named with its file and line")
struct BadInputTests {
    private func build(_ files: String) throws -> (TestSite, BuildReport) {
        let site = try TestSite(Fixtures.siteYML + "\n" + files)
        return (site, site.build())
    }

    private func only(_ code: String, in report: BuildReport) throws -> Diagnostic {
        let matches = report.diagnostics.filter { $0.code == code }
        #expect(matches.count == 1, "\(report.diagnostics.map(DiagnosticFormatter.compilerStyle))")
        return try #require(matches.first)
    }

    @Test("an unknown series: the contract's own example message, with the did-you-mean")
    func unknownSeries() throws {
        let (_, report) = try build("-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk("", body: "x")
            .replacingOccurrences(of: "series: 政策法规", with: "series: 政策发规"))
        let d = try only("unknown-series", in: report)
        #expect(DiagnosticFormatter.compilerStyle(d) == "content/talks/2024/03/06-a.md:5:9: 错误: 未知系列“政策发规”，是否为“政策法规”？")
        #expect(!report.succeeded)
    }

    @Test("a series written in site.yml with a stray line separator (pasted from Word) still matches the talk's series")
    func vocabularyWithLineSeparator() throws {
        let yml = Fixtures.siteYML.replacingOccurrences(of: "政策法规", with: "\"政策法规\\L\"")
        #expect(yml != Fixtures.siteYML)
        let site = try TestSite(yml + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk("", body: "x")
            .replacingOccurrences(of: "series: 政策法规", with: "series: \"\\L政策法规\""))
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(DiagnosticFormatter.compilerStyle))")
        #expect(!report.diagnostics.contains { $0.code == "unknown-series" })
    }

    @Test("a missing required field names the field and its Chinese name")
    func missingField() throws {
        let (_, report) = try build("""
        -- content/talks/2024/03/06-a.md --
        ---
        title: 甲
        date: 2024-03-06
        series: 政策法规
        ---
        正文
        """)
        let d = try only("missing-field", in: report)
        #expect((d.file, d.line) == ("content/talks/2024/03/06-a.md", 1))
        #expect(d.message.contains("speaker") && d.message.contains("主讲人"))
    }

    @Test("an unknown branch, by id or name, lists the branches of site.yml")
    func unknownBranch() throws {
        let (_, report) = try build("""
        -- content/brands/a.md --
        ---
        title: 品牌
        date: 2024-03-06
        branch: 机关第三党支部
        category: 思路引领
        ---
        """)
        let d = try only("unknown-branch", in: report)
        #expect((d.line, d.column) == (4, 9))
        #expect(d.message.contains("机关第三党支部"))
    }

    @Test("an unknown brand category")
    func unknownCategory() throws {
        let (_, report) = try build("""
        -- content/brands/a.md --
        ---
        title: 品牌
        date: 2024-03-06
        branch: jiguan-1
        category: 思路领引
        ---
        """)
        let d = try only("unknown-category", in: report)
        #expect((d.line, d.column) == (5, 11))
    }

    @Test("a salon host that is not a branch, and an issue that is not a number")
    func salonFields() throws {
        let (_, report) = try build("""
        -- content/salons/001-a.md --
        ---
        title: 沙龙
        date: 2024-03-06
        issue: 第一期
        host: nobody
        ---
        """)
        #expect(try only("invalid-issue", in: report).line == 4)
        #expect(try only("unknown-host", in: report).line == 5)
    }

    @Test("two salons with one issue number")
    func duplicateIssue() throws {
        let salon = "---\ntitle: 沙龙\ndate: 2024-03-06\nissue: 7\nhost: jiguan-1\n---\n"
        let (_, report) = try build("-- content/salons/007-a.md --\n\(salon)-- content/salons/007-b.md --\n\(salon)")
        let d = try only("duplicate-issue", in: report)
        #expect((d.file, d.line) == ("content/salons/007-b.md", 4))
        #expect(d.message.contains("content/salons/007-a.md"))
    }

    @Test("an invalid date, and a slug that would leave the output folder")
    func dateAndSlug() throws {
        let (_, report) = try build("-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk("slug: ../../etc", date: "2024-02-30"))
        #expect(try only("invalid-date", in: report).line == 3)
        #expect(try only("invalid-slug", in: report).line == 6)
    }

    @Test("front matter without its closing ---, and an empty file")
    func brokenFiles() throws {
        let (_, report) = try build("""
        -- content/talks/2024/03/06-a.md --
        ---
        title: 甲
        -- content/talks/2024/03/07-b.md --

        """)
        #expect(try only("unclosed-front-matter", in: report).file == "content/talks/2024/03/06-a.md")
        #expect(try only("empty-file", in: report).file == "content/talks/2024/03/07-b.md")
    }

    @Test("malformed YAML in front matter points at the line")
    func yamlSyntax() throws {
        let (_, report) = try build("-- content/talks/2024/03/06-a.md --\n---\ntitle: 甲\ntags: [家风, 廉洁\ndate: 2024-03-06\n---\n")
        let d = try only("yaml-syntax", in: report)
        #expect(d.file == "content/talks/2024/03/06-a.md")
        #expect(d.line >= 3)
    }

    @Test("a missing site.yml, and a malformed one")
    func siteConfig() throws {
        let missing = try TestSite("-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk())
        #expect(missing.build().diagnostics.contains { $0.code == "missing-site-config" && $0.file == "content/site.yml" })
        let malformed = try TestSite("-- content/site.yml --\ntitle: 甲\nbranches: [\n")
        let d = try #require(malformed.build().diagnostics.first { $0.code == "yaml-syntax" })
        #expect(d.file == "content/site.yml")
    }

    @Test("site.yml with a bad time zone, a duplicate branch id and an unknown period")
    func siteSettings() throws {
        let site = try TestSite("""
        -- content/site.yml --
        title: 甲
        timezone: Asia/Beijing
        branches:
          - id: a-1
            name: 一支部
          - id: a-1
            name: 二支部
        bulletin:
          period: year
        """)
        let report = site.build()
        #expect(report.diagnostics.filter { $0.code == "invalid-site-setting" }.map(\.line).sorted() == [2, 9])
        #expect(try only("duplicate-branch", in: report).line == 6)
    }

    @Test("an unknown field is a warning with the likely intended name, and the build goes on")
    func unknownField() throws {
        let (site, report) = try build("-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk("speeker: 李四"))
        let d = try only("unknown-field", in: report)
        #expect(d.severity == .warning)
        #expect((d.line, d.column) == (6, 1))
        #expect(d.message.contains("speaker"))
        #expect(report.succeeded)
        #expect(site.exists("talks/2024/03/06-a/index.html"))
    }

    @Test("a link to a missing entry file names the file, line and column of the link")
    func missingLinkTarget() throws {
        let (_, report) = try build("-- content/talks/2024/03/06-a.md --\n" +
            Fixtures.talk(body: "第一段。\n\n见[第12期沙龙](../../../salons/012-red.md)。"))
        let d = try only("missing-link-target", in: report)
        #expect((d.file, d.line, d.column) == ("content/talks/2024/03/06-a.md", 9, 2))
    }

    @Test("a missing picture is an error; a picture outside content/ is refused")
    func assets() throws {
        let (_, report) = try build("-- content/talks/2024/03/06-a.md --\n" +
            Fixtures.talk(body: "![图](images/none.png)\n\n![图](../../../../../etc/passwd)"))
        #expect(try only("missing-asset", in: report).line == 7)
        #expect(try only("outside-content", in: report).line == 9)
    }

    @Test("two entries claiming one address by their slug is an error")
    func urlClash() throws {
        let (_, report) = try build("""
        -- content/pages/a.md --
        ---
        title: 甲
        date: 2024-01-01
        slug: same
        ---
        -- content/pages/b.md --
        ---
        title: 乙
        date: 2024-01-01
        slug: same
        ---
        """)
        let d = try only("url-clash", in: report)
        #expect(d.file == "content/pages/b.md" && d.line == 4)
    }

    @Test("a page named like a section of the site is refused")
    func reservedSlug() throws {
        let (_, report) = try build("-- content/pages/tags.md --\n---\ntitle: 标签\ndate: 2024-01-01\n---\n")
        #expect(try only("reserved-slug", in: report).file == "content/pages/tags.md")
    }

    @Test("a broken template names the template file and line")
    func brokenTemplate() throws {
        let site = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk())
        try site.write("templates/talk.mustache", "<p>\n{{#page}}{{title}}\n")
        let d = try #require(site.build().diagnostics.first { $0.code == "template-syntax" })
        #expect(d.file == "templates/talk.mustache")
        try site.write("templates/talk.mustache", "<p>\n{{#page}}\n{{/pages}}\n")
        let mismatch = try #require(site.build().diagnostics.first { $0.code == "template-syntax" })
        #expect(mismatch.file == "templates/talk.mustache" && mismatch.line == 3)
    }

    @Test("every problem of a run is reported at once, sorted by file and line")
    func allAtOnce() throws {
        let (_, report) = try build("""
        -- content/talks/2024/03/06-a.md --
        \(Fixtures.talk("branch: 三支部"))
        -- content/talks/2024/03/07-b.md --
        \(Fixtures.talk().replacingOccurrences(of: "政策法规", with: "法规"))
        -- content/brands/c.md --
        ---
        title: 品牌
        ---
        """)
        let files = report.errors.map(\.file)
        #expect(files == files.sorted())
        #expect(Set(files) == ["content/brands/c.md", "content/talks/2024/03/06-a.md", "content/talks/2024/03/07-b.md"])
        #expect(report.errors.count >= 5)
    }
}

@Suite("Odd input never crashes the build")
struct OddInputTests {
    @Test("values of the wrong shape are errors, not crashes", arguments: [
        "title: [一, 二]", "title:\n  a: b", "date: [2024, 3, 6]", "tags:\n  a: b", "speaker: ~", "series: 123",
        "minutes: 三分钟", "draft: 也许", "slug: 红色", "cover: ../../../../../../etc/passwd", "title: &a x\nspeaker: *a",
        "title: '   '", "\t title: 制表符",
    ])
    func wrongShapes(frontMatter: String) throws {
        let text = "---\n\(frontMatter)\ndate: 2024-03-06\nspeaker: 甲\nseries: 政策法规\n---\n正文"
        let site = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + text)
        let report = site.build()
        #expect(report.diagnostics.allSatisfy { $0.file.hasPrefix("content/") })
        #expect(!report.diagnostics.isEmpty, "each of these deserves a word to the writer")
    }

    @Test("binary bytes, a lone BOM and a body of only front matter are handled")
    func strangeFiles() throws {
        let site = try TestSite(Fixtures.siteYML)
        try site.write("content/talks/2024/03/06-a.md", data: Data([0xEF, 0xBB, 0xBF]))
        try site.write("content/talks/2024/03/07-b.md", data: Data([0x00, 0xFF, 0xFE, 0x01]))
        try site.write("content/talks/2024/03/08-c.md", Fixtures.talk(date: "2024-03-08", body: ""))
        let report = site.build()
        #expect(report.diagnostics.contains { $0.code == "empty-file" && $0.file.hasSuffix("06-a.md") })
        #expect(report.diagnostics.contains { $0.code == "not-utf8" && $0.file.hasSuffix("07-b.md") })
        #expect(!report.succeeded)
    }

    @Test("a link in content/ that leads outside the site root is not followed: an entry file that is one is refused by name")
    func symlinkOutside() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try Data(Fixtures.talk(title: "外部文件").utf8).write(to: outside.appendingPathComponent("06-x.md"))
        let site = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/07-a.md --\n" + Fixtures.talk(date: "2024-03-07"))
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("content/talks/2024/outside"),
                                                   withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("content/talks/2024/03/08-link.md"),
                                                   withDestinationURL: outside.appendingPathComponent("06-x.md"))
        // A link to a file inside the root is an ordinary entry.
        try site.write("content/.notes/09-c.md", Fixtures.talk(title: "站内文件", date: "2024-03-09"))
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("content/talks/2024/03/09-c.md"),
                                                   withDestinationURL: site.root.appendingPathComponent("content/.notes/09-c.md"))
        // The entry file that leads out is refused by name; the linked folder is not entered.
        let refused = site.build()
        #expect(refused.errors.map(\.code) == ["refused-file"])
        #expect(refused.errors.first?.file == "content/talks/2024/03/08-link.md")
        #expect(!site.exists("index.html"))
        try site.remove("content/talks/2024/03/08-link.md")
        #expect(site.build().succeeded)
        #expect(!(site.page("talks/index.html") ?? "").contains("外部文件"))
        #expect((site.page("talks/index.html") ?? "").contains("站内文件"))
    }
}
