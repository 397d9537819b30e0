import Foundation

/// A site whose pages are rendered when they are asked for, for the preview server: after a change
/// only the pages someone looks at are rendered (as Hugo's fast render mode does), so a rebuild
/// costs the load, model and link stages, which reuse the previous rebuild's work for unchanged
/// files. Pages are the same bytes a full build writes (tested). The search index is built when a
/// browser first asks for a part of it.
public final class OnDemandSite: @unchecked Sendable {
    private let renderer: SiteRenderer
    /// Each page's job by its path; a rebuild that kept the plan (an edit of texts) reuses it.
    let jobs: [String: PageJob]
    private let lock = NSLock()
    /// Held while the search index is built (a second or two on a large site), so pages are not kept waiting.
    private let searchLock = NSLock()
    private var pages: [String: OutputFile.Content] = [:]
    /// Pictures, attachments and theme files, listed when first asked for.
    private var otherFiles: [String: OutputFile.Content]?
    private var searchFiles: [String: OutputFile.Content]?
    /// Every page's path, in the order of a full build.
    public let pagePaths: [String]

    /// The search index kept between rebuilds (the preview's), updated for what changed; nil: built anew.
    private let searchCache: SearchIndexCache?

    /// The preview's rebuild that made this site (`BuildCache`), which the search cache goes by.
    private let generation: Int?

    public convenience init(_ renderer: SiteRenderer, searchCache: SearchIndexCache? = nil, generation: Int? = nil) {
        self.init(renderer, searchCache: searchCache, generation: generation, jobs: Self.jobsByPath(renderer))
    }

    /// The pages of `renderer`'s plan by path.
    static func jobsByPath(_ renderer: SiteRenderer) -> [String: PageJob] {
        Dictionary(zip(renderer.pagePaths, renderer.jobs), uniquingKeysWith: { first, _ in first })
    }

    /// `jobs`: the pages of `renderer`'s plan by path, as made for an earlier site with the same plan.
    init(_ renderer: SiteRenderer, searchCache: SearchIndexCache?, generation: Int?, jobs: [String: PageJob]) {
        self.renderer = renderer
        self.searchCache = searchCache
        self.generation = generation
        pagePaths = renderer.pagePaths
        self.jobs = jobs
    }

    /// The file at `path` (relative to the site root), rendered now if it is a page not shown yet.
    public func file(_ path: String) -> OutputFile.Content? {
        if let job = jobs[path] { return page(path, job) }
        if let file = others()[path] { return file }
        if path.hasPrefix(SearchIndex.folder), renderer.hasSearch { return search()[path] }
        return nil
    }

    /// Every file of the site, as a full build writes it (for tests).
    public func allFiles() -> [OutputFile] {
        let shown = pagePaths.map { OutputFile(path: $0, content: page($0, jobs[$0]!)) }
        let searchParts = renderer.hasSearch ? search().map { OutputFile(path: $0.key, content: $0.value) } : []
        return shown + searchParts + others().map { OutputFile(path: $0.key, content: $0.value) }
    }

    /// Makes the search index now, if the theme has a search page: the preview server does it in
    /// the background after its first build, so the first search (and the first after an edit,
    /// which updates this index) does not wait for the whole index to be made.
    public func prepareSearch() {
        if renderer.hasSearch { _ = search() }
    }

    /// How many pages have been rendered so far.
    public var renderedCount: Int { lock.withLock { pages.count } }

    private func page(_ path: String, _ job: PageJob) -> OutputFile.Content {
        if let shown = lock.withLock({ pages[path] }) { return shown }
        let made = renderer.render(job).content
        lock.withLock { pages[path] = made }
        return made
    }

    private func others() -> [String: OutputFile.Content] {
        lock.lock()
        defer { lock.unlock() }
        if let otherFiles { return otherFiles }
        let made = renderer.copiedFiles()
        let files = Dictionary(made.map { ($0.path, $0.content) }, uniquingKeysWith: { first, _ in first })
        otherFiles = files
        return files
    }

    private func search() -> [String: OutputFile.Content] {
        searchLock.lock()
        defer { searchLock.unlock() }
        if let searchFiles { return searchFiles }
        let built = searchCache?.files(for: renderer.site, generation: generation) ?? SearchIndex.build(renderer.site).files
        let made = Dictionary(built.map { ($0.path, $0.content) }, uniquingKeysWith: { first, _ in first })
        searchFiles = made
        return made
    }
}
