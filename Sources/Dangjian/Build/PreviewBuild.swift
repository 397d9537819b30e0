import Foundation

/// What the preview server keeps from one rebuild to the next: the files it read, the entries it
/// made of them and their converted bodies, each reused while its inputs are unchanged.
public final class BuildCache: Sendable {
    public let files = LoadCache()
    public let entries = EntryReadCache()
    public let links = LinkCache()

    public init() {}
}

extension SiteBuilder {
    /// A rebuild for the preview server: every check of a build, reusing `cache`, with pages rendered
    /// only when asked for. The site is nil when the build has errors.
    public static func buildOnDemand(root: URL, options: BuildOptions = BuildOptions(),
                                     cache: BuildCache) -> (BuildReport, OnDemandSite?) {
        let log = DiagnosticLog()
        var clock = PhaseClock()
        let loaded = clock.time("load") { ContentLoader.load(root: root, log: log, cache: cache.files) }
        let model = clock.time("model") { ContentModel.build(loaded, options: options, log: log, cache: cache.entries) }
        let linked = clock.time("link") { SiteLinker.link(model, log: log, cache: cache.links) }
        let site = clock.time("prepare") { () -> OnDemandSite? in
            let renderer = SiteRenderer(linked, templatesFolder: root.appendingPathComponent("templates"), log: log,
                                        cardsOnDemand: true)
            return renderer.map(OnDemandSite.init)
        }
        guard let site, !log.hasErrors else {
            return (BuildReport(diagnostics: log.diagnostics, succeeded: false, pageCounts: [:], fileCount: 0,
                                phases: clock.phases), nil)
        }
        let report = BuildReport(diagnostics: log.diagnostics, succeeded: true, pageCounts: countBySection(site.pagePaths),
                                 fileCount: site.pagePaths.count, phases: clock.phases)
        return (report, site)
    }
}
