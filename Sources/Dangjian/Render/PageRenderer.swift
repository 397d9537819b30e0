/// Renders page jobs: asks each page's family for its address and values and fills its template,
/// inside the theme's header and footer for the page's section.
struct PageRenderer: @unchecked Sendable {
    let site: LinkedSite
    let templates: TemplateSet
    let context: PageContext
    let siteValues: TemplateMap
    let navigation: [NavigationEntry]
    /// The header and footer of each section, rendered once (they differ only by the current section).
    let chrome: [String: TemplateMap]

    init(site: LinkedSite, templates: TemplateSet, pagePaths: [String]) {
        self.site = site
        self.templates = templates
        siteValues = SiteValues.make(site)
        navigation = PageFamilies.navigation(site)
        let cards = EntryCards(site, templates: templates, siteValues: siteValues)
        context = PageContext(site: site, cards: cards, searchShards: SearchIndex.shardCount(for: site), pagePaths: pagePaths,
                              reportYears: YearReportFamily.branchYears(in: site), yearMembers: YearMembers(site))
        var chrome: [String: TemplateMap] = [:]
        for section in PageFamilies.sections(site) {
            chrome[section] = Self.chrome(section: section, templates: templates, siteValues: siteValues, navigation: navigation)
        }
        self.chrome = chrome
    }

    /// `partials/header` and `partials/footer` for pages of `section`, links written through the root marker.
    static func chrome(section: String, templates: TemplateSet, siteValues: TemplateMap, navigation: [NavigationEntry]) -> TemplateMap {
        let values = TemplateMap([PageLayout.root: .text(SitePath.rootMarker), PageLayout.site: .map(siteValues),
                                  PageLayout.page: .map(TemplateMap(["section": .text(section)])),
                                  PageLayout.nav: SiteValues.navigation(navigation, current: section)])
        var parts = TemplateMap()
        for part in ["header", "footer"] {
            parts[part] = .text(templates.has("partials/" + part) ? templates.render("partials/" + part, values) : "")
        }
        return parts
    }

    func render(_ job: PageJob) -> OutputFile {
        let family = PageFamilies.family(of: job)
        let path = family.address(job.key, in: site)
        switch family.content(job.key, context) {
        case let .text(text):
            return OutputFile(path: path, content: .text(text))
        case let .data(data):
            return OutputFile(path: path, content: .data(data))
        case let .template(template, page):
            var section = ""
            if case let .text(text)? = page["section"] { section = text }
            let values = TemplateMap([
                PageLayout.root: .text(SitePath.rootPrefix(of: path)),
                PageLayout.site: .map(siteValues),
                PageLayout.page: .map(page),
                PageLayout.nav: SiteValues.navigation(navigation, current: section),
                PageLayout.chrome: .map(chrome[section]
                    ?? Self.chrome(section: section, templates: templates, siteValues: siteValues, navigation: navigation)),
            ])
            let html = templates.render(template, values)
            return OutputFile(path: path, content: .text(SitePath.resolvingRootMarkers(in: html, forPage: path)))
        }
    }
}
