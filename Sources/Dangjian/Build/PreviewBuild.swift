import Foundation

/// What the preview server keeps from one rebuild to the next: the files it read, the entries it
/// made of them and their converted bodies, each reused while its inputs are unchanged.
public final class BuildCache: @unchecked Sendable {
    public let files = LoadCache()
    public let entries = EntryReadCache()
    public let links = LinkCache()
    /// Web versions of pictures, in memory: a rebuild makes them only for pictures that changed.
    public let pictures = PictureCache()
    public let search = SearchIndexCache()
    public let templates = TemplateParseCache()
    /// What the last rebuild made, while it succeeded: an edit of texts alone is applied to it.
    private var last: PreviewBodyEdit.Generation?
    private let lock = NSLock()
    /// True when the last rebuild only converted edited texts again (`PreviewBodyEdit`).
    public private(set) var lastEditedTextsOnly = false

    public init() {}

    /// Counts rebuilds: the search index knows which rebuild's site it was made for.
    private var rebuilds = 0

    /// Keeps what a rebuild made (nil: it failed), tells the search index what an edit of texts
    /// edited, and returns the rebuild's number.
    fileprivate func keep(_ generation: PreviewBodyEdit.Generation?) -> Int {
        let edited = generation?.editedPaths ?? []
        let number = lock.withLock {
            (last, lastEditedTextsOnly) = (generation, !edited.isEmpty)
            rebuilds += 1
            return rebuilds
        }
        if !edited.isEmpty { search.noteEdited(edited, generation: number) }
        return number
    }

    fileprivate var lastGeneration: PreviewBodyEdit.Generation? { lock.withLock { last } }
}

extension SiteBuilder {
    /// A rebuild for the preview server: the phases every build shares, reusing `cache`, with pages
    /// rendered only when asked for. The site is nil when the build has errors. `changed`: the files
    /// (relative to the site root) the kernel said were written since the last rebuild, when it
    /// could tell; when they are entry files whose texts alone changed, only those are converted
    /// again (`PreviewBodyEdit`).
    public static func buildOnDemand(root: URL, options: BuildOptions = BuildOptions(), cache: BuildCache,
                                     changed: Set<String>? = nil) -> (BuildReport, OnDemandSite?) {
        var clock = PhaseClock()
        if let changed, let last = cache.lastGeneration,
           let edited = PreviewBodyEdit.apply(changed, to: last, root: root, options: options, cache: cache, clock: &clock) {
            let number = cache.keep(edited)
            let report = BuildReport(diagnostics: edited.diagnostics, succeeded: true, summary: edited.summary,
                                     pageCount: edited.pageCount, fileCount: edited.pageCount, phases: clock.phases)
            return (report, OnDemandSite(edited.renderer, searchCache: cache.search, generation: number, jobs: edited.jobs))
        }
        clock = PhaseClock()
        let log = DiagnosticLog()
        let prepared = SitePreparation.prepare(root: root, options: options, log: log, clock: &clock, caches: cache,
                                               pictures: .cached(cache.pictures))
        cache.pictures.carryOver()
        guard let prepared, !log.hasErrors else {
            _ = cache.keep(nil)
            return (BuildReport(diagnostics: log.diagnostics, succeeded: false, summary: [], pageCount: 0, fileCount: 0,
                                phases: clock.phases), nil)
        }
        let report = BuildReport(diagnostics: log.diagnostics, succeeded: true, summary: prepared.summary,
                                 pageCount: prepared.pageCount, fileCount: prepared.pageCount, phases: clock.phases)
        let jobs = OnDemandSite.jobsByPath(prepared)
        let number = cache.keep(PreviewBodyEdit.Generation(renderer: prepared, diagnostics: report.diagnostics,
                                                           summary: report.summary, pageCount: report.pageCount, jobs: jobs))
        return (report, OnDemandSite(prepared, searchCache: cache.search, generation: number, jobs: jobs))
    }
}
