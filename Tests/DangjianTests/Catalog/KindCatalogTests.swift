@testable import Dangjian
import Testing

@Suite("The catalog of kinds")
struct KindCatalogTests {
    let catalog = KindCatalog.standard

    @Test("the standard kinds are declared without problems, each in its own folder")
    func standardCatalog() {
        #expect(catalog.problems.isEmpty, "\(catalog.problems)")
        #expect(catalog.kinds.map(\.id) == ["talk", "salon", "brand", "case", "honour", "rating", "lesson", "page"])
        #expect(catalog.kinds.map(\.folder) == ["talks", "salons", "brands", "cases", "honours", "ratings", "lessons", "pages"])
        #expect(catalog.kind(ofContentPath: "talks/2024/03/06-a.md")?.id == "talk")
        #expect(catalog.kind(ofContentPath: "cases/hong-se/ke-ti.md")?.id == "case")
        #expect(catalog.kind(ofContentPath: "notes/a.md") == nil)
        #expect(catalog.kind(ofContentPath: "a.md") == nil)
    }

    @Test("what the product knows of each kind comes from its declaration")
    func derived() throws {
        #expect(catalog.vocabularies == ["talk_series", "brand_categories", "honour_levels"])
        #expect(catalog.seriesField.map { "\($0.kind.id).\($0.field.name)" } == "talk.series")
        #expect(catalog.dailyRunKind?.id == "talk")
        let brand = try #require(catalog.kind(id: "brand"))
        #expect(catalog.referrers(of: brand).map { "\($0.kind.id).\($0.field.name)" } == ["case.brand", "honour.brand"])
        #expect(catalog.kind(id: "rating")?.period == PeriodSetting(siteKey: "ratings", default: .quarter))
        #expect(catalog.knownFields(of: brand) == ["title", "date", "tags", "summary", "slug", "cover", "draft",
                                                    "branch", "category", "slogan", "highlights"])
        #expect(catalog.label(of: "host") == "承办支部")
        #expect(catalog.label(of: "brand", in: catalog.kind(id: "case")) == "所属品牌")
        let salon = try #require(catalog.kind(id: "salon"))
        #expect(salon.field(with: .number)?.numberText(12) == "第12期")
        #expect(salon.address == .numbered && salon.order == .highestNumberFirst)
    }

    @Test("declarations that contradict each other are caught")
    func problems() {
        let clash = EntryKind(id: "talk", folder: "tags", name: "重复", shortName: "重", unit: "个",
                              fields: [FieldSpec("title", label: "标题", type: .text),
                                       FieldSpec("owner", label: "归属", type: .reference(kind: "nothing")),
                                       FieldSpec("no", label: "编号", type: .text, roles: [.number])],
                              address: .numbered)
        let unnumbered = EntryKind(id: "award", folder: "awards", name: "表彰", shortName: "表彰", unit: "项", fields: [],
                                   address: .numbered)
        let problems = catalog.adding(clash).adding(unnumbered).problems
        #expect(problems.contains("kind id talk declared twice"))
        #expect(problems.contains("talk: folder tags is the generator's own"))
        #expect(problems.contains("talk.title is a common field"))
        #expect(problems.contains("talk.owner refers to unknown kind nothing"))
        #expect(problems.contains("talk.no: a number field must be a positive integer"))
        #expect(problems.contains("award: numbered addresses, own bulletins and number order need a number field"))
        #expect(!problems.contains { $0.hasPrefix("salon") || $0.hasPrefix("case") })
    }

    @Test("template keys follow one pattern for every kind")
    func templateKeys() throws {
        let kind = try #require(catalog.kind(id: "case"))
        #expect(TemplateKeys.count(kind) == "caseCount")
        #expect(TemplateKeys.has(kind) == "hasCases")
        #expect(TemplateKeys.list(kind) == "cases")
        #expect(TemplateKeys.isKind(kind) == "isCase")
    }

    @Test("a card answers nothing for a key it lacks, and leaves the page layout's names to the page")
    func closedCards() {
        let card = TemplateMap.closed(["title": .text("一讲")])
        guard case .text("一讲")? = card.lookup("title") else { Issue.record("title"); return }
        for key in ["body", "branch", "characterCount", "anything-a-theme-invents"] {
            guard case .absent? = card.lookup(key) else { Issue.record("\(key) is not absent"); continue }
        }
        for key in PageLayout.names { #expect(card.lookup(key) == nil, "\(key) is looked up around the card") }
        let merged = card.merging(["root": .text("../")])
        guard case .absent? = merged.lookup("cover") else { Issue.record("a merged card is not closed"); return }
        #expect(TemplateMap(["title": .text("x")]).lookup("cover") == nil, "ordinary maps stay open")
    }
}
