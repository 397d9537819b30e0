import Foundation

/// The template values of every entry, made once and shared by every page that lists the entry.
/// All `url` values are relative to the site root: templates write `{{root}}{{url}}`.
/// A full build makes them all at once, in parallel, when rendering starts (`makeAll`; not before,
/// so they do not sit in memory beside the search index while it is built); the preview server makes
/// each when a page first needs it, since after a change it renders only the pages someone looks at.
final class EntryCards: @unchecked Sendable {
    private var cards: [TemplateMap?]
    private let make: @Sendable (Int) -> TemplateMap
    private let lock = NSLock()

    /// Makes an entry's values and renders its list fragments: `row` (`partials/row`) and `card`
    /// (`partials/card`), with links written from the site root through the root marker, so every
    /// list shows them with `{{{row}}}` / `{{{card}}}` instead of rendering them again.
    init(_ site: LinkedSite, templates: TemplateSet, siteValues: TemplateMap) {
        let maker = CardMaker(site)
        let fragments = ["row", "card"].filter { templates.has("partials/" + $0) }
        let make: @Sendable (Int) -> TemplateMap = { index in
            var card = maker.card(index)
            let context = card.merging(["root": .text(SitePath.rootMarker), "site": .map(siteValues)])
            for fragment in fragments { card[fragment] = .text(templates.render("partials/" + fragment, context)) }
            return card
        }
        self.make = make
        cards = Array(repeating: nil, count: site.entries.count)
    }

    /// Makes every card not made yet, on all cores.
    func makeAll() {
        let missing = lock.withLock { cards.indices.filter { cards[$0] == nil } }
        let made = missing.parallelMap(make)
        lock.withLock { for (index, card) in zip(missing, made) { cards[index] = card } }
    }

    subscript(index: Int) -> TemplateMap {
        if let made = lock.withLock({ cards[index] }) { return made }
        let made = make(index)
        lock.withLock { cards[index] = made }
        return made
    }

    func list(_ indexes: some Sequence<Int>) -> TemplateValue { .list(indexes.map { .map(self[$0]) }) }
}

/// An entry's card: the common values, then each field of its kind as its type says, then counts of
/// the entries that name it. Every key any kind's card can have is in the card (`absent` where the
/// entry has no value), so a template reading a key the entry lacks never finds another entry's value.
struct CardMaker: Sendable {
    let site: LinkedSite
    let schema: Set<String>
    private let seriesURLs: [String: String]

    init(_ site: LinkedSite) {
        self.site = site
        schema = Self.schema(site.catalog)
        seriesURLs = Dictionary(site.series.map { ($0.name, Addresses.series($0.slug)) }, uniquingKeysWith: { first, _ in first })
    }

    func card(_ index: Int) -> TemplateMap {
        let entry = site.entries[index]
        var card: [String: TemplateValue] = [
            "title": .text(entry.title), "url": .text(entry.url), "kind": .text(entry.kind.id), "kindName": .text(entry.kind.name),
            "date": .text(entry.date.isoDay), "dateText": .text(entry.date.chineseDay),
            "summary": .text(entry.summary ?? Summary.make(from: site.bodies[index].excerpt)),
            "tags": .list(entry.tags.map { tag in
                .map(TemplateMap(["name": .text(tag), "url": .text(site.tagSlug(tag).map { Addresses.tag($0) } ?? "")]))
            }),
            "hasTags": .flag(!entry.tags.isEmpty),
        ]
        for kind in site.catalog.kinds { card[TemplateKeys.isKind(kind)] = .flag(kind == entry.kind) }
        if let cover = entry.cover { card["cover"] = .text(AssetPlacement.beside(entry, source: cover).destination) }
        if let branch = entry.inheritedBranch { card["branch"] = .map(Self.branch(branch)) }
        for (field, value) in zip(entry.kind.fields, entry.values) { add(field, value, of: entry, to: &card) }
        for (kind, _) in site.catalog.referrers(of: entry.kind) {
            let count = site.referrers(of: index, kind: kind).count
            card[TemplateKeys.count(kind)] = .number(count)
            card[TemplateKeys.has(kind)] = .flag(count > 0)
        }
        if !entry.extraFields.isEmpty {
            var extra = TemplateMap()
            for field in entry.extraFields { extra[field.key] = field.value.templateValue }
            card["extra"] = .map(extra)
        }
        return TemplateMap(card, schema: schema)
    }

    private func add(_ field: FieldSpec, _ value: FieldValue?, of entry: Entry, to card: inout [String: TemplateValue]) {
        let name = field.name
        switch field.type {
        case .texts:
            let items = value?.texts ?? []
            card[name] = .texts(items)
            card[TemplateKeys.has(field)] = .flag(!items.isEmpty)
            if !items.isEmpty { card[TemplateKeys.text(field)] = .text(items.joined(separator: "、")) }
        case .positiveInteger:
            guard let number = value?.integer else { return }
            card[name] = .number(number)
            if let text = field.numberText(number) { card[TemplateKeys.text(field)] = .text(text) }
        case .positiveNumber:
            if case let .number(number)? = value { card[name] = .text(Self.format(number)) }
        case .flag:
            if case let .flag(flag)? = value { card[name] = .flag(flag) }
        case .choice:
            guard let text = value?.text else { return }
            card[name] = field.has(.series)
                ? .map(TemplateMap(["name": .text(text), "url": .text(seriesURLs[text] ?? "")])) : .text(text)
            if entry.kind.index == .field(name) { card[TemplateKeys.url(field)] = .text(Addresses.indexGroup(entry.kind, value: text)) }
        case .branch:
            if let branch = value?.branch { card[name] = .map(Self.branch(branch)) }
        case .reference:
            guard let path = entry.references[name], let target = site.entry(atPath: path) else { return }
            card[name] = .map(TemplateMap(["title": .text(target.title), "url": .text(target.url), "slug": .text(target.slug)]))
        case .text:
            if let text = value?.text { card[name] = .text(text) }
        }
    }

    static func branch(_ branch: Branch) -> TemplateMap {
        TemplateMap(["id": .text(branch.id), "name": .text(branch.name), "url": .text(Addresses.branch(branch.id))])
    }

    /// `3`, `2.5`: whole numbers without a decimal point.
    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? "\(Int(number))" : "\(number)"
    }

    /// Every key a card of any kind of `catalog` can have.
    static func schema(_ catalog: KindCatalog) -> Set<String> {
        var keys: Set<String> = ["title", "url", "kind", "kindName", "date", "dateText", "summary", "tags", "hasTags",
                                 "cover", "branch", "extra", "row", "card"]
        for kind in catalog.kinds {
            keys.insert(TemplateKeys.isKind(kind))
            for field in kind.fields {
                keys.insert(field.name)
                switch field.type {
                case .texts: keys.formUnion([TemplateKeys.has(field), TemplateKeys.text(field)])
                case .positiveInteger: keys.insert(TemplateKeys.text(field))
                case .choice: keys.insert(TemplateKeys.url(field))
                default: break
                }
            }
            for (referrer, _) in catalog.referrers(of: kind) { keys.formUnion([TemplateKeys.count(referrer), TemplateKeys.has(referrer)]) }
        }
        return keys
    }
}
