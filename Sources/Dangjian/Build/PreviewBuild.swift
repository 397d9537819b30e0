import Foundation

/// What the preview server keeps from one rebuild to the next: the files it read, the entries it
/// made of them and their converted bodies, each reused while its inputs are unchanged.
public final class BuildCache: Sendable {
    public let files = LoadCache()
    public let entries = EntryReadCache()
    public let links = LinkCache()
    /// Web versions of pictures, in memory: a rebuild makes them only for pictures that changed.
    public let pictures = PictureCache()
    public let search = SearchIndexCache()
    public let templates = TemplateParseCache()

    public init() {}
}

extension SiteBuilder {
    /// A rebuild for the preview server: the phases every build shares, reusing `cache`, with pages
    /// rendered only when asked for. The site is nil when the build has errors.
    public static func buildOnDemand(root: URL, options: BuildOptions = BuildOptions(),
                                     cache: BuildCache) -> (BuildReport, OnDemandSite?) {
        let log = DiagnosticLog()
        var clock = PhaseClock()
        let prepared = SitePreparation.prepare(root: root, options: options, log: log, clock: &clock, caches: cache,
                                               pictures: .cached(cache.pictures))
        cache.pictures.carryOver()
        guard let prepared, !log.hasErrors else {
            return (BuildReport(diagnostics: log.diagnostics, succeeded: false, summary: [], pageCount: 0, fileCount: 0,
                                phases: clock.phases), nil)
        }
        let report = BuildReport(diagnostics: log.diagnostics, succeeded: true, summary: prepared.summary,
                                 pageCount: prepared.pageCount, fileCount: prepared.pageCount, phases: clock.phases)
        return (report, OnDemandSite(prepared, searchCache: cache.search))
    }
}
