import Foundation

/// The template values of every entry, made once and shared by every page that lists the entry.
/// All `url` values are relative to the site root: templates write `{{root}}{{url}}`.
/// A full build makes them all up front, in parallel; the preview server makes each when a page
/// first needs it (`onDemand`), since after a change it renders only the pages someone looks at.
final class EntryCards: @unchecked Sendable {
    private var cards: [[String: Any]?]
    private let make: @Sendable (Int) -> [String: Any]
    private let onDemand: Bool
    private let lock = NSLock()

    /// Makes an entry's values and renders its list fragments: `row` (`partials/row`) and `card`
    /// (`partials/card`), with links written from the site root through the root marker, so every
    /// list shows them with `{{{row}}}` / `{{{card}}}` instead of rendering them again.
    init(_ site: LinkedSite, templates: TemplateSet, siteValues: [String: Any], onDemand: Bool = false) {
        let tagURLs = Dictionary(uniqueKeysWithValues: site.tags.map { ($0.name, "tags/\($0.slug)/index.html") })
        let seriesURLs = Dictionary(uniqueKeysWithValues: site.series.map { ($0.name, "series/\($0.slug)/index.html") })
        let shared = TemplateValues(siteValues)
        let make: @Sendable (Int) -> [String: Any] = { index in
            var card = EntryCards.card(site.entries[index], body: site.bodies[index], tagURLs: tagURLs, seriesURLs: seriesURLs)
            var context = card
            context["root"] = SitePath.rootMarker
            context["site"] = shared.values
            for fragment in ["row", "card"] {
                card[fragment] = templates.has("partials/" + fragment) ? templates.render("partials/" + fragment, context) : ""
            }
            return card
        }
        self.make = make
        self.onDemand = onDemand
        cards = onDemand ? Array(repeating: nil, count: site.entries.count)
            : Array(site.entries.indices).parallelMap { TemplateValues(make($0)) }.map(\.values)
    }

    subscript(index: Int) -> [String: Any] {
        guard onDemand else { return cards[index]! }
        if let made = lock.withLock({ cards[index] }) { return made }
        let made = make(index)
        lock.withLock { cards[index] = made }
        return made
    }

    func list(_ indexes: some Sequence<Int>) -> [[String: Any]] { indexes.map { self[$0] } }

    static let optionalKeys = ["cover", "branch", "category", "categoryURL", "slogan", "highlights", "hasHighlights",
                               "issue", "issueText", "host", "speakers", "speakersText", "readings", "hasReadings",
                               "homework", "speaker", "series", "minutes", "extra"]
    /// Renders as absent and stops the lookup from climbing (Mustache treats NSNull as no value).
    static var nothing: Any { NSNull() }

    static func branchValue(_ branch: Branch) -> [String: Any] {
        ["id": branch.id, "name": branch.name, "url": "branches/\(branch.id)/index.html"]
    }

    private static func card(_ entry: Entry, body: EntryBody, tagURLs: [String: String],
                             seriesURLs: [String: String]) -> [String: Any] {
        var card: [String: Any] = [
            "title": entry.title,
            "url": entry.url,
            "kind": entry.kind.rawValue,
            "kindName": entry.kind.chineseName,
            "isBrand": entry.kind == .brand, "isSalon": entry.kind == .salon,
            "isTalk": entry.kind == .talk, "isPage": entry.kind == .page,
            "date": entry.date.isoDay,
            "dateText": entry.date.chineseDay,
            "summary": entry.summary ?? Summary.make(from: body.plainText),
            "tags": entry.tags.map { ["name": $0, "url": tagURLs[$0] ?? ""] },
            "hasTags": !entry.tags.isEmpty,
        ]
        if let cover = entry.cover { card["cover"] = AssetPlacement.beside(entry, source: cover).destination }
        switch entry.details {
        case let .brand(brand):
            card["branch"] = branchValue(brand.branch)
            card["category"] = brand.category
            card["categoryURL"] = "brands/index.html#" + Slug.make(from: brand.category)
            if let slogan = brand.slogan { card["slogan"] = slogan }
            card["highlights"] = brand.highlights
            card["hasHighlights"] = !brand.highlights.isEmpty
        case let .salon(salon):
            card["issue"] = salon.issue
            card["issueText"] = "第\(salon.issue)期"
            card["host"] = branchValue(salon.host)
            card["speakers"] = salon.speakers
            if !salon.speakers.isEmpty { card["speakersText"] = salon.speakers.joined(separator: "、") }
            card["readings"] = salon.readings
            card["hasReadings"] = !salon.readings.isEmpty
            if let homework = salon.homework { card["homework"] = homework }
        case let .talk(talk):
            card["speaker"] = talk.speaker
            card["series"] = ["name": talk.series, "url": seriesURLs[talk.series] ?? ""]
            if let branch = talk.branch { card["branch"] = branchValue(branch) }
            card["minutes"] = talk.minutes == talk.minutes.rounded() ? "\(Int(talk.minutes))" : "\(talk.minutes)"
        case .page:
            break
        }
        // Every key a card can have is set, absent ones to "nothing": a Mustache lookup that misses
        // climbs to the enclosing values and could show another entry's branch or cover there.
        for key in Self.optionalKeys where card[key] == nil { card[key] = Self.nothing }
        if !entry.extraFields.isEmpty {
            var extra: [String: Any] = [:]
            for field in entry.extraFields { extra[field.key] = field.value.templateValue }
            card["extra"] = extra
        }
        return card
    }
}

/// Template values are plain dictionaries of strings, numbers, arrays and dictionaries, built once
/// and only read afterwards, so they may cross threads.
struct TemplateValues: @unchecked Sendable {
    let values: [String: Any]
    init(_ values: [String: Any]) { self.values = values }
}
