/// A kind of entry the archive holds (晨学三分钟, 先锋沙龙 …), declared once in `Catalog/Kinds/`:
/// its folder, its names, its fields, its address, the groupings it joins and where it appears.
/// Everything else in the product reads these declarations; nothing else names a kind.
public final class EntryKind: Sendable, Hashable, CustomStringConvertible {
    /// `talk`: the entry template's name (`talk.mustache`), the `kind` value of cards, the search filter.
    public let id: String
    /// `talks`: the folder under `content/` and the site's folder for its pages.
    public let folder: String
    /// 晨学三分钟
    public let name: String
    /// 晨学: the name in the build summary.
    public let shortName: String
    /// 讲: what one entry is counted as.
    public let unit: String
    /// The kind's own fields, in the order `new` writes them (the common ones come from `KindCatalog`).
    public let fields: [FieldSpec]
    public let address: AddressRule
    public let groupings: Set<Grouping>
    public let order: ListOrder
    /// The kind's index pages (`talks/index.html`, template named like the folder); nil for none.
    public let index: IndexGrouping?
    public let navigation: NavigationItem?
    public let appearances: Set<Appearance>
    /// How it shows on the home page, if at all.
    public let home: HomeListing?
    /// The brand album's sections, by a choice field, when the kind is in the album.
    public let albumGrouping: String?
    public let statistics: [Statistic]
    /// Lists of the kind on a branch's page: the whole list, or paginated (the kind a branch has most of).
    public let branchListing: BranchListing
    /// False for kinds an office may not use: their index and navigation item exist only when the
    /// site has entries of the kind.
    public let alwaysListed: Bool
    /// For kinds with one entry per period (star ratings): the site.yml setting that chooses the
    /// period (`ratings: {period: quarter}`) and the period when it does not.
    public let period: PeriodSetting?
    /// What `dangjian init` writes as the kind's example in a new site; nil for none.
    public let example: KindExample?

    public init(id: String, folder: String, name: String, shortName: String, unit: String, fields: [FieldSpec],
                address: AddressRule, groupings: Set<Grouping> = [.tags, .branch, .year], order: ListOrder = .newestFirst,
                index: IndexGrouping? = .month, navigation: NavigationItem? = nil, appearances: Set<Appearance> = [],
                home: HomeListing? = nil, albumGrouping: String? = nil, statistics: [Statistic] = [],
                branchListing: BranchListing = .whole, alwaysListed: Bool = true, period: PeriodSetting? = nil,
                example: KindExample? = nil) {
        self.id = id
        self.folder = folder
        self.name = name
        self.shortName = shortName
        self.unit = unit
        self.fields = fields
        self.address = address
        self.groupings = groupings
        self.order = order
        self.index = index
        self.navigation = navigation
        self.appearances = appearances
        self.home = home
        self.albumGrouping = albumGrouping
        self.statistics = statistics
        self.branchListing = branchListing
        self.alwaysListed = alwaysListed
        self.period = period
        self.example = example
        fieldPositions = Dictionary(fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        var roles: [FieldRole: Int] = [:]
        for (position, field) in fields.enumerated() {
            for role in field.roles where roles[role] == nil { roles[role] = position }
        }
        rolePositions = roles
        personPositions = fields.indices.filter { fields[$0].has(.person) }
    }

    private let fieldPositions: [String: Int]
    /// The position of the first field with each role.
    private let rolePositions: [FieldRole: Int]
    /// The positions of the fields naming people (a talk's speaker, a salon's speakers).
    let personPositions: [Int]

    public func field(_ name: String) -> FieldSpec? { fieldPositions[name].map { fields[$0] } }
    func position(of name: String) -> Int? { fieldPositions[name] }

    /// The first field with `role`.
    public func field(with role: FieldRole) -> FieldSpec? { rolePositions[role].map { fields[$0] } }
    func position(with role: FieldRole) -> Int? { rolePositions[role] }

    public func joins(_ grouping: Grouping) -> Bool { groupings.contains(grouping) }
    public func appears(in place: Appearance) -> Bool { appearances.contains(place) }

    public var description: String { id }
    public static func == (lhs: EntryKind, rhs: EntryKind) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// Where an entry's page goes (the contract's site layout). The slug comes from the file name
/// (without a leading date or number) unless front matter sets `slug`.
public enum AddressRule: Sendable, Hashable {
    /// `<folder>/<YYYY>/<MM>/<DD>-<slug>/index.html`; new files go to `content/<folder>/<YYYY>/<MM>/<DD>-<slug>.md`.
    case dated
    /// `<folder>/<NNN>-<slug>/index.html` by the field with the `number` role; files `content/<folder>/<NNN>-<slug>.md`.
    case numbered
    /// `<folder>/<slug>/index.html`; files `content/<folder>/<slug>.md`.
    case named
    /// `<slug>/index.html`, at the top of the site (free pages); the generator's own folder names are refused.
    case topLevel
    /// `<folder>/<period>/index.html` (`ratings/2024-q1/index.html`): one entry per period; files
    /// `content/<folder>/<period>.md`.
    case periodic
}

/// The period of a kind with one entry per period, chosen in site.yml.
public struct PeriodSetting: Sendable, Hashable {
    /// The site.yml key whose `period:` chooses it (`ratings`).
    public let siteKey: String
    public let defaultPeriod: EntryPeriod

    public init(siteKey: String, default defaultPeriod: EntryPeriod) {
        self.siteKey = siteKey
        self.defaultPeriod = defaultPeriod
    }
}

/// The groupings an entry can join, each with pages of its own.
public enum Grouping: Sendable, Hashable {
    /// `tags/<slug>/index.html`
    case tags
    /// `branches/<id>/index.html`, by the entry's branch
    case branch
    /// `<YYYY>/index.html`, by the entry's date
    case year
}

/// The order of a kind's lists, its previous/next and its index.
public enum ListOrder: Sendable, Hashable {
    /// Newest first, then by source path.
    case newestFirst
    /// Highest number first (the field with the `number` role).
    case highestNumberFirst
}

/// How a kind's index pages group what they show.
public enum IndexGrouping: Sendable, Hashable {
    /// Under month headings, newest first.
    case month
    /// Under year headings, newest first.
    case year
    /// Under the values of a choice field, in site.yml's order (`brands/index.html#<value>`).
    case field(String)
}

/// An item of the site's main navigation. Items are ordered by weight, as Hugo's menus are.
public struct NavigationItem: Sendable, Hashable {
    public let title: String
    public let weight: Int

    public init(_ title: String, weight: Int) {
        self.title = title
        self.weight = weight
    }
}

/// Places beyond its own pages where a kind's entries appear.
public enum Appearance: Sendable, Hashable {
    /// `feed.xml`
    case feed
    /// The bulletin (简报) of the period the entry falls in.
    case periodBulletins
    /// A bulletin of its own per entry (`bulletins/<id>-<NNN>/index.html`, numbered kinds).
    case ownBulletin
    /// An exhibition board (展板) per entry (`boards/<slug>/index.html`).
    case board
    /// Previous and next links between entries of the kind.
    case neighbours
    /// Listed in every page's footer (free pages).
    case footer
    /// The statistics page's daily run (坚持天数), calendars and months chart; the home page's 坚持 N 天.
    case dailyRun
    /// Each entry numbered in the kind's whole history, oldest first (第 2,214 讲).
    case historyNumbers
    /// A report per year (`reports/<YYYY>/index.html`) counts the kind and lists its entries.
    case yearReports
    /// A sheet in the year's ledger (台账, `dangjian export`).
    case ledger
}

/// How a kind shows on the home page, under the template key given.
public enum HomeListing: Sendable, Hashable {
    /// The newest `count` entries.
    case latest(Int, key: String)
    /// The newest entry alone.
    case newest(key: String)
    /// Every entry.
    case all(key: String)
}

/// A chart of the statistics page, under the template key given.
public enum Statistic: Sendable, Hashable {
    /// Entries per value of a choice field, in site.yml's order.
    case perValue(field: String, key: String, label: String)
    /// Entries per branch, in site.yml's order.
    case perBranch(key: String, label: String)
    /// How many branches had each score in each entry (star ratings over time), for a score field.
    case scoresOverTime(field: String, key: String, label: String)
}

public enum BranchListing: Sendable, Hashable {
    /// On the branch's first page, all of them.
    case whole
    /// Paginated: the branch's pages are counted by this kind.
    case paginated
}
