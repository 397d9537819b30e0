/// Renders page jobs: asks each page's family for its address and values and fills its template,
/// inside the theme's header and footer for the page's section.
struct PageRenderer: @unchecked Sendable {
    private(set) var site: LinkedSite
    let templates: TemplateSet
    private(set) var context: PageContext
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

    /// The renderer of `site`, which differs from this one's only in entries' bodies: what the site's
    /// values, navigation, chrome and year lists are made of is the same; cards and the search shard
    /// count (which goes by the texts' length) are made again.
    func replacingBodies(_ site: LinkedSite) -> PageRenderer {
        var edited = self
        edited.site = site
        edited.context = PageContext(site: site, cards: EntryCards(site, templates: templates, siteValues: siteValues),
                                     searchShards: SearchIndex.shardCount(for: site), pagePaths: context.pagePaths,
                                     reportYears: context.reportYears, yearMembers: context.yearMembers)
        return edited
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
        return file(family.address(job.key, in: site), family.content(job.key, context), values: nil)
    }

    /// The page of `job`, its values fingerprinted; a page whose fingerprint `keeping` knows is kept, not rendered.
    func render(_ job: PageJob, keeping: any PageKeeping, fingerprints: PageFingerprints) -> RenderedPage {
        let family = PageFamilies.family(of: job)
        let path = family.address(job.key, in: site)
        let content = family.content(job.key, context)
        guard case let .template(template, page) = content else { return .file(file(path, content, values: nil)) }
        let fingerprint = fingerprints.of(template: template, path: path, section: Self.section(of: page), page: page)
        if keeping.mayKeep(path, values: fingerprint) { return .kept(KeptPage(path: path, values: fingerprint)) }
        return .file(file(path, content, values: fingerprint))
    }

    private static func section(of page: TemplateMap) -> String {
        if case let .text(text)? = page["section"] { return text }
        return ""
    }

    private func file(_ path: String, _ content: PageContent, values fingerprint: String?) -> OutputFile {
        switch content {
        case let .text(text):
            return OutputFile(path: path, content: .text(text))
        case let .data(data):
            return OutputFile(path: path, content: .data(data))
        case let .template(template, page):
            let section = Self.section(of: page)
            let values = TemplateMap([
                PageLayout.root: .text(SitePath.rootPrefix(of: path)),
                PageLayout.site: .map(siteValues),
                PageLayout.page: .map(page),
                PageLayout.nav: SiteValues.navigation(navigation, current: section),
                PageLayout.chrome: .map(chrome[section]
                    ?? Self.chrome(section: section, templates: templates, siteValues: siteValues, navigation: navigation)),
            ])
            let html = templates.render(template, values)
            return OutputFile(path: path, content: .text(SitePath.resolvingRootMarkers(in: html, forPage: path)), values: fingerprint)
        }
    }
}

/// A page rendered now, or the previous build's file of it kept.
enum RenderedPage: Sendable {
    case file(OutputFile)
    case kept(KeptPage)
}

/// A page the previous build wrote from values with the same fingerprint (`values`): its file is linked, not rendered again.
struct KeptPage: Sendable {
    let path: String
    let values: String
}

/// Tells which pages need not be rendered again: those whose previous file is still in place and
/// was rendered from values with the same fingerprint.
protocol PageKeeping: Sendable {
    func mayKeep(_ path: String, values: String) -> Bool
    /// False when no page can be kept (no previous record): every page will be rendered.
    var keepsAny: Bool { get }
}
