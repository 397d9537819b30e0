/// Every kind of entry a site can hold, in the order lists of kinds are shown (search filters, the
/// build summary). The standard catalog holds the declarations of `Catalog/Kinds/`; a test may
/// build a site with a catalog of its own (`BuildOptions.catalog`).
public struct KindCatalog: Sendable {
    public let kinds: [EntryKind]

    public static let standard = KindCatalog([.talk, .salon, .brand, .typicalCase, .honour, .rating, .videoLesson, .freePage])

    /// Fields every kind has, read before the kind's own.
    public static let commonFields: [FieldSpec] = [
        FieldSpec("title", label: "标题", type: .text, required: true),
        FieldSpec("date", label: "日期", type: .text, required: true),
        FieldSpec("tags", label: "标签", type: .texts),
        FieldSpec("summary", label: "摘要", type: .text),
        FieldSpec("slug", label: "网址名", type: .text),
        FieldSpec("cover", label: "封面", type: .text),
        FieldSpec("draft", label: "草稿", type: .flag),
    ]

    private let byFolder: [String: EntryKind]
    private let byID: [String: EntryKind]

    public init(_ kinds: [EntryKind]) {
        self.kinds = kinds
        byFolder = Dictionary(kinds.map { ($0.folder, $0) }, uniquingKeysWith: { first, _ in first })
        byID = Dictionary(kinds.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A catalog with `kind` added at the end.
    public func adding(_ kind: EntryKind) -> KindCatalog { KindCatalog(kinds + [kind]) }

    public func kind(folder: String) -> EntryKind? { byFolder[folder] }
    public func kind(id: String) -> EntryKind? { byID[id] }

    /// The kind of the entry file at `contentPath` (relative to `content/`), by its first folder.
    public func kind(ofContentPath contentPath: String) -> EntryKind? {
        guard let slash = contentPath.firstIndex(of: "/") else { return nil }
        return byFolder[String(contentPath[..<slash])]
    }

    /// The names a kind's front matter may use: the common fields, then its own.
    public func knownFields(of kind: EntryKind) -> [String] {
        Self.commonFields.map(\.name) + kind.fields.map(\.name)
    }

    /// The Chinese label of a field, for messages (the field's own name when no kind declares it).
    public func label(of field: String, in kind: EntryKind? = nil) -> String {
        if let spec = kind?.field(field) ?? Self.commonFields.first(where: { $0.name == field }) { return spec.label }
        for kind in kinds { if let spec = kind.field(field) { return spec.label } }
        return field
    }

    /// The site.yml keys of every vocabulary a field chooses from, in first-declared order.
    public var vocabularies: [String] {
        var seen = Set<String>()
        return kinds.flatMap(\.fields).compactMap(\.vocabulary).filter { seen.insert($0).inserted }
    }

    /// The field whose values have series pages, and its kind.
    public var seriesField: (kind: EntryKind, field: FieldSpec)? {
        for kind in kinds { if let field = kind.field(with: .series) { return (kind, field) } }
        return nil
    }

    /// The kind whose daily run the statistics and home pages count (坚持天数).
    public var dailyRunKind: EntryKind? { kinds.first { $0.appears(in: .dailyRun) } }

    /// Kinds with a field referring to entries of `kind`, and that field.
    public func referrers(of kind: EntryKind) -> [(kind: EntryKind, field: FieldSpec)] {
        kinds.flatMap { other in
            other.fields.filter { $0.referencedKind == kind.id }.map { (other, $0) }
        }
    }

    /// What is wrong with the declarations themselves (an empty list for a usable catalog).
    public var problems: [String] { CatalogCheck.problems(of: self) }
}
