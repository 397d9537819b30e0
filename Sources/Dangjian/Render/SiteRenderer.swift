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
}

/// The render stage: every page of the plan, rendered in parallel, handed on in batches so the
/// whole site never has to be held in memory, plus the files copied beside the pages.
public struct SiteRenderer: @unchecked Sendable {
    let site: LinkedSite
    let renderer: PageRenderer
    let jobs: [PageJob]
    /// Whether the theme has a search page, and so the site a search index.
    let hasSearch: Bool
    private let templatesFolder: URL
    private let search: SearchIndex?

    /// Nil when the theme cannot be loaded (the problems are in `log`). `cardsOnDemand`: entries'
    /// list values are made when first needed, for sites rendered page by page (`OnDemandSite`).
    public init?(_ site: LinkedSite, search: SearchIndex? = nil, templatesFolder: URL, log: DiagnosticLog,
                 cardsOnDemand: Bool = false) {
        guard let templates = TemplateSet.load(from: templatesFolder, log: log) else { return nil }
        self.site = site
        self.templatesFolder = templatesFolder
        self.search = search
        renderer = PageRenderer(site: site, templates: templates, cardsOnDemand: cardsOnDemand)
        jobs = PageJob.plan(site).filter { $0.optionalTemplate.map(templates.has) ?? true }
        hasSearch = templates.has("search")
    }

    /// Files made from the whole site rather than from one page: the search index (when the theme
    /// has a search page), the Atom feed and the sitemap of `pages`.
    public func siteFiles(pages: [String]) -> [OutputFile] {
        let searchFiles = hasSearch ? search?.files ?? [] : []
        return searchFiles + [AtomFeed.file(site), Sitemap.file(pages: pages, site: site)]
    }

    public var pageCount: Int { jobs.count }

    /// Renders the pages `batchSize` at a time and hands each batch to `consume`; stops early when it returns false.
    public func renderPages(batchSize: Int = 1024, _ consume: ([OutputFile]) -> Bool) {
        var start = 0
        while start < jobs.count {
            let batch = Array(jobs[start..<min(jobs.count, start + batchSize)])
            let pages = batch.parallelMap { renderer.render($0) }
            guard consume(pages.map { OutputFile(path: $0.path, content: .text($0.html)) }) else { return }
            start += batchSize
        }
    }

    /// The printable pages and the PDFs `dangjian print` makes of them (the contract's `print/` layout).
    public func printTargets() -> [PrintTarget] {
        var targets = site.bulletins.map {
            PrintTarget(page: "bulletins/\($0.key)/index.html", pdf: "print/bulletins/\($0.key).pdf", kind: .bulletin, source: nil)
        }
        for index in site.salons {
            guard case let .salon(salon) = site.entries[index].details else { continue }
            let key = "salon-\(PageAddresses.threeDigits(salon.issue))"
            targets.append(PrintTarget(page: "bulletins/\(key)/index.html", pdf: "print/bulletins/\(key).pdf", kind: .bulletin,
                                       source: site.entries[index].path))
        }
        for index in site.brands {
            let slug = site.entries[index].slug
            targets.append(PrintTarget(page: "boards/\(slug)/index.html", pdf: "print/boards/\(slug).pdf", kind: .board,
                                       source: site.entries[index].path))
        }
        targets.append(PrintTarget(page: "album/index.html", pdf: "print/album.pdf", kind: .album, source: nil))
        return targets
    }

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
        }
        let assets = templatesFolder.appendingPathComponent("assets")
        files += ContentWalker.files(in: assets, root: templatesFolder).map {
            OutputFile(path: "assets/" + $0, content: .copy(assets.appendingPathComponent($0)))
        }
        return files
    }
}

/// A page of the site to print, and where its PDF goes.
public struct PrintTarget: Sendable, Hashable {
    public enum Kind: String, Sendable { case bulletin, board, album }
    public let page: String
    public let pdf: String
    public let kind: Kind
    /// The entry file the page shows, for messages.
    public let source: String?
}
