/// A page rendered to text, with its path in the site.
public struct RenderedPage: Sendable {
    public let path: String
    public let html: String
}

/// Renders page jobs with the theme: builds each page's template values and fills its template.
struct PageRenderer: @unchecked Sendable {
    let site: LinkedSite
    let cards: EntryCards
    let templates: TemplateSet
    let siteValues: [String: Any]
    /// The search index's shard count, which the search page needs.
    let searchShards: Int
    /// The header and footer of each section, rendered once (they differ only by the current section).
    let chrome: [String: [String: Any]]

    init(site: LinkedSite, templates: TemplateSet, cardsOnDemand: Bool = false) {
        self.site = site
        searchShards = SearchIndex.shardCount(for: site)
        self.templates = templates
        siteValues = SiteValues.make(site)
        cards = EntryCards(site, templates: templates, siteValues: siteValues, onDemand: cardsOnDemand)
        var chrome: [String: [String: Any]] = [:]
        for section in SiteValues.sectionKeys {
            chrome[section] = Self.chrome(section: section, templates: templates, siteValues: siteValues)
        }
        self.chrome = chrome
    }

    /// `partials/header` and `partials/footer` for pages of `section`, links written through the root marker.
    static func chrome(section: String, templates: TemplateSet, siteValues: [String: Any]) -> [String: Any] {
        let context: [String: Any] = ["root": SitePath.rootMarker, "site": siteValues, "page": ["section": section],
                                      "nav": SiteValues.navigation(current: section)]
        var parts: [String: Any] = [:]
        for part in ["header", "footer"] {
            parts[part] = templates.has("partials/" + part) ? templates.render("partials/" + part, context) : ""
        }
        return parts
    }

    func render(_ job: PageJob) -> RenderedPage {
        let (path, template, page) = describe(job)
        let section = page["section"] as? String ?? ""
        let context: [String: Any] = [
            "root": SitePath.rootPrefix(of: path),
            "site": siteValues,
            "page": page,
            "nav": SiteValues.navigation(current: section),
            "chrome": chrome[section] ?? Self.chrome(section: section, templates: templates, siteValues: siteValues),
        ]
        let html = templates.render(template, context)
        return RenderedPage(path: path, html: SitePath.resolvingRootMarkers(in: html, forPage: path))
    }

    private func describe(_ job: PageJob) -> (path: String, template: String, page: [String: Any]) {
        switch job {
        case .home: return ("index.html", "home", homeValues())
        case let .entry(index): return entryPage(index)
        case let .kindIndex(kind, page): return kindIndex(kind, page: page)
        case let .tag(index, page): return groupPage(site.tags[index], base: "tags/\(site.tags[index].slug)/",
                                                    heading: "标签：\(site.tags[index].name)", section: "tags", page: page)
        case .tagsIndex: return termsPage(tagsIndex: true)
        case let .branch(index, page): return branchPage(index, page: page)
        case .branchesIndex: return branchesIndex()
        case let .series(index, page): return groupPage(site.series[index], base: "series/\(site.series[index].slug)/",
                                                       heading: "系列：\(site.series[index].name)", section: "talks", page: page)
        case .seriesIndex: return termsPage(tagsIndex: false)
        case let .year(index, page): return groupPage(site.years[index], base: "\(site.years[index].slug)/",
                                                     heading: site.years[index].name, section: "years", page: page)
        case let .bulletin(index): return bulletinPage(index)
        case let .salonBulletin(index): return salonBulletinPage(index)
        case .bulletinsIndex: return bulletinsIndex()
        case let .board(index): return boardPage(index)
        case .boardsIndex: return boardsIndex()
        case .album: return albumPage()
        case .search: return searchPage()
        case .stats: return statsPage()
        case .notFound: return notFoundPage()
        }
    }
}
