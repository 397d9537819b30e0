/// The link stage's result: entries with their converted bodies, every grouping the site's
/// index pages need, and each entry's neighbours, related entries, backlinks and referrers.
public struct LinkedSite: Sendable {
    public private(set) var model: SiteModel
    public var config: SiteConfig { model.config }
    public var catalog: KindCatalog { model.catalog }
    /// Published entries, sorted by source path; all other fields refer to them by index.
    public private(set) var entries: [Entry]
    /// The entries newest first: the order of every list of them.
    public let order: EntryOrder
    public private(set) var bodies: [EntryBody]
    public let tags: [EntryGroup]
    public let branches: [BranchGroup]
    /// One group per value of the series field (empty ones included), in site.yml's order.
    public let series: [EntryGroup]
    public let years: [EntryGroup]
    /// Per entry: the previous (older) and next (newer) entry of its kind.
    public let previous: [Int?]
    public let next: [Int?]
    public let related: [[Int]]
    public let backlinks: [[Int]]
    /// Per entry named by others' reference fields: the referring kind's id → those entries, newest first.
    public let referrers: [Int: [String: [Int]]]
    /// Period bulletins (简报), oldest first.
    public let bulletins: [BulletinIssue]
    /// People named by person fields or listed in the roster, by name without spaces.
    public let people: [PersonGroup]
    /// Per entry of kinds numbered in their history: its number, oldest first (第 N 讲).
    public let historyNumbers: [Int?]
    /// Each kind's entries in the kind's order (newest first, or highest number first).
    let byKind: [String: [Int]]
    let tagSlugs: [String: String]
    let indexByPath: [String: Int]
    /// The web versions of the pictures pages use (made after linking, by `PictureStep`).
    public internal(set) var pictures = PictureSet()
    /// The videos lessons and bodies use, checked and probed (`Media/`).
    public var videos: VideoShelf? = nil

    /// The published entry whose source path (relative to the site root) is `path`.
    public func entry(atPath path: String) -> Entry? { indexByPath[path].map { entries[$0] } }

    public func tagSlug(_ tag: String) -> String? { tagSlugs[tag] }

    /// The entries of `kind`, in its order.
    public func members(of kind: EntryKind) -> [Int] { byKind[kind.id] ?? [] }

    /// The entries of `kind` that name the entry at `index` through a reference field, newest first.
    public func referrers(of index: Int, kind: EntryKind) -> [Int] { referrers[index]?[kind.id] ?? [] }

    /// Kinds with entries, in the catalog's order.
    public var usedKinds: [EntryKind] { catalog.kinds.filter { !members(of: $0).isEmpty } }

    /// Forgets every body's plain text. Only the search index reads it: a build calls this once the
    /// index is made, so the texts are not held beside the pages being rendered (on 100,000 entries,
    /// as much memory as the bodies' HTML).
    func releasePlainTexts() {
        for body in bodies { body.releasePlainText() }
    }

    /// The site with one entry's body replaced, everything else as it was: for an edit that left the
    /// entry's front matter, links and pictures as they were (`PreviewBodyEdit` checks that first).
    func replacingBody(of index: Int, entry: Entry, body: EntryBody) -> LinkedSite {
        var edited = self
        edited.entries[index] = entry
        edited.model.entries[index] = entry
        edited.bodies[index] = body
        return edited
    }
}

/// The link stage: converts bodies (resolving cross-references) and builds every grouping.
public enum SiteLinker {
    /// With `cache`, bodies and related entries whose inputs did not change are not made again.
    public static func link(_ model: SiteModel, log: DiagnosticLog, cache: LinkCache? = nil, videos: VideoShelf? = nil) -> LinkedSite {
        let entries = model.entries
        let indexByPath = pathIndex(entries)
        let order = EntryOrder(entries)
        let videos = videos ?? VideoSurvey.shelf(for: model)
        let bodies = BodyRenderer.render(model, log: log, cache: cache, videos: videos)
        let tags = Taxonomies.tags(entries, order: order, pinyin: model.config.pinyin, log: log)
        var byKind: [String: [Int]] = [:]
        for kind in model.catalog.kinds { byKind[kind.id] = Taxonomies.ofKind(kind, entries, order: order) }
        var previous = [Int?](repeating: nil, count: entries.count)
        var next = [Int?](repeating: nil, count: entries.count)
        for kind in model.catalog.kinds where kind.appears(in: .neighbours) {
            let ordered = byKind[kind.id] ?? []
            for (position, index) in ordered.enumerated() {
                next[index] = position > 0 ? ordered[position - 1] : nil
                previous[index] = position + 1 < ordered.count ? ordered[position + 1] : nil
            }
        }
        var linked = LinkedSite(
            model: model, entries: entries, order: order, bodies: bodies, tags: tags,
            branches: Taxonomies.branches(entries, order: order, catalog: model.catalog, config: model.config),
            series: Taxonomies.series(entries, order: order, catalog: model.catalog, config: model.config),
            years: Taxonomies.years(entries, order: order),
            previous: previous, next: next,
            related: cache.map { $0.related(entries) { RelatedEntries.compute(entries, tags: tags, order: order) } }
                ?? RelatedEntries.compute(entries, tags: tags, order: order),
            backlinks: backlinks(bodies, order: order, indexByPath: indexByPath),
            referrers: referrers(entries, order: order, indexByPath: indexByPath),
            bulletins: BulletinPeriods.issues(entries, order: order, period: model.config.bulletinPeriod),
            people: People.groups(entries, order: order, config: model.config),
            historyNumbers: historyNumbers(order, count: entries.count, byKind: byKind, catalog: model.catalog),
            byKind: byKind,
            tagSlugs: Dictionary(uniqueKeysWithValues: tags.map { ($0.name, $0.slug) }),
            indexByPath: indexByPath
        )
        linked.videos = videos
        return linked
    }

    /// Each entry of a kind numbered in its history gets its place among the kind's entries, oldest first.
    private static func historyNumbers(_ order: EntryOrder, count: Int, byKind: [String: [Int]], catalog: KindCatalog) -> [Int?] {
        var numbers = [Int?](repeating: nil, count: count)
        for kind in catalog.kinds where kind.appears(in: .historyNumbers) {
            let oldestFirst = order.newestFirst(byKind[kind.id] ?? []).reversed()
            for (position, index) in oldestFirst.enumerated() { numbers[index] = position + 1 }
        }
        return numbers
    }

    private static func pathIndex(_ entries: [Entry]) -> [String: Int] {
        var indexByPath: [String: Int] = [:]
        for (index, entry) in entries.enumerated() { indexByPath[entry.path] = index }
        return indexByPath
    }

    private static func backlinks(_ bodies: [EntryBody], order: EntryOrder, indexByPath: [String: Int]) -> [[Int]] {
        var incoming = [[Int]](repeating: [], count: bodies.count)
        for (source, body) in bodies.enumerated() {
            for target in body.references { if let t = indexByPath[target] { incoming[t].append(source) } }
        }
        return incoming.map { order.newestFirst($0) }
    }

    private static func referrers(_ entries: [Entry], order: EntryOrder, indexByPath: [String: Int]) -> [Int: [String: [Int]]] {
        var found: [Int: [String: [Int]]] = [:]
        let referring = entries.indices.filter { !entries[$0].references.isEmpty }
        for source in referring {
            for target in Set(entries[source].references.values) {
                if let t = indexByPath[target] { found[t, default: [:]][entries[source].kind.id, default: []].append(source) }
            }
        }
        return found.mapValues { $0.mapValues { order.newestFirst($0) } }
    }
}
