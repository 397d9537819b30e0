import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// A kind declared in the test alone (荣誉, honours) builds a site: its pages, index, navigation,
/// groupings and feed come from the declaration and two templates, with no change to the product.
@Suite("A kind declared in a test")
struct DeclaredKindTests {
    static let honour = EntryKind(
        id: "honour", folder: "honours", name: "荣誉", shortName: "荣誉", unit: "项",
        fields: [
            FieldSpec("level", label: "荣誉级别", type: .choice(vocabulary: "honour_levels"), required: true, search: .name),
            FieldSpec("issuer", label: "授予单位", type: .text, search: .name),
            FieldSpec("branch", label: "支部", type: .branch, roles: [.branch], search: .name),
        ],
        address: .named, index: .field("level"), navigation: NavigationItem("荣誉", weight: 35), appearances: [.feed])
    static let catalog = KindCatalog.standard.adding(honour)

    static let text = Fixtures.siteYML + """

    honour_levels: [国家级, 省部级, 市级]
    -- content/honours/wen-ming-dan-wei.md --
    ---
    title: 全国文明单位
    date: 2024-01-15
    level: 国家级
    issuer: 中央精神文明建设指导委员会
    branch: jiguan-1
    tags: [精神文明]
    ---
    获奖说明。
    -- content/honours/xian-jin-zhi-bu.md --
    ---
    title: 市级先进基层党组织
    date: 2024-06-28
    level: 市级
    branch: jiguan-2
    ---
    获奖说明。
    -- content/talks/2024/03/06-a.md --
    \(Fixtures.talk("tags: [精神文明]"))
    """

    static let entryTemplate = """
    {{<base}}{{$content}}{{#page}}<h1>{{title}}</h1><p class="level">{{level}}</p><p class="issuer">{{issuer}}</p>\
    <p class="branch">{{branch.name}}</p>{{/page}}{{/content}}{{/base}}
    """
    static let indexTemplate = """
    {{<base}}{{$content}}{{#page.groups}}<section id="{{anchor}}"><h2>{{name}}</h2>{{#entries}}{{{row}}}{{/entries}}</section>{{/page.groups}}{{/content}}{{/base}}
    """

    func build(_ text: String = text, templates: Bool = true) throws -> (TestSite, BuildReport) {
        let site = try TestSite(text)
        if templates {
            try site.write("templates/honour.mustache", Self.entryTemplate)
            try site.write("templates/honours.mustache", Self.indexTemplate)
        }
        let report = SiteBuilder.build(root: site.root, options: BuildOptions(catalog: Self.catalog, now: TestSite.today))
        return (site, report)
    }

    @Test("its pages, index, navigation, groupings and feed follow from the declaration")
    func builds() throws {
        #expect(Self.catalog.problems.isEmpty)
        let (site, report) = try build()
        #expect(report.succeeded, "\(report.diagnostics.map(DiagnosticFormatter.compilerStyle))")
        #expect(report.diagnostics.isEmpty, "honour_levels is a known key of site.yml now")
        let page = try #require(site.page("honours/wen-ming-dan-wei/index.html"))
        #expect(page.contains(#"<p class="level">国家级</p><p class="issuer">中央精神文明建设指导委员会</p><p class="branch">机关第一党支部</p>"#))
        #expect(page.contains(#"<a href="../../honours/index.html" aria-current="page">荣誉</a></li><li><a href="../../branches/index.html">支部</a>"#))
        let index = try #require(site.page("honours/index.html"))
        let national = try #require(index.range(of: "<h2>国家级</h2>")), city = try #require(index.range(of: "<h2>市级</h2>"))
        #expect(national.lowerBound < city.lowerBound)
        #expect(site.page("tags/jing-shen-wen-ming/index.html")?.contains("全国文明单位") == true)
        #expect(site.page("2024/index.html")?.contains("市级先进基层党组织") == true)
        #expect(site.page("feed.xml")?.contains(#"<category term="honour" label="荣誉"/>"#) == true)
        #expect(report.summary.contains { ($0.label, $0.count, $0.unit, $0.countsEntries) == ("荣誉", 2, "项", true) })
        #expect(site.page("index.html")?.contains("全国文明单位") == false, "not on the home page: its declaration has no home listing")
    }

    @Test("its fields are checked as declared, and a theme without its template says which file is missing")
    func checked() throws {
        let (_, wrong) = try build(Self.text.replacingOccurrences(of: "level: 市级", with: "level: 市极"))
        let d = try #require(wrong.diagnostics.first { $0.code == "unknown-level" })
        #expect(DiagnosticFormatter.compilerStyle(d) == "content/honours/xian-jin-zhi-bu.md:4:8: 错误: 未知荣誉级别“市极”，是否为“市级”？")
        let (_, untemplated) = try build(templates: false)
        #expect(!untemplated.succeeded)
        #expect(untemplated.diagnostics.map(\.file).sorted() == ["templates/honour.mustache", "templates/honours.mustache"])
        #expect(untemplated.diagnostics.allSatisfy { $0.code == "missing-template" })
    }
}

/// Template values are typed: a card answers for every key any kind's card has, so a template never
/// shows one entry's value on another's card; a partial that is not there is an error, not a blank.
@Suite("Typed template values")
struct TemplateValueTests {
    @Test("a related entry without a branch, cover or brand shows nothing there, not the page's own")
    func noFallThrough() throws {
        let site = try TestSite(CaseTests.site + "\n-- content/talks/2024/03/07-t.md --\n" + Fixtures.talk("tags: [为民服务]", date: "2024-03-07"))
        try site.write("templates/case.mustache", """
        {{<base}}{{$content}}{{#page}}<h1>{{title}}</h1>{{#related}}<i>{{title}}|{{branch.name}}|{{brand.title}}|{{cover}}|{{issueText}}</i>{{/related}}{{/page}}{{/content}}{{/base}}
        """)
        #expect(site.build().succeeded)
        let page = try #require(site.page("cases/ke-ti/index.html"))
        #expect(page.contains("<i>晨学一讲||||</i>"), "a talk without branch shows no branch and no brand")
        #expect(page.contains("<i>结对共建走进基层|机关第一党支部|红色引擎：党建引领机关建设||</i>"))
    }

    @Test("a template naming a partial that is not there is an error at its line")
    func missingPartial() throws {
        let site = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk())
        try site.write("templates/talk.mustache", "{{<base}}\n{{$content}}\n{{>partials/nothing}}\n{{/content}}\n{{/base}}\n")
        let report = site.build()
        let d = try #require(report.diagnostics.first { $0.code == "missing-partial" })
        #expect((d.file, d.line, d.column) == ("templates/talk.mustache", 3, 1))
        #expect(!report.succeeded)
    }
}
