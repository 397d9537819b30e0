/// A group of entries under one name: a tag, a branch's talks, a series, a year, a month.
/// Members are indexes into `LinkedSite.entries`, newest first.
public struct EntryGroup: Sendable {
    public let name: String
    public let slug: String
    public let members: [Int]
}

/// Entries of a branch: its brands, the salons it hosted and its talks, each newest first.
public struct BranchGroup: Sendable {
    public let branch: Branch
    public let brands: [Int]
    public let salons: [Int]
    public let talks: [Int]
}

/// Builds the groupings every index page lists.
enum Taxonomies {
    /// Orders entry indexes newest first, then by source path, so every list is stable.
    static func newestFirst(_ indexes: [Int], in entries: [Entry]) -> [Int] {
        indexes.sorted { a, b in
            let (x, y) = (entries[a], entries[b])
            return x.date != y.date ? x.date > y.date : x.path < y.path
        }
    }

    /// One group per tag, sorted by slug; tag slugs are pinyin, clashes told apart with `-2` and reported.
    static func tags(_ entries: [Entry], pinyin: PinyinWords = .builtIn, log: DiagnosticLog) -> [EntryGroup] {
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
            groups.append(EntryGroup(name: tag, slug: slug, members: newestFirst(members[tag]!, in: entries)))
        }
        return groups.sorted { $0.slug < $1.slug }
    }

    static func branches(_ entries: [Entry], config: SiteConfig) -> [BranchGroup] {
        var brands: [String: [Int]] = [:], salons: [String: [Int]] = [:], talks: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            switch entry.details {
            case let .brand(brand): brands[brand.branch.id, default: []].append(index)
            case let .salon(salon): salons[salon.host.id, default: []].append(index)
            case let .talk(talk): if let branch = talk.branch { talks[branch.id, default: []].append(index) }
            case .page: break
            }
        }
        return config.branches.map { branch in
            BranchGroup(branch: branch, brands: newestFirst(brands[branch.id] ?? [], in: entries),
                        salons: newestFirst(salons[branch.id] ?? [], in: entries),
                        talks: newestFirst(talks[branch.id] ?? [], in: entries))
        }
    }

    /// One group per series of site.yml, in its order (empty ones included).
    static func series(_ entries: [Entry], config: SiteConfig) -> [EntryGroup] {
        var members: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            if case let .talk(talk) = entry.details { members[talk.series, default: []].append(index) }
        }
        return config.talkSeries.map { name in
            EntryGroup(name: name, slug: Slug.make(from: name, pinyin: config.pinyin), members: newestFirst(members[name] ?? [], in: entries))
        }
    }

    /// One group per year that has brands, salons or talks, newest year first.
    static func years(_ entries: [Entry]) -> [EntryGroup] {
        var members: [Int: [Int]] = [:]
        for (index, entry) in entries.enumerated() where entry.kind != .page {
            members[entry.date.year, default: []].append(index)
        }
        return members.keys.sorted(by: >).map { year in
            EntryGroup(name: "\(year)年", slug: "\(year)", members: newestFirst(members[year]!, in: entries))
        }
    }

    /// Entries of one kind, newest first (salons by issue, highest first).
    static func ofKind(_ kind: EntryKind, _ entries: [Entry]) -> [Int] {
        let indexes = entries.indices.filter { entries[$0].kind == kind }
        guard kind == .salon else { return newestFirst(indexes, in: entries) }
        return indexes.sorted { issue(of: entries[$0]) > issue(of: entries[$1]) }
    }

    static func issue(of entry: Entry) -> Int {
        if case let .salon(salon) = entry.details { return salon.issue }
        return 0
    }
}
