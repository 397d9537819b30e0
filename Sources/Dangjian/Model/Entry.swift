/// A validated entry: the common fields typed, the kind's own fields read as its declaration says,
/// its page's address decided.
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
    /// The kind's own fields, in the order of `kind.fields`; nil where absent.
    public let values: [FieldValue?]
    /// Fields the contract does not know, kept for templates.
    public let extraFields: [YAMLField]
    /// Where each front matter value was written, for problems found in later stages.
    public let fieldLocations: [String: SourceLocation]
    public let body: String
    public let bodyFirstLine: Int
    /// The load revision of the source file (see `LoadedEntry.revision`).
    public let revision: Int
    /// For kinds with one entry per period: the period's key (`2024-q1`) and title (`2024年第一季度`).
    public let periodKey: String?
    public let periodTitle: String?
    /// The page's path in the site (`talks/2026/09/08-jia-feng/index.html`).
    public internal(set) var url: String = ""
    /// The entries named by reference fields: field name → the target's source path (set by the model stage).
    public internal(set) var references: [String: String] = [:]
    /// The branch taken from a referenced entry (a case's brand's branch).
    public internal(set) var inheritedBranch: Branch?
    /// The entry's gallery (`photos:`), in the order written.
    public internal(set) var photos: [GalleryPhoto] = []

    /// The folder of the page in the site (`talks/2026/09/08-jia-feng/`).
    public var pageFolder: String { String(url.dropLast("index.html".count)) }

    /// The folder of the source file relative to `content/` (`talks/2026/09`).
    public var contentFolder: String {
        guard let slash = contentPath.lastIndex(of: "/") else { return "" }
        return String(contentPath[..<slash])
    }

    /// The value of the kind's field `name`, when the entry has it.
    public func value(_ name: String) -> FieldValue? {
        guard let position = kind.position(of: name) else { return nil }
        return values[position]
    }

    /// The value of the kind's first field with `role`.
    public func value(with role: FieldRole) -> FieldValue? {
        guard let field = kind.field(with: role) else { return nil }
        return value(field.name)
    }

    /// The branch the entry belongs to: its own branch field, or the one inherited through a reference.
    public var branch: Branch? { value(with: .branch)?.branch ?? inheritedBranch }

    /// The entry's number (a salon's 期数), when its kind has one.
    public var number: Int? { value(with: .number)?.integer }
}
