/// The kinds of entries the archive holds.
public enum EntryKind: String, Sendable, Hashable, CaseIterable {
    case brand
    case salon
    case talk
    case page

    init(section: ContentSection) {
        switch section {
        case .brands: self = .brand
        case .salons: self = .salon
        case .talks: self = .talk
        case .pages: self = .page
        }
    }

    /// 一支部一品牌, 先锋沙龙, 晨学三分钟, 页面
    public var chineseName: String {
        switch self {
        case .brand: return "一支部一品牌"
        case .salon: return "先锋沙龙"
        case .talk: return "晨学三分钟"
        case .page: return "页面"
        }
    }
}

/// 一支部一品牌: a branch's named brand activity.
public struct BrandDetails: Sendable, Hashable {
    public let branch: Branch
    public let slogan: String?
    public let category: String
    public let highlights: [String]
}

/// 先锋沙龙: a numbered discussion session.
public struct SalonDetails: Sendable, Hashable {
    public let issue: Int
    public let host: Branch
    public let speakers: [String]
    public let readings: [String]
    public let homework: String?
}

/// 晨学三分钟: a three-minute morning talk.
public struct TalkDetails: Sendable, Hashable {
    public let speaker: String
    public let series: String
    public let branch: Branch?
    public let minutes: Double
}

public enum EntryDetails: Sendable, Hashable {
    case brand(BrandDetails)
    case salon(SalonDetails)
    case talk(TalkDetails)
    case page
}

/// A validated entry: every field of the contract typed, its page's address decided.
public struct Entry: Sendable, Identifiable {
    /// The source path relative to the site root; unique, so it identifies the entry.
    public var id: String { path }
    public let path: String
    /// The source path relative to `content/`.
    public let contentPath: String
    public let kind: EntryKind
    public let title: String
    public let date: EntryDate
    public let tags: [String]
    public let summary: String?
    /// The URL name; from the file name unless front matter sets `slug`.
    public internal(set) var slug: String
    public let slugIsExplicit: Bool
    /// The cover picture's path relative to `content/`.
    public let cover: String?
    public let isDraft: Bool
    public let details: EntryDetails
    /// Fields the contract does not know, kept for templates.
    public let extraFields: [YAMLField]
    /// Where each front matter value was written, for problems found in later stages.
    public let fieldLocations: [String: SourceLocation]
    public let body: String
    public let bodyFirstLine: Int
    /// The load revision of the source file (see `LoadedEntry.revision`).
    public let revision: Int
    /// The page's path in the site (`talks/2026/09/08-jia-feng/index.html`).
    public internal(set) var url: String = ""

    /// The folder of the page in the site (`talks/2026/09/08-jia-feng/`).
    public var pageFolder: String { String(url.dropLast("index.html".count)) }

    /// The folder of the source file relative to `content/` (`talks/2026/09`).
    public var contentFolder: String {
        guard let slash = contentPath.lastIndex(of: "/") else { return "" }
        return String(contentPath[..<slash])
    }

    public var branch: Branch? {
        switch details {
        case let .brand(brand): return brand.branch
        case let .salon(salon): return salon.host
        case let .talk(talk): return talk.branch
        case .page: return nil
        }
    }
}
