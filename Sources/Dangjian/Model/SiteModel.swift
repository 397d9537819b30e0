import Foundation

/// What a build is asked to include.
public struct BuildOptions: Sendable {
    public var includeDrafts = false
    public var includeFuture = false
    /// "Now", injected so tests and builds are reproducible.
    public var now: Date
    /// Told how far page rendering has come (pages done, pages in all), from the building thread.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init(includeDrafts: Bool = false, includeFuture: Bool = false, now: Date = Date(),
                progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) {
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.now = now
        self.progress = progress
    }
}

/// The model stage's result: the site's settings and its published entries, each with its address.
public struct SiteModel: Sendable {
    public let config: SiteConfig
    /// Published entries, sorted by source path.
    public let entries: [Entry]
    /// Entries left out (drafts, future dates), by source path, so links to them can be told apart from broken ones.
    public let unpublished: Set<String>
    public let assetPaths: Set<String>
    public let root: URL
    /// The day of the build in the site's time zone (from `BuildOptions.now`): the statistics' "current run" ends here.
    public let today: EntryDate
}

public enum ContentModel {
    /// With `cache`, entries of unchanged files are not read again.
    public static func build(_ loaded: LoadedSite, options: BuildOptions, log: DiagnosticLog,
                             cache: EntryReadCache? = nil) -> SiteModel {
        let config = SiteConfigReader.read(loaded.siteConfig, log: log)
        let read: [Entry]
        if let cache {
            cache.begin(configText: loaded.siteConfigText, assetPaths: loaded.assetPaths)
            read = loaded.entries.parallelMap { cache.read($0, config: config, assetPaths: loaded.assetPaths, log: log) }
                .compactMap { $0 }
            cache.finish(paths: loaded.entries.map(\.contentPath))
        } else {
            let reader = EntryReader(config: config, assetPaths: loaded.assetPaths, log: log)
            read = loaded.entries.parallelMap { reader.read($0) }.compactMap { $0 }
        }
        let today = EntryDate.of(options.now, in: config.timeZone)
        var published: [Entry] = []
        var unpublished = Set<String>()
        for entry in read {
            let isFuture = entry.date.dayOnly > today.dayOnly
            if (entry.isDraft && !options.includeDrafts) || (isFuture && !options.includeFuture) {
                unpublished.insert(entry.contentPath)
            } else {
                published.append(entry)
            }
        }
        published.sort { $0.path < $1.path }
        checkSalonIssues(published, log: log)
        let addressed = PageAddresses.assign(published, log: log)
        return SiteModel(config: config, entries: addressed, unpublished: unpublished,
                         assetPaths: loaded.assetPaths, root: loaded.root, today: today.dayOnly)
    }

    private static func checkSalonIssues(_ entries: [Entry], log: DiagnosticLog) {
        var firstByIssue: [Int: Entry] = [:]
        for entry in entries {
            guard case let .salon(salon) = entry.details else { continue }
            if let first = firstByIssue[salon.issue] {
                let location = FieldLocator.location(of: "issue", in: entry)
                log.report(ModelError.duplicateIssue(location: location, issue: salon.issue, otherFile: first.path))
            } else {
                firstByIssue[salon.issue] = entry
            }
        }
    }
}

/// Finds where a field was written, for problems found after reading.
enum FieldLocator {
    static func location(of key: String, in entry: Entry) -> SourceLocation {
        entry.fieldLocations[key] ?? SourceLocation(file: entry.path, line: 1, column: 1)
    }
}
