/// The link stage's result: entries with their converted bodies, every grouping the site's
/// index pages need, and each entry's neighbours, related entries and backlinks.
public struct LinkedSite: Sendable {
    public let model: SiteModel
    public var config: SiteConfig { model.config }
    /// Published entries, sorted by source path; all other fields refer to them by index.
    public let entries: [Entry]
    public let bodies: [EntryBody]
    public let tags: [EntryGroup]
    public let branches: [BranchGroup]
    public let series: [EntryGroup]
    public let years: [EntryGroup]
    public let brands: [Int]
    public let salons: [Int]
    public let talks: [Int]
    public let pages: [Int]
    /// Per entry: the previous (older) and next (newer) entry of its kind.
    public let previous: [Int?]
    public let next: [Int?]
    public let related: [[Int]]
    public let backlinks: [[Int]]
    /// Period bulletins (简报), oldest first.
    public let bulletins: [BulletinIssue]

    public func tagSlug(_ tag: String) -> String? { tagSlugs[tag] }
    let tagSlugs: [String: String]
}

/// The link stage: converts bodies (resolving cross-references) and builds every grouping.
public enum SiteLinker {
    /// With `cache`, bodies and related entries whose inputs did not change are not made again.
    public static func link(_ model: SiteModel, log: DiagnosticLog, cache: LinkCache? = nil) -> LinkedSite {
        let entries = model.entries
        let bodies = BodyRenderer.render(model, log: log, cache: cache)
        let tags = Taxonomies.tags(entries, pinyin: model.config.pinyin, log: log)
        let brands = Taxonomies.ofKind(.brand, entries)
        let salons = Taxonomies.ofKind(.salon, entries)
        let talks = Taxonomies.ofKind(.talk, entries)
        var previous = [Int?](repeating: nil, count: entries.count)
        var next = [Int?](repeating: nil, count: entries.count)
        for newestFirst in [brands, salons, talks] {
            for (position, index) in newestFirst.enumerated() {
                next[index] = position > 0 ? newestFirst[position - 1] : nil
                previous[index] = position + 1 < newestFirst.count ? newestFirst[position + 1] : nil
            }
        }
        return LinkedSite(
            model: model, entries: entries, bodies: bodies, tags: tags,
            branches: Taxonomies.branches(entries, config: model.config),
            series: Taxonomies.series(entries, config: model.config), years: Taxonomies.years(entries),
            brands: brands, salons: salons, talks: talks, pages: Taxonomies.ofKind(.page, entries),
            previous: previous, next: next,
            related: cache.map { $0.related(entries) { RelatedEntries.compute(entries, tags: tags) } }
                ?? RelatedEntries.compute(entries, tags: tags),
            backlinks: backlinks(entries, bodies: bodies),
            bulletins: BulletinPeriods.issues(entries, period: model.config.bulletinPeriod),
            tagSlugs: Dictionary(uniqueKeysWithValues: tags.map { ($0.name, $0.slug) })
        )
    }

    private static func backlinks(_ entries: [Entry], bodies: [EntryBody]) -> [[Int]] {
        var indexByPath: [String: Int] = [:]
        for (index, entry) in entries.enumerated() { indexByPath[entry.path] = index }
        var incoming = [[Int]](repeating: [], count: entries.count)
        for (source, body) in bodies.enumerated() {
            for target in body.references { if let t = indexByPath[target] { incoming[t].append(source) } }
        }
        return incoming.map { Taxonomies.newestFirst($0, in: entries) }
    }
}
