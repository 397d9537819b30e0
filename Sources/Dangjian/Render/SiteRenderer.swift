import Foundation

/// A file of the generated site: rendered text, or a copy of a picture, attachment or theme asset.
public struct OutputFile: Sendable {
    public enum Content: Sendable {
        case text(String)
        case data(Data)
        case copy(URL)
    }

    /// Relative to the output folder, `/`-separated.
    public let path: String
    public let content: Content
    /// For a page rendered from template values in a build that keeps a record: their fingerprint.
    var values: String? = nil

    /// Bytes held in memory (a copied file's are not).
    var byteCount: Int {
        switch content {
        case let .text(text): text.utf8.count
        case let .data(data): data.count
        case .copy: 0
        }
    }
}

/// How many pages to render at once: about `budget` bytes of pages, judged by the family's last
/// batch. Each family starts with a few pages and at most doubles from batch to batch, so bulletins
/// (0.5 MB each) come a dozen at a time and talks (15 KB) hundreds: the pages rendered and waiting
/// to be written hold about the same memory whatever the site's size and its families.
struct BatchSizer {
    static let budget = 8 << 20
    static let smallest = 8
    private(set) var size = smallest
    private let largest: Int

    init(largest: Int) { self.largest = max(Self.smallest, largest) }

    mutating func startFamily() { size = Self.smallest }

    mutating func learn(pages: Int, bytes: Int) {
        guard pages > 0 else { return }
        let fitting = Self.budget / max(1, bytes / pages)
        size = max(Self.smallest, min(largest, 2 * size, fitting))
    }
}

/// A linked site ready to render: the theme loaded and checked, every page planned. The render
/// stage's entry point for every use of a site — a build writes its pages, `print` also prints the
/// printable ones, the preview server renders each when asked for.
public struct SiteRenderer: @unchecked Sendable {
    public private(set) var site: LinkedSite
    private(set) var renderer: PageRenderer
    let jobs: [PageJob]
    /// Every page's path, in the order of `jobs`.
    public let pagePaths: [String]
    /// Whether the theme has a search page, and so the site a search index.
    public let hasSearch: Bool
    private let templatesFolder: URL
    /// The files below `templates/assets/`, relative to it.
    private let themeAssets: [String]

    /// Nil when the theme cannot be loaded or lacks a template a planned page needs (the problems
    /// are in `log`).
    public init?(_ site: LinkedSite, templatesFolder: URL, log: DiagnosticLog, parsed: TemplateParseCache? = nil) {
        guard let templates = TemplateSet.load(from: templatesFolder, root: site.model.root, log: log, cache: parsed) else { return nil }
        let jobs = PageFamilies.plan(site, hasTemplate: templates.has)
        guard templates.require(PageFamilies.templates(of: jobs, in: site), log: log) else { return nil }
        self.site = site
        self.templatesFolder = templatesFolder
        themeAssets = templates.assets
        self.jobs = jobs
        pagePaths = jobs.map { PageFamilies.address(of: $0, in: site) }
        renderer = PageRenderer(site: site, templates: templates, pagePaths: pagePaths)
        hasSearch = templates.has("search")
    }

    /// The same theme and plan over `site`, which differs from this one's only in the bodies of
    /// entries (their texts edited, their links and pictures the same: `PreviewBodyEdit`).
    func replacingBodies(_ site: LinkedSite) -> SiteRenderer {
        var edited = self
        edited.site = site
        edited.renderer = renderer.replacingBodies(site)
        return edited
    }

    /// Files rendered from the plan: pages, the feed, the sitemap, ledgers.
    public var jobCount: Int { jobs.count }

    /// Pages of the site (the feed and the sitemap are files, not pages).
    public var pageCount: Int { pagePaths.filter { $0.hasSuffix(".html") }.count }

    /// What the pages are: entries per kind, then tags, bulletins, boards … (for the build summary).
    public var summary: [SummaryCount] { PageFamilies.summary(jobs, in: site) }

    /// The printable pages and the PDFs `dangjian print` makes of them.
    public var printTargets: [PrintTarget] { PageFamilies.printTargets(jobs, in: site) }

    /// Renders the pages in batches of at most `batchSize` (fewer for large pages, `BatchSizer`) and hands each
    /// batch to `consume`; stops early when it returns false.
    public func renderPages(batchSize: Int = 256, _ consume: ([OutputFile]) -> Bool) {
        renderPages(batchSize: batchSize, keeping: nil) { files, _ in consume(files) }
    }

    /// Like `renderPages`, but with `keeping` each page's values are fingerprinted and a page
    /// `keeping` says is unchanged is handed on as kept, not rendered.
    func renderPages(batchSize: Int = 256, keeping: (any PageKeeping)?, _ consume: ([OutputFile], [KeptPage]) -> Bool) {
        // When every page will be rendered, the cards' fragments are rendered all at once up front.
        renderer.context.cards.makeAll(fragments: !(keeping?.keepsAny ?? false))
        let fingerprints = keeping.map { _ in
            PageFingerprints(templates: renderer.templates, siteValues: renderer.siteValues, navigation: renderer.navigation)
        }
        var start = 0
        var sizer = BatchSizer(largest: batchSize)
        while start < jobs.count {
            // A batch holds pages of one family: their sizes are alike.
            let family = jobs[start].family
            if start > 0, jobs[start - 1].family != family { sizer.startFamily() }
            var end = start + 1
            while end < min(jobs.count, start + sizer.size), jobs[end].family == family { end += 1 }
            let batch = Array(jobs[start..<end])
            var files: [OutputFile] = []
            var kept: [KeptPage] = []
            let pages = batch.parallelMap { job -> RenderedPage in
                guard let keeping, let fingerprints else { return .file(renderer.render(job)) }
                return renderer.render(job, keeping: keeping, fingerprints: fingerprints)
            }
            for page in pages {
                switch page {
                case let .file(file): files.append(file)
                case let .kept(page): kept.append(page)
                }
            }
            guard consume(files, kept) else { return }
            start += batch.count
            sizer.learn(pages: batch.count, bytes: files.reduce(0) { $0 + $1.byteCount })
        }
    }

    /// One page, rendered now.
    func render(_ job: PageJob) -> OutputFile { renderer.render(job) }

    /// Pictures and attachments, each copied next to every page that uses it, and the theme's own
    /// files (`templates/assets/…`: CSS, scripts, icons) as `assets/…`.
    public func copiedFiles() -> [OutputFile] {
        let content = site.model.root.appendingPathComponent("content")
        var seen = Set<String>()
        var files: [OutputFile] = []
        for body in site.bodies {
            for asset in body.assets where seen.insert(asset.destination).inserted {
                files.append(OutputFile(path: asset.destination, content: .copy(content.appendingPathComponent(asset.source))))
            }
            for poster in body.posters where seen.insert(poster.destination).inserted {
                // Asked of the shelf (once per file, from its cache): a body reused by the preview was not checked this time.
                if case let .success(video)? = site.videos?.check(poster.source), let data = video.poster {
                    files.append(OutputFile(path: poster.destination, content: .data(data)))
                }
            }
        }
        files += site.pictures.files.map { OutputFile(path: $0.path, content: $0.version.content) }
        let assets = templatesFolder.appendingPathComponent("assets")
        files += themeAssets.map {
            OutputFile(path: Addresses.themeAssets + $0, content: .copy(assets.appendingPathComponent($0)))
        }
        return files
    }
}
