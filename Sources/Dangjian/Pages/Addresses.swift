/// Every address of the generated site, as the contract states it (`../shared/spec/content-format.md`,
/// "The layout of site/"): the one place they are made. All are relative to the site root and name
/// their `index.html`, so the site works opened as files and under any sub-path.
public enum Addresses {
    public static let home = "index.html"
    public static let tagsIndex = "tags/index.html"
    public static let branchesIndex = "branches/index.html"
    public static let seriesIndex = "series/index.html"
    public static let bulletinsIndex = "bulletins/index.html"
    public static let boardsIndex = "boards/index.html"
    public static let album = "album/index.html"
    public static let search = "search/index.html"
    public static let stats = "stats/index.html"
    public static let notFound = "404.html"
    public static let feed = "feed.xml"
    public static let sitemap = "sitemap.xml"
    /// The search index's parts (`search/index/<n>.js`, `search/doc/<n>.js`).
    public static let searchData = "search/"
    /// The theme's own files (`templates/assets/…`).
    public static let themeAssets = "assets/"
    /// PDFs made by `dangjian print`.
    public static let print = "print/"

    /// Web versions of pictures (thumbnails, page widths), named by the original's hash: `pictures/<hash>-800.jpg`.
    public static let pictures = "pictures/"

    /// A picture's web version at `width` pixels.
    public static func pictureVersion(hash: String, width: Int) -> String { pictures + String(hash.prefix(32)) + "-\(width).jpg" }

    /// The page of an entry's photos when they are too many for its page (`talks/2024/03/06-jia-feng/photos/index.html`).
    public static func gallery(ofPage pageFolder: String) -> String { pageFolder + "photos/index.html" }

    /// The folder of later pages of a list (`talks/page/2/index.html`).
    static let paginationFolder = "page"

    /// Top-level folders the generator writes besides the kinds' own: the page families', the
    /// theme's files, the PDFs, and the pagination's name.
    static var generatorFolders: Set<String> {
        Set(PageFamilies.all.compactMap(\.topFolder) + [themeAssets, print, searchData, pictures].map { String($0.dropLast()) }
            + [paginationFolder])
    }

    /// Names a free page cannot take: every folder the generator writes at the top, and years.
    static func isReserved(_ name: String, catalog: KindCatalog) -> Bool {
        generatorFolders.contains(name) || catalog.kind(folder: name) != nil
            || (name.count == 4 && name.allSatisfy(\.isNumber))
    }

    /// An entry's page, by its kind's address rule.
    public static func entry(_ kind: EntryKind, slug: String, date: EntryDate, number: Int?, period: String? = nil) -> String {
        switch kind.address {
        case .dated: return "\(kind.folder)/\(date.year)/\(twoDigits(date.month))/\(twoDigits(date.day))-\(slug)/index.html"
        case .numbered: return "\(kind.folder)/\(threeDigits(number ?? 0))-\(slug)/index.html"
        case .named: return "\(kind.folder)/\(slug)/index.html"
        case .topLevel: return "\(slug)/index.html"
        case .periodic: return "\(kind.folder)/\(period ?? slug)/index.html"
        }
    }

    /// Where `dangjian new` writes a new entry of `kind` (relative to the site root).
    public static func newFile(_ kind: EntryKind, slug: String, date: EntryDate, number: Int?, period: String? = nil) -> String {
        switch kind.address {
        case .dated: return "content/\(kind.folder)/\(date.year)/\(twoDigits(date.month))/\(twoDigits(date.day))-\(slug).md"
        case .numbered: return "content/\(kind.folder)/\(threeDigits(number ?? 0))-\(slug).md"
        case .named, .topLevel: return "content/\(kind.folder)/\(slug).md"
        case .periodic: return "content/\(kind.folder)/\(period ?? slug).md"
        }
    }

    /// Page `page` of a list whose first page is `<folder>index.html`: the rest at `<folder>page/<n>/index.html`.
    public static func paginated(_ folder: String, page: Int) -> String {
        page == 1 ? folder + "index.html" : folder + "\(paginationFolder)/\(page)/index.html"
    }

    public static func index(_ kind: EntryKind, page: Int = 1) -> String { paginated("\(kind.folder)/", page: page) }
    /// A value's group on its kind's index (`brands/index.html#si-lu-yin-ling`).
    public static func indexGroup(_ kind: EntryKind, value: String) -> String { index(kind) + "#" + Slug.make(from: value) }
    public static func tag(_ slug: String, page: Int = 1) -> String { paginated("tags/\(slug)/", page: page) }
    public static func branch(_ id: String, page: Int = 1) -> String { paginated("branches/\(id)/", page: page) }
    public static func series(_ slug: String, page: Int = 1) -> String { paginated("series/\(slug)/", page: page) }
    public static func year(_ year: String, page: Int = 1) -> String { paginated("\(year)/", page: page) }
    /// A period's bulletin: `bulletins/2026-09/index.html` or `bulletins/2026-w37/index.html`.
    public static func periodBulletin(_ key: String) -> String { "bulletins/\(key)/index.html" }
    /// An entry's own bulletin: `bulletins/salon-012/index.html`.
    public static func entryBulletin(_ kind: EntryKind, number: Int) -> String {
        "bulletins/\(kind.id)-\(threeDigits(number))/index.html"
    }
    public static func board(_ slug: String) -> String { "boards/\(slug)/index.html" }
    /// A speaker's page (主讲人): `speakers/wang-jian-hua/index.html`.
    public static func speaker(_ slug: String, page: Int = 1) -> String { paginated("speakers/\(slug)/", page: page) }
    public static let speakersIndex = "speakers/index.html"
    /// A year's report (年度总结): `reports/2024/index.html`, and a branch's: `reports/2024/jiguan-1/index.html`.
    public static func yearReport(_ year: Int, branch: String? = nil) -> String {
        branch.map { "reports/\(year)/\($0)/index.html" } ?? "reports/\(year)/index.html"
    }
    /// A year's ledger (台账) on the statistics page: `stats/ledger-2024.xlsx`.
    public static func ledger(_ year: Int) -> String { "stats/ledger-\(year).xlsx" }

    /// The PDF `dangjian print` makes of a printable page: `bulletins/2026-09/index.html` → `print/bulletins/2026-09.pdf`.
    public static func pdf(of page: String) -> String {
        print + String(page.dropLast("/index.html".count)) + ".pdf"
    }

    static func threeDigits(_ number: Int) -> String { number < 10 ? "00\(number)" : number < 100 ? "0\(number)" : "\(number)" }
    static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
