import Foundation

/// A Party branch (支部) of the organisation: a stable ASCII id and its display name.
public struct Branch: Sendable, Hashable {
    public let id: String
    public let name: String
}

public enum BulletinPeriod: String, Sendable {
    case month
    case week
}

/// A speaker of the roster (`speakers:` in site.yml): 百人讲师团, 宣讲队 and their roles.
public struct SpeakerRecord: Sendable, Hashable {
    public let name: String
    public let branch: Branch?
    public let team: String?
    public let role: String?
}

/// The exhibition board's print size.
public struct BoardSize: Sendable, Hashable {
    public var widthMM: Double = 900
    public var heightMM: Double = 1200
    public var bleedMM: Double = 3
    public var cropMarks: Bool = true
    /// Sizes a board can have, in millimetres: a number outside was written in another unit.
    public static let sensibleMM: ClosedRange<Double> = 100...5000
}

/// site.yml, validated.
public struct SiteConfig: Sendable {
    public var title: String = "党建品牌展示"
    public var organization: String = ""
    public var baseURL: String?
    public var timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!
    public var branches: [Branch] = [] {
        didSet { branchesByKey = Self.keyed(branches) }
    }
    /// The lists kinds choose values from, by their site.yml key (`talk_series`, `brand_categories` …).
    public var vocabularies: [String: [String]] = [:]
    /// Periods chosen for kinds with one entry per period, by their site.yml key (`ratings`).
    public var periods: [String: EntryPeriod] = [:]
    /// The roster of speakers (`speakers:`), in site.yml's order.
    public var speakers: [SpeakerRecord] = []
    public var bulletinPeriod: BulletinPeriod = .month
    /// Period bulletins print each entry's whole body (`bulletin: {full_text: true}`); otherwise its
    /// summary, with a QR code or the address of its page.
    public var bulletinFullText = false
    public var board = BoardSize()
    /// The brand album's title (画册, e.g. 红色印记——党建品牌集萃).
    public var albumTitle = "党建品牌集萃"
    /// Raw HTML in Markdown is rendered only when this is on.
    public var unsafeHTML = false
    /// Entries per page of every paginated list.
    public var pageSize = 20
    /// Readings of polyphonic words for URLs and anchors: the built-in list and site.yml's `pinyin:`.
    public var pinyin = PinyinWords.builtIn
    /// Free values (`params:`) handed to templates as they are.
    public var params: YAMLNode?
    /// Days off (`holidays:` in site.yml) that, like weekends, do not break a run of daily talks.
    public var holidays: Set<EntryDate> = []
    /// The largest video a lesson or body may use (`video: {max_mb: …}`): 500 MB unless site.yml says.
    public var videoLimitBytes: Int64 = 500 << 20

    public init() {}

    /// Monday to Friday, unless the day is one of `holidays`.
    public func isWorkingDay(_ day: EntryDate) -> Bool {
        day.weekday <= 5 && !holidays.contains(day.dayOnly)
    }

    /// The branch named by id or by display name.
    public func branch(matching value: String) -> Branch? {
        branchesByKey[value]
    }

    /// The period site.yml chooses for `setting`, or its default.
    public func period(of setting: PeriodSetting) -> EntryPeriod {
        periods[setting.siteKey] ?? setting.defaultPeriod
    }

    /// The values site.yml lists under `key` (none when it lists nothing).
    public func vocabulary(_ key: String) -> [String] {
        vocabularies[key] ?? []
    }

    private var branchesByKey: [String: Branch] = [:]

    private static func keyed(_ branches: [Branch]) -> [String: Branch] {
        var map: [String: Branch] = [:]
        for branch in branches {
            map[branch.id] = map[branch.id] ?? branch
            map[branch.name] = map[branch.name] ?? branch
        }
        return map
    }
}
