/// A group of entries under one name: a tag, a branch's talks, a series, a year, a month.
/// Members are indexes into `LinkedSite.entries`, newest first.
public struct EntryGroup: Sendable {
    public let name: String
    public let slug: String
    public let members: [Int]
}

/// Entries of a branch (its brands, the salons it hosted, its talks …), by kind, each in the kind's order.
public struct BranchGroup: Sendable {
    public let branch: Branch
    /// Kind id → the branch's entries of that kind.
    public let members: [String: [Int]]

    public func members(of kind: EntryKind) -> [Int] { members[kind.id] ?? [] }
    public var count: Int { members.values.reduce(0) { $0 + $1.count } }
}

/// Builds the groupings every index page lists.
enum Taxonomies {
    /// One group per tag, sorted by slug; tag slugs are pinyin, clashes told apart with `-2` and reported.
    static func tags(_ entries: [Entry], order: EntryOrder, pinyin: PinyinWords = .builtIn, log: DiagnosticLog) -> [EntryGroup] {
        var members: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            for tag in entry.tags { members[tag, default: []].append(index) }
        }
        var slugOwners: [String: String] = [:]
        var groups: [EntryGroup] = []
        for tag in members.keys.sorted() {
            let made = Slug.make(from: tag, pinyin: pinyin)
            let base = made.isEmpty ? "tag" : made
            var slug = base
            var counter = 2
            while slugOwners[slug] != nil {
                slug = "\(base)-\(counter)"
                counter += 1
            }
            if slug != base, let first = members[tag]?.first {
                log.report(AddressError.tagRenamed(location: FieldLocator.location(of: "tags", in: entries[first]),
                                                   tag: tag, slug: slug, otherTag: slugOwners[base]!))
            }
            slugOwners[slug] = tag
            groups.append(EntryGroup(name: tag, slug: slug, members: order.newestFirst(members[tag]!)))
        }
        return groups.sorted { $0.slug < $1.slug }
    }

    static func branches(_ entries: [Entry], order: EntryOrder, catalog: KindCatalog, config: SiteConfig) -> [BranchGroup] {
        var members: [String: [String: [Int]]] = [:]
        for (index, entry) in entries.enumerated() where entry.kind.joins(.branch) {
            if let branch = entry.branch { members[branch.id, default: [:]][entry.kind.id, default: []].append(index) }
        }
        return config.branches.map { branch in
            BranchGroup(branch: branch, members: (members[branch.id] ?? [:]).mapValues { order.newestFirst($0) })
        }
    }

    /// One group per value of the catalog's series field, in site.yml's order (empty ones included),
    /// holding the entries of every kind whose series field chooses from that list.
    static func series(_ entries: [Entry], order: EntryOrder, catalog: KindCatalog, config: SiteConfig) -> [EntryGroup] {
        guard let (_, field) = catalog.seriesField, let vocabulary = field.vocabulary else { return [] }
        var members: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            guard let own = entry.kind.field(with: .series), own.vocabulary == vocabulary else { continue }
            if let value = entry.value(own.name)?.text { members[value, default: []].append(index) }
        }
        return config.vocabulary(vocabulary).map { name in
            EntryGroup(name: name, slug: Slug.make(from: name, pinyin: config.pinyin), members: order.newestFirst(members[name] ?? []))
        }
    }

    /// One group per year that has entries of kinds joining years, newest year first.
    static func years(_ entries: [Entry], order: EntryOrder) -> [EntryGroup] {
        var members: [Int: [Int]] = [:]
        for (index, entry) in entries.enumerated() where entry.kind.joins(.year) {
            members[entry.date.year, default: []].append(index)
        }
        return members.keys.sorted(by: >).map { year in
            EntryGroup(name: "\(year)年", slug: "\(year)", members: order.newestFirst(members[year]!))
        }
    }

    /// Entries of one kind in its order: newest first, or highest number first.
    static func ofKind(_ kind: EntryKind, _ entries: [Entry], order: EntryOrder) -> [Int] {
        let indexes = entries.indices.filter { entries[$0].kind == kind }
        switch kind.order {
        case .newestFirst: return order.newestFirst(indexes)
        case .highestNumberFirst: return indexes.sorted { (entries[$0].number ?? 0) > (entries[$1].number ?? 0) }
        }
    }
}
