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

    init(site: LinkedSite, templates: TemplateSet) {
        self.site = site
        self.templates = templates
        cards = EntryCards(site)
        siteValues = SiteValues.make(site)
    }

    func render(_ job: PageJob) -> RenderedPage {
        let (path, template, page) = describe(job)
        let section = page["section"] as? String ?? ""
        let context: [String: Any] = [
            "root": SitePath.rootPrefix(of: path),
            "site": siteValues,
            "page": page,
            "nav": SiteValues.navigation(current: section),
        ]
        return RenderedPage(path: path, html: templates.render(template, context))
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
        }
    }
}
