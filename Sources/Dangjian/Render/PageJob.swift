/// One page of the generated site to render. Planning the pages is separate from rendering them,
/// so the plan can be counted, tested and rendered in parallel.
enum PageJob: Sendable {
    case home
    case entry(Int)
    case kindIndex(EntryKind, page: Int)
    case tag(Int, page: Int)
    case tagsIndex
    case branch(Int, page: Int)
    case branchesIndex
    case series(Int, page: Int)
    case seriesIndex
    case year(Int, page: Int)
    case bulletin(Int)
    case salonBulletin(Int)
    case bulletinsIndex
    case board(Int)
    case boardsIndex
    case album
    case search
    case stats
    case notFound

    /// Pages made only when the theme has their template.
    var optionalTemplate: String? {
        switch self {
        case .search: return "search"
        case .stats: return "stats"
        case .notFound: return "404"
        default: return nil
        }
    }

    /// Every page of the site, in a fixed order.
    static func plan(_ site: LinkedSite) -> [PageJob] {
        let size = site.config.pageSize
        var jobs: [PageJob] = [.home, .tagsIndex, .branchesIndex, .seriesIndex, .bulletinsIndex, .boardsIndex, .album,
                               .search, .stats, .notFound]
        jobs += site.entries.indices.map { .entry($0) }
        for (kind, members) in [(EntryKind.brand, site.brands), (.salon, site.salons), (.talk, site.talks)] {
            jobs += Pagination.pageNumbers(count: members.count, size: size).map { .kindIndex(kind, page: $0) }
        }
        for (index, tag) in site.tags.enumerated() {
            jobs += Pagination.pageNumbers(count: tag.members.count, size: size).map { .tag(index, page: $0) }
        }
        for (index, branch) in site.branches.enumerated() {
            jobs += Pagination.pageNumbers(count: branch.talks.count, size: size).map { .branch(index, page: $0) }
        }
        for (index, series) in site.series.enumerated() where !series.members.isEmpty {
            jobs += Pagination.pageNumbers(count: series.members.count, size: size).map { .series(index, page: $0) }
        }
        for (index, year) in site.years.enumerated() {
            jobs += Pagination.pageNumbers(count: year.members.count, size: size).map { .year(index, page: $0) }
        }
        jobs += site.bulletins.indices.map { .bulletin($0) }
        jobs += site.salons.map { .salonBulletin($0) }
        jobs += site.brands.map { .board($0) }
        return jobs
    }
}

extension PageJob {
    /// The page's path in the site, known without rendering it (the preview server finds the page
    /// to render from the address asked for). The renderer's pages carry the same paths (tested).
    func path(in site: LinkedSite) -> String {
        switch self {
        case .home: return "index.html"
        case let .entry(index): return site.entries[index].url
        case let .kindIndex(kind, page): return Pagination.url(base: "\(kind.rawValue)s/", page: page)
        case let .tag(index, page): return Pagination.url(base: "tags/\(site.tags[index].slug)/", page: page)
        case .tagsIndex: return "tags/index.html"
        case let .branch(index, page): return Pagination.url(base: "branches/\(site.branches[index].branch.id)/", page: page)
        case .branchesIndex: return "branches/index.html"
        case let .series(index, page): return Pagination.url(base: "series/\(site.series[index].slug)/", page: page)
        case .seriesIndex: return "series/index.html"
        case let .year(index, page): return Pagination.url(base: "\(site.years[index].slug)/", page: page)
        case let .bulletin(index): return "bulletins/\(site.bulletins[index].key)/index.html"
        case let .salonBulletin(index):
            guard case let .salon(salon) = site.entries[index].details else { return "" }
            return "bulletins/salon-\(PageAddresses.threeDigits(salon.issue))/index.html"
        case .bulletinsIndex: return "bulletins/index.html"
        case let .board(index): return "boards/\(site.entries[index].slug)/index.html"
        case .boardsIndex: return "boards/index.html"
        case .album: return "album/index.html"
        case .search: return "search/index.html"
        case .stats: return "stats/index.html"
        case .notFound: return NotFoundPage.path
        }
    }
}

/// Page numbers and addresses of a paginated list: page 1 at `<base>index.html`, then `<base>page/N/index.html`.
struct Pagination {
    let base: String
    let page: Int
    let pageCount: Int
    let size: Int

    static func pageNumbers(count: Int, size: Int) -> ClosedRange<Int> {
        1...max(1, (count + size - 1) / size)
    }

    init(base: String, page: Int, count: Int, size: Int) {
        self.base = base
        self.page = page
        self.size = size
        pageCount = Self.pageNumbers(count: count, size: size).upperBound
    }

    static func url(base: String, page: Int) -> String {
        page == 1 ? base + "index.html" : base + "page/\(page)/index.html"
    }

    var url: String { Self.url(base: base, page: page) }

    func slice<T>(_ items: [T]) -> ArraySlice<T> {
        let start = min(items.count, (page - 1) * size)
        return items[start..<min(items.count, start + size)]
    }

    /// The first, the last and three on either side of the current page; nil marks a gap (…).
    var shownNumbers: [Int?] {
        var numbers: [Int?] = []
        for number in 1...pageCount where number == 1 || number == pageCount || abs(number - page) <= 3 {
            if let last = numbers.last ?? nil, number > last + 1 { numbers.append(nil) }
            numbers.append(number)
        }
        return numbers
    }

    var context: [String: Any] {
        var value: [String: Any] = ["current": page, "total": pageCount, "isPaginated": pageCount > 1]
        if page > 1 { value["previousURL"] = Self.url(base: base, page: page - 1) }
        if page < pageCount { value["nextURL"] = Self.url(base: base, page: page + 1) }
        value["pages"] = shownNumbers.map { number -> [String: Any] in
            guard let number else { return ["isGap": true] }
            return ["number": number, "url": Self.url(base: base, page: number), "isCurrent": number == page]
        }
        return value
    }
}
