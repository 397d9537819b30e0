import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// A kind declared in the test alone (志愿服务, volunteering) builds a site: its pages, index, navigation,
/// groupings and feed come from the declaration and two templates, with no change to the product.
@Suite("A kind declared in a test")
struct DeclaredKindTests {
    static let volunteering = EntryKind(
        id: "volunteer", folder: "volunteering", name: "志愿服务", shortName: "志愿服务", unit: "次",
        fields: [
            FieldSpec("level", label: "服务类别", type: .choice(vocabulary: "volunteer_types"), required: true, search: .name),
            FieldSpec("issuer", label: "服务单位", type: .text, search: .name),
            FieldSpec("branch", label: "支部", type: .branch, roles: [.branch], search: .name),
        ],
        address: .named, index: .field("level"), navigation: NavigationItem("志愿服务", weight: 35), appearances: [.feed])
    static let catalog = KindCatalog.standard.adding(volunteering)

    static let text = Fixtures.siteYML + """

    volunteer_types: [理论宣讲, 社区服务, 文明交通]
    -- content/volunteering/she-qu-yi-zhen.md --
    ---
    title: 社区义诊与政策宣讲
    date: 2024-01-15
    level: 理论宣讲
    issuer: 城东街道社区服务中心
    branch: jiguan-1
    tags: [精神文明]
    ---
    服务记录。
    -- content/volunteering/wen-ming-jiao-tong.md --
    ---
    title: 文明交通劝导
    date: 2024-06-28
    level: 文明交通
    branch: jiguan-2
    ---
    服务记录。
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
            try site.write("templates/volunteer.mustache", Self.entryTemplate)
            try site.write("templates/volunteering.mustache", Self.indexTemplate)
        }
        let report = SiteBuilder.build(root: site.root, options: BuildOptions(catalog: Self.catalog, now: TestSite.today))
        return (site, report)
    }

    @Test("its pages, index, navigation, groupings and feed follow from the declaration")
    func builds() throws {
        #expect(Self.catalog.problems.isEmpty)
        let (site, report) = try build()
        #expect(report.succeeded, "\(report.diagnostics.map(DiagnosticFormatter.compilerStyle))")
        #expect(report.diagnostics.isEmpty, "volunteer_types is a known key of site.yml now")
        let page = try #require(site.page("volunteering/she-qu-yi-zhen/index.html"))
        #expect(page.contains(#"<p class="level">理论宣讲</p><p class="issuer">城东街道社区服务中心</p><p class="branch">机关第一党支部</p>"#))
        #expect(page.contains(#"<a href="../../volunteering/index.html" aria-current="page">志愿服务</a></li><li><a href="../../branches/index.html">支部</a>"#))
        let index = try #require(site.page("volunteering/index.html"))
        let talks = try #require(index.range(of: "<h2>理论宣讲</h2>")), traffic = try #require(index.range(of: "<h2>文明交通</h2>"))
        #expect(talks.lowerBound < traffic.lowerBound)
        #expect(site.page("tags/jing-shen-wen-ming/index.html")?.contains("社区义诊与政策宣讲") == true)
        #expect(site.page("2024/index.html")?.contains("文明交通劝导") == true)
        #expect(site.page("feed.xml")?.contains(#"<category term="volunteer" label="志愿服务"/>"#) == true)
        #expect(report.summary.contains { ($0.label, $0.count, $0.unit, $0.countsEntries) == ("志愿服务", 2, "次", true) })
        #expect(site.page("index.html")?.contains("社区义诊与政策宣讲") == false, "not on the home page: its declaration has no home listing")
    }

    @Test("its fields are checked as declared, and a theme without its template says which file is missing")
    func checked() throws {
        let (_, wrong) = try build(Self.text.replacingOccurrences(of: "level: 文明交通", with: "level: 文明交同"))
        let d = try #require(wrong.diagnostics.first { $0.code == "unknown-level" })
        #expect(DiagnosticFormatter.compilerStyle(d) == "content/volunteering/wen-ming-jiao-tong.md:4:8: 错误: 未知服务类别“文明交同”，是否为“文明交通”？")
        let (_, untemplated) = try build(templates: false)
        #expect(!untemplated.succeeded)
        #expect(untemplated.diagnostics.map(\.file).sorted() == ["templates/volunteer.mustache", "templates/volunteering.mustache"])
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
        {{<base}}{{$content}}{{#page}}<h1>{{title}}</h1>{{#related}}<i>{{title}}|{{branch.name}}|{{brand.title}}|{{cover}}|{{issueText}}|{{{body}}}|{{characterCount}}|{{boardURL}}|{{toc}}</i>{{/related}}{{/page}}{{/content}}{{/base}}
        """)
        #expect(site.build().succeeded)
        let page = try #require(site.page("cases/ke-ti/index.html"))
        #expect(page.contains("<i>晨学一讲||||||||</i>"), "a talk without branch shows no branch and no brand")
        #expect(page.contains("<i>结对共建走进基层|机关第一党支部|红色引擎：党建引领机关建设||||||</i>"),
                "the page's own body, size, board and contents never show on another entry's card")
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
