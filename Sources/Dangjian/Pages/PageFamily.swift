import Foundation

/// A kind of output page (entry pages, tag pages, bulletins, the feed …), declared once: the pages
/// it plans on a site, each page's address, the template and values it is rendered with, and,
/// for pages that print, how. `PageFamilies.all` lists them; planning, rendering, the preview
/// server, printing, navigation and the build summary read them from there.
protocol PageFamily: Sendable {
    /// A name for tests and messages (`entry`, `tag`, `period-bulletin` …).
    var name: String { get }
    /// The pages of this family on `site`.
    func plan(_ site: LinkedSite) -> [PageKey]
    /// Where a page goes, known without rendering it.
    func address(_ key: PageKey, in site: LinkedSite) -> String
    /// The template a page is rendered with; nil for files made without one (feed, sitemap).
    func template(_ key: PageKey, in site: LinkedSite) -> String?
    /// The page's content: its template's `page` values, or its text.
    func content(_ key: PageKey, _ context: PageContext) -> PageContent
    /// Planned only when the theme has the template (search, statistics, 404), so older themes keep building.
    var isOptional: Bool { get }
    /// How the page prints with `dangjian print`, when it does.
    var printing: PrintKind? { get }
    /// What the build summary counts this family's items as (标签 12 个).
    var summary: SummaryLabel? { get }
    /// Items of the main navigation this family gives.
    func navigation(_ site: LinkedSite) -> [NavigationEntry]
    /// The entry file a page shows, for messages about it (a board's brand).
    func sourceFile(_ key: PageKey, in site: LinkedSite) -> String?
    /// The entry files a printed page shows under its element ids (`entry-3` → its file), so a problem
    /// found in one part of a bulletin or the album names that entry's file.
    func printSections(_ key: PageKey, in site: LinkedSite) -> [String: String]
    /// Pictures a printed page shows at a size where their resolution matters (a board's cover).
    func printedPictures(_ key: PageKey, in site: LinkedSite) -> [PrintedPicture]
    /// The names of the parts of a printed page a writer can shorten when it does not fit.
    func shortenableParts(_ key: PageKey, in site: LinkedSite) -> [String]
    /// The top-level folder the family's pages go in, when it has one of its own (`tags`, `boards` …;
    /// entries and kind indexes go in their kinds' folders). Free pages cannot take it.
    var topFolder: String? { get }
}

extension PageFamily {
    var isOptional: Bool { false }
    var printing: PrintKind? { nil }
    var summary: SummaryLabel? { nil }
    func navigation(_ site: LinkedSite) -> [NavigationEntry] { [] }
    func sourceFile(_ key: PageKey, in site: LinkedSite) -> String? { nil }
    func printSections(_ key: PageKey, in site: LinkedSite) -> [String: String] { [:] }
    func printedPictures(_ key: PageKey, in site: LinkedSite) -> [PrintedPicture] { [] }
    func shortenableParts(_ key: PageKey, in site: LinkedSite) -> [String] { [] }
    var topFolder: String? { nil }
}

/// A family of one page at a fixed address, rendered with one template (the home page, the lists of
/// tags and branches, the album, the search page …).
protocol SinglePageFamily: PageFamily {
    var fixedAddress: String { get }
    var templateName: String { get }
}

extension SinglePageFamily {
    var topFolder: String? { fixedAddress.contains("/") ? String(fixedAddress.prefix { $0 != "/" }) : nil }
    func plan(_ site: LinkedSite) -> [PageKey] { [PageKey(0)] }
    func address(_ key: PageKey, in site: LinkedSite) -> String { fixedAddress }
    func template(_ key: PageKey, in site: LinkedSite) -> String? { templateName }
}

/// One page of a family: the family's item (an entry, a tag, a bulletin …) and, for paginated lists, the page number.
struct PageKey: Hashable, Sendable {
    let item: Int
    let page: Int

    init(_ item: Int, page: Int = 1) {
        self.item = item
        self.page = page
    }
}

/// A page to render: its family (by position in `PageFamilies.all`) and its key.
struct PageJob: Hashable, Sendable {
    let family: Int
    let key: PageKey
}

enum PageContent {
    /// Rendered with the named template; the values are the template's `page`.
    case template(String, TemplateMap)
    /// Written as it is.
    case text(String)
    /// Bytes (a workbook).
    case data(Data)
}

/// What a printed page is, for the printer (a board is checked for overflowing text).
public enum PrintKind: String, Sendable {
    case bulletin, board, album, report
}

public struct SummaryLabel: Sendable, Hashable {
    let label: String
    let unit: String
}

/// A link of the main navigation; `key` is the section it highlights (`page.section`).
struct NavigationEntry: Sendable {
    let key: String
    let title: String
    let url: String
    let weight: Int
}

/// What every family's values are made from: the site, the entries' cards, and a few things
/// worked out once per build.
struct PageContext: @unchecked Sendable {
    let site: LinkedSite
    let cards: EntryCards
    /// The search index's shard count, which the search page needs.
    let searchShards: Int
    /// Every page's address, in plan order (the sitemap lists them).
    let pagePaths: [String]
    /// Branch id → the years it has a year report for (worked out once: branch pages and the bulletins index ask).
    let reportYears: [String: Set<Int>]
    /// Each year's entries per kind, of the site and of each branch (year reports ask).
    let yearMembers: YearMembers

    var config: SiteConfig { site.config }
    var catalog: KindCatalog { site.catalog }

    /// A QR code of the page's intranet address, when site.yml gives `base_url`.
    func qrValues(for sitePath: String, title: String, prefix: String = "qr") -> [String: TemplateValue] {
        let (svgKey, urlKey) = (prefix + "SVG", prefix + "URL")
        guard let base = config.baseURL else { return [svgKey: .absent, urlKey: .absent] }
        let address = base + sitePath
        let caption = "\(title)：\(address)"
        // Drawn when a page shows it: a page not rendered again (its values unchanged) draws none.
        // An address too long for a QR code shows no code, and still its address.
        let svg = DeferredText(key: "QRCode\t\(address)\t\(caption)") { QRCode.svg(for: address, title: caption) }
        return [svgKey: .deferred(svg), urlKey: .text(address)]
    }

    /// An entry's card with its body, for pages that show whole entries (bulletins, boards, the album).
    func cardWithBody(_ index: Int, anchor: String? = nil, headingPrefix: String? = nil) -> TemplateMap {
        var card = cards[index]
        let html = site.bodies[index].markedHTML
        card["body"] = .text(headingPrefix.map { HeadingAnchors.prefixed(html, with: $0) } ?? html)
        if let anchor { card["anchor"] = .text(anchor) }
        return card
    }

    /// An entry as a bulletin shows it without its body: its card (with its summary), its `anchor`,
    /// and a QR code of its page (`qrSVG`, `qrURL`) or, without `base_url`, the page's `address` in the site.
    func briefCard(_ index: Int, anchor: String) -> TemplateMap {
        let entry = site.entries[index]
        var card = cards[index].merging(qrValues(for: entry.url, title: entry.title))
        card["anchor"] = .text(anchor)
        card["address"] = .text(entry.url)
        return card
    }

    /// For each kind whose entries name the entry at `index` (a brand's cases): their cards under the kind's list key.
    func referrerLists(of index: Int) -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [:]
        for (kind, _) in catalog.referrers(of: site.entries[index].kind) {
            values[TemplateKeys.list(kind)] = cards.list(site.referrers(of: index, kind: kind))
        }
        return values
    }
}
