/// Each kind's index (`talks/index.html`, paginated), rendered with the template named like the
/// kind's folder, its entries grouped as the kind declares: under months, or under the values of a
/// choice field in site.yml's order (brands by category).
struct KindIndexFamily: PageFamily {
    let name = "kind-index"

    /// Kinds with an index on `site`: those that always have one, the others when they have entries.
    static func listed(_ kind: EntryKind, in site: LinkedSite) -> Bool {
        kind.index != nil && (kind.alwaysListed || !site.members(of: kind).isEmpty)
    }

    func plan(_ site: LinkedSite) -> [PageKey] {
        site.catalog.kinds.enumerated().filter { Self.listed($0.element, in: site) }.flatMap { position, kind in
            Pagination.keys(item: position, count: site.members(of: kind).count, size: site.config.pageSize)
        }
    }

    func address(_ key: PageKey, in site: LinkedSite) -> String { Addresses.index(site.catalog.kinds[key.item], page: key.page) }
    func template(_ key: PageKey, in site: LinkedSite) -> String? { site.catalog.kinds[key.item].folder }

    func navigation(_ site: LinkedSite) -> [NavigationEntry] {
        site.catalog.kinds.compactMap { kind in
            guard let item = kind.navigation, Self.listed(kind, in: site) else { return nil }
            return NavigationEntry(key: kind.folder, title: item.title, url: Addresses.index(kind), weight: item.weight)
        }
    }

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let site = context.site
        let kind = site.catalog.kinds[key.item]
        let members = site.members(of: kind)
        let pagination = Pagination(folder: "\(kind.folder)/", page: key.page, count: members.count, size: site.config.pageSize)
        let ordered: [Int]
        if case let .field(field)? = kind.index {
            ordered = ListGroups.byVocabulary(members, field: field, of: kind, in: site)
        } else {
            ordered = members
        }
        let shown = Array(pagination.slice(ordered))
        let values: [String: TemplateValue] = [
            "title": .text(kind.name), "section": .text(kind.folder), "count": .number(members.count),
            "pagination": pagination.values, "entries": context.cards.list(shown),
            "groups": ListGroups.runs(of: shown, by: ListGroups.heading(for: kind, in: site), cards: context.cards),
        ]
        return .template(kind.folder, TemplateMap(values))
    }
}

/// Headings over lists of entries: consecutive runs under one name.
enum ListGroups {
    /// What a kind's index groups its entries by: a choice field's value, or the month.
    static func heading(for kind: EntryKind, in site: LinkedSite) -> (Int) -> String {
        switch kind.index {
        case let .field(field)?: return { site.entries[$0].value(field)?.text ?? "" }
        case .year?: return { "\(site.entries[$0].date.year)年" }
        default: return month(in: site)
        }
    }

    static func month(in site: LinkedSite) -> (Int) -> String {
        { site.entries[$0].date.chineseMonth }
    }

    /// `members` in the order of the field's vocabulary in site.yml, keeping their order within each value.
    static func byVocabulary(_ members: [Int], field: String, of kind: EntryKind, in site: LinkedSite) -> [Int] {
        let vocabulary = kind.field(field)?.vocabulary.map(site.config.vocabulary) ?? []
        let order = Dictionary(vocabulary.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let value = { (index: Int) in site.entries[index].value(field)?.text ?? "" }
        return members.enumerated().sorted { a, b in
            let (x, y) = (value(a.element), value(b.element))
            return x != y ? (order[x] ?? .max) < (order[y] ?? .max) : a.offset < b.offset
        }.map(\.element)
    }

    /// `{name, anchor, entries}` for each run of `shown` with the same heading.
    static func runs(of shown: [Int], by heading: (Int) -> String, cards: EntryCards) -> TemplateValue {
        var result: [TemplateValue] = []
        var currentName: String?
        var current: [Int] = []
        func flush() {
            guard let name = currentName else { return }
            result.append(.map(TemplateMap(["name": .text(name), "anchor": .text(Slug.make(from: name)), "entries": cards.list(current)])))
        }
        for index in shown {
            let name = heading(index)
            if name != currentName { flush(); currentName = name; current = [] }
            current.append(index)
        }
        flush()
        return .list(result)
    }
}
