@testable import Dangjian
import Foundation
import Testing

/// A page's fingerprint takes only the templates its pages are made with and the site values they
/// can name: what they leave out must be what no tag of those templates can reach.
@Suite("What a template's pages read")
struct TemplateReadsTests {
    static let theme = [
        "talk": "{{<base}}{{$content}}<h1>{{page.title}}</h1>{{#page.tags}}{{> partials/tags}}{{/page.tags}}{{/content}}{{/base}}",
        "base": "<html>{{{chrome.header}}}{{$content}}{{/content}}{{{chrome.footer}}}</html>",
        "salon": "{{<base}}{{$content}}{{site.count_salon}} 期 {{uppercased(page.host)}}{{/content}}{{/base}}",
        "partials/tags": "<a href=\"{{root}}{{url}}\">{{name}}</a>",
        "partials/header": "{{#site.organization}}{{site.organization}}{{/site.organization}}",
        "partials/footer": "{{#site.years}}<a href=\"{{root}}{{url}}\">{{name}}</a>{{/site.years}}",
        "partials/card": "{{! 卡片 }}<div>{{title}}</div>",
    ]

    @Test("a template reads its own tags, its parents' and partials', and the parts every page shows")
    func closure() throws {
        let reads = try #require(TemplateReads.reads(in: Self.theme))
        let talk = try #require(reads["talk"])
        #expect(talk.templates == ["base", "partials/card", "partials/footer", "partials/header", "partials/tags", "talk"])
        #expect(talk.names.isSuperset(of: ["page", "title", "tags", "url", "name", "organization", "years", "chrome", "footer"]))
        #expect(!talk.names.contains("count_salon") && !talk.names.contains("host"))
        let salon = try #require(reads["salon"])
        #expect(salon.names.isSuperset(of: ["count_salon", "uppercased", "host"]), "transforms and their arguments are read")
        #expect(!salon.templates.contains("talk") && !salon.templates.contains("partials/tags"))
    }

    @Test("a theme that changes the tag delimiters reads everything")
    func otherDelimiters() {
        var theme = Self.theme
        theme["page"] = "{{=<% %>=}}<% site.count_talk %>"
        #expect(TemplateReads.reads(in: theme) == nil)
    }

    @Test("site values under names the templates do not spell are left out, at every depth")
    func keeping() {
        let year = TemplateValue.map(TemplateMap(["name": .text("2026 年"), "url": .text("years/2026/"), "count": .number(365)]))
        let site = TemplateMap(["organization": .text("某某税务局"), "years": .list([year]), "count_talk": .number(2203)])
        let kept = site.keeping(["organization", "years", "name", "url"])
        #expect(kept["count_talk"] == nil)
        guard case let .list(years)? = kept["years"], case let .map(first)? = years.first else {
            Issue.record("the years are kept")
            return
        }
        #expect(first["count"] == nil && first["name"] != nil)
        var moreTalks = site
        moreTalks["count_talk"] = .number(2204)
        moreTalks["years"] = .list([.map(TemplateMap(["name": .text("2026 年"), "url": .text("years/2026/"), "count": .number(366)]))])
        #expect(moreTalks.keeping(["organization", "years", "name", "url"]).digest == kept.digest,
                "a talk added changes nothing a footer of years shows")
        #expect(moreTalks.keeping(["organization", "years", "name", "url", "count"]).digest
            != site.keeping(["organization", "years", "name", "url", "count"]).digest)
    }
}
