import Foundation

/// What a build is asked to include.
public struct BuildOptions: Sendable {
    /// The kinds of entry the site holds.
    public var catalog: KindCatalog = .standard
    public var includeDrafts = false
    public var includeFuture = false
    /// "Now", injected so tests and builds are reproducible.
    public var now: Date
    /// Told how far page rendering has come (pages done, pages in all), from the building thread.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init(catalog: KindCatalog = .standard, includeDrafts: Bool = false, includeFuture: Bool = false, now: Date = Date(),
                progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) {
        self.catalog = catalog
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.now = now
        self.progress = progress
    }
}

/// The model stage's result: the site's settings and its published entries, each with its address.
public struct SiteModel: Sendable {
    public let catalog: KindCatalog
    public let config: SiteConfig
    /// Published entries, sorted by source path.
    public internal(set) var entries: [Entry]
    /// Entries left out (drafts, future dates), by source path, so links to them can be told apart from broken ones.
    public let unpublished: Set<String>
    /// Entry files refused for an error reported at them (a bad field, unreadable front matter), by
    /// source path relative to `content/`: a link to one is not a second error.
    public let refused: Set<String>
    public let assetPaths: AssetFiles
    public let root: URL
    /// The day of the build in the site's time zone (from `BuildOptions.now`): the statistics' "current run" ends here.
    public let today: EntryDate
}

public enum ContentModel {
    /// With `cache`, entries of unchanged files are not read again.
    public static func build(_ loaded: LoadedSite, options: BuildOptions, log: DiagnosticLog,
                             cache: EntryReadCache? = nil) -> SiteModel {
        let catalog = loaded.catalog
        let config = SiteConfigReader.read(loaded.siteConfig, catalog: catalog, log: log)
        let read: [Entry]
        let contentFolder = loaded.root.appendingPathComponent("content")
        if let cache {
            cache.begin(configText: loaded.siteConfigText, assetPaths: loaded.assetPaths)
            read = loaded.entries.parallelMap { cache.read($0, config: config, catalog: catalog, assetPaths: loaded.assetPaths,
                                                        contentFolder: contentFolder, log: log) }
                .compactMap { $0 }
            cache.finish(paths: loaded.entries.map(\.contentPath))
        } else {
            let reader = EntryReader(config: config, catalog: catalog, assetPaths: loaded.assetPaths, log: log,
                                     contentFolder: contentFolder)
            read = loaded.entries.parallelMap { reader.read($0) }.compactMap { $0 }
        }
        let refused = loaded.unreadable.union(Set(loaded.entries.map(\.contentPath)).subtracting(read.map(\.contentPath)))
        let today = EntryDate.of(options.now, in: config.timeZone)
        var published: [Entry] = []
        var left: [Entry] = []
        for entry in read {
            let isFuture = entry.date.dayOnly > today.dayOnly
            if (entry.isDraft && !options.includeDrafts) || (isFuture && !options.includeFuture) {
                left.append(entry)
            } else {
                published.append(entry)
            }
        }
        published.sort { $0.path < $1.path }
        NumberCheck.report(published, log: log)
        PeopleCheck.report(published, config: config, log: log)
        let addressed = PageAddresses.assign(published, catalog: catalog, log: log)
        let resolved = EntryReferences.resolve(addressed, unpublished: left, refused: refused,
                                               refusedFiles: loaded.entries.filter { refused.contains($0.contentPath) },
                                               catalog: catalog, log: log)
        let unpublished = Set(left.map(\.contentPath)).union(resolved.leftOut)
        return SiteModel(catalog: catalog, config: config, entries: resolved.entries, unpublished: unpublished, refused: refused.union(resolved.refused),
                         assetPaths: loaded.assetPaths, root: loaded.root, today: today.dayOnly)
    }
}

/// Numbers (a salon's 期数) are unique within their kind: the second file with a number is reported.
enum NumberCheck {
    static func report(_ entries: [Entry], log: DiagnosticLog) {
        var first: [String: Entry] = [:]
        for entry in entries {
            guard let field = entry.kind.field(with: .number), let number = entry.number else { continue }
            let key = "\(entry.kind.id) \(number)"
            guard let other = first[key] else {
                first[key] = entry
                continue
            }
            log.report(ModelError.duplicateNumber(location: FieldLocator.location(of: field.name, in: entry), field: field.name,
                                                  label: field.label, kind: entry.kind.name,
                                                  numberText: field.numberText(number) ?? "\(number)", otherFile: other.path))
        }
    }
}

/// Finds where a field was written, for problems found after reading.
enum FieldLocator {
    static func location(of key: String, in entry: Entry) -> SourceLocation {
        entry.fieldLocations[key] ?? SourceLocation(file: entry.path, line: 1, column: 1)
    }
}
