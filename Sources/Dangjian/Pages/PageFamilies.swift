/// Every page family of the site, and what is derived from them: the plan of pages, navigation,
/// print targets and the build summary's counts.
enum PageFamilies {
    static let all: [any PageFamily] = [
        HomeFamily(), EntryFamily(), GalleryFamily(), KindIndexFamily(),
        TagsIndexFamily(), TagFamily(), BranchesIndexFamily(), BranchFamily(),
        SeriesIndexFamily(), SeriesFamily(), YearFamily(), SpeakersIndexFamily(), SpeakerFamily(),
        PeriodBulletinFamily(), EntryBulletinFamily(), BulletinsIndexFamily(), BoardFamily(), BoardsIndexFamily(), AlbumFamily(),
        YearReportFamily(),
        SearchFamily(), StatsFamily(), NotFoundFamily(), FeedFamily(), SitemapFamily(), LedgerFamily(),
    ]

    /// Every page of `site`, in a fixed order; optional families only when `hasTemplate` says the theme has theirs.
    static func plan(_ site: LinkedSite, hasTemplate: (String) -> Bool) -> [PageJob] {
        var jobs: [PageJob] = []
        for (position, family) in all.enumerated() {
            let keys = family.plan(site)
            if family.isOptional, let first = keys.first, let template = family.template(first, in: site), !hasTemplate(template) {
                continue
            }
            jobs += keys.map { PageJob(family: position, key: $0) }
        }
        return jobs
    }

    static func family(of job: PageJob) -> any PageFamily { all[job.family] }

    static func address(of job: PageJob, in site: LinkedSite) -> String { all[job.family].address(job.key, in: site) }

    /// The templates the pages of `jobs` are rendered with.
    static func templates(of jobs: [PageJob], in site: LinkedSite) -> Set<String> {
        Set(jobs.compactMap { all[$0.family].template($0.key, in: site) })
    }

    /// `site.urls`: the address of each family's landing page, under its folder's name (`talks`,
    /// `tags`, `album`, `home`, `feed` …), so templates link to them without spelling an address.
    static func landingAddresses(_ site: LinkedSite) -> TemplateMap {
        var urls: [String: TemplateValue] = ["home": .text(Addresses.home), "feed": .text(Addresses.feed),
                                             "searchData": .text(Addresses.searchData)]
        for case let family as any SinglePageFamily in all where family.topFolder != nil {
            urls[family.topFolder!] = .text(family.fixedAddress)
        }
        for kind in site.catalog.kinds where kind.index != nil { urls[kind.folder] = .text(Addresses.index(kind)) }
        return TemplateMap(urls)
    }

    /// The main navigation, by weight.
    static func navigation(_ site: LinkedSite) -> [NavigationEntry] {
        all.flatMap { $0.navigation(site) }.sorted { $0.weight < $1.weight }
    }

    /// Every `page.section` a page of `site` can have, so each one's header and footer is rendered once.
    static func sections(_ site: LinkedSite) -> [String] {
        var keys = navigation(site).map(\.key) + site.catalog.kinds.map(\.folder) + ["years", "search", "notFound"]
        var seen = Set<String>()
        keys = keys.filter { seen.insert($0).inserted }
        return keys
    }

    /// The printable pages of `jobs` and the PDFs `dangjian print` makes of them (the contract's `print/` layout).
    static func printTargets(_ jobs: [PageJob], in site: LinkedSite) -> [PrintTarget] {
        jobs.compactMap { job in
            let family = all[job.family]
            guard let kind = family.printing else { return nil }
            let page = family.address(job.key, in: site)
            return PrintTarget(page: page, pdf: Addresses.pdf(of: page), kind: kind, source: family.sourceFile(job.key, in: site),
                               sections: family.printSections(job.key, in: site), pictures: family.printedPictures(job.key, in: site),
                               shortenable: family.shortenableParts(job.key, in: site))
        }.sorted { $0.pdf < $1.pdf }
    }

    /// What the build made, for its summary: entries per kind, then items per family that counts them.
    static func summary(_ jobs: [PageJob], in site: LinkedSite) -> [SummaryCount] {
        var counts = site.usedKinds.map {
            SummaryCount(label: $0.shortName, count: site.members(of: $0).count, unit: $0.unit, countsEntries: true)
        }
        var items: [SummaryLabel: Set<Int>] = [:]
        var order: [SummaryLabel] = []
        for job in jobs {
            guard let label = all[job.family].summary else { continue }
            if items[label] == nil { order.append(label) }
            items[label, default: []].insert(job.family * 1_000_000_000 + job.key.item)
        }
        counts += order.map { SummaryCount(label: $0.label, count: items[$0]!.count, unit: $0.unit, countsEntries: false) }
        return counts
    }
}

/// A line of the build summary: 晨学 30 讲, 标签 12 个.
public struct SummaryCount: Sendable, Equatable {
    public let label: String
    public let count: Int
    public let unit: String
    /// Entries of a kind (晨学 30 讲), rather than items of a kind of page (标签 12 个).
    public let countsEntries: Bool
}

/// A page of the site to print, and where its PDF goes.
public struct PrintTarget: Sendable, Hashable {
    public let page: String
    public let pdf: String
    public let kind: PrintKind
    /// The entry file the page shows, for messages.
    public let source: String?
    /// The entry files shown under element ids of the page (a bulletin's sections), for messages about one of them.
    public let sections: [String: String]
    /// Pictures whose resolution matters where the page prints them (a board's cover).
    public let pictures: [PrintedPicture]
    /// What a writer can shorten when the page does not fit (a brand's 品牌口号, 亮点, 典型案例), for messages.
    public let shortenable: [String]
}

/// A picture a printed page shows: its address in the site and where its entry names it.
public struct PrintedPicture: Sendable, Hashable {
    public let sitePath: String
    public let namedAt: SourceLocation
}
