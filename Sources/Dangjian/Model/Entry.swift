/// A validated entry: the common fields typed, the kind's own fields read as its declaration says,
/// its page's address decided.
///
/// A value, but its fields live in one shared box, copied only when a copy is changed (the model
/// stage sets the address and references; nothing changes an entry after it). Every pass over the
/// entries copies them, and an entry of two dozen fields copied field by field was a quarter of
/// the preview's rebuild.
public struct Entry: Sendable, Identifiable {
    /// The source path relative to the site root; unique, so it identifies the entry.
    public var id: String { path }
    public var path: String { storage.path }
    /// The source path relative to `content/`.
    public var contentPath: String { storage.contentPath }
    public var kind: EntryKind { storage.kind }
    public var title: String { storage.title }
    public var date: EntryDate { storage.date }
    public var tags: [String] { storage.tags }
    public var summary: String? { storage.summary }
    /// The URL name; from the file name unless front matter sets `slug`.
    public internal(set) var slug: String {
        get { storage.slug }
        set { unique().slug = newValue }
    }
    public var slugIsExplicit: Bool { storage.slugIsExplicit }
    /// The cover picture's path relative to `content/`.
    public var cover: String? { storage.cover }
    public var isDraft: Bool { storage.isDraft }
    /// The kind's own fields, in the order of `kind.fields`; nil where absent.
    public var values: [FieldValue?] { storage.values }
    /// Fields the contract does not know, kept for templates.
    public var extraFields: [YAMLField] { storage.extraFields }
    /// Where each front matter value was written, for problems found in later stages.
    public var fieldLocations: [String: SourceLocation] { storage.fieldLocations }
    /// The Markdown source after the front matter; empty once a build has converted it (`releaseBody`).
    public var body: String { storage.body }
    public var bodyFirstLine: Int { storage.bodyFirstLine }
    /// The load revision of the source file (see `LoadedEntry.revision`).
    public var revision: Int { storage.revision }
    /// For kinds with one entry per period: the period's key (`2024-q1`) and title (`2024年第一季度`).
    public var periodKey: String? { storage.periodKey }
    public var periodTitle: String? { storage.periodTitle }
    /// The page's path in the site (`talks/2026/09/08-jia-feng/index.html`).
    public internal(set) var url: String {
        get { storage.url }
        set { unique().url = newValue }
    }
    /// The entries named by reference fields: field name → the target's source path (set by the model stage).
    public internal(set) var references: [String: String] {
        get { storage.references }
        set { unique().references = newValue }
    }
    /// The branch taken from a referenced entry (a case's brand's branch).
    public internal(set) var inheritedBranch: Branch? {
        get { storage.inheritedBranch }
        set { unique().inheritedBranch = newValue }
    }
    /// The entry's gallery (`photos:`), in the order written.
    public internal(set) var photos: [GalleryPhoto] {
        get { storage.photos }
        set { unique().photos = newValue }
    }

    private var storage: Storage

    init(path: String, contentPath: String, kind: EntryKind, title: String, date: EntryDate, tags: [String],
         summary: String?, slug: String, slugIsExplicit: Bool, cover: String?, isDraft: Bool, values: [FieldValue?],
         extraFields: [YAMLField], fieldLocations: [String: SourceLocation], body: String, bodyFirstLine: Int,
         revision: Int, periodKey: String?, periodTitle: String?, url: String = "", references: [String: String] = [:],
         inheritedBranch: Branch? = nil, photos: [GalleryPhoto] = []) {
        storage = Storage(path: path, contentPath: contentPath, kind: kind, title: title, date: date, tags: tags,
                          summary: summary, slug: slug, slugIsExplicit: slugIsExplicit, cover: cover, isDraft: isDraft,
                          values: values, extraFields: extraFields, fieldLocations: fieldLocations, body: body,
                          bodyFirstLine: bodyFirstLine, revision: revision, periodKey: periodKey,
                          periodTitle: periodTitle, url: url, references: references, inheritedBranch: inheritedBranch,
                          photos: photos)
    }

    /// Forgets the Markdown source, for every copy of the entry: a build calls it once the body is
    /// converted (on 100,000 entries the sources are as large as the bodies' HTML). The one change
    /// made to a shared box, by the one thread converting the entry's body; no other thread reads it.
    func releaseBody() { storage.releaseBody() }

    /// The same entry with another body (read again from the same front matter): for the preview's
    /// rebuild after an edit of the text alone.
    func withBody(_ body: String, firstLine: Int, revision: Int) -> Entry {
        var edited = self
        edited.storage = storage.copy(body: body, bodyFirstLine: firstLine, revision: revision)
        return edited
    }

    /// The box, copied first when another entry shares it.
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// The fields. Written only through `unique()`, so a box shared by two entries is never changed.
    private final class Storage: @unchecked Sendable {
        let path: String
        let contentPath: String
        let kind: EntryKind
        let title: String
        let date: EntryDate
        let tags: [String]
        let summary: String?
        var slug: String
        let slugIsExplicit: Bool
        let cover: String?
        let isDraft: Bool
        let values: [FieldValue?]
        let extraFields: [YAMLField]
        let fieldLocations: [String: SourceLocation]
        private(set) var body: String
        let bodyFirstLine: Int
        let revision: Int
        let periodKey: String?
        let periodTitle: String?
        var url: String
        var references: [String: String]
        var inheritedBranch: Branch?
        var photos: [GalleryPhoto]

        init(path: String, contentPath: String, kind: EntryKind, title: String, date: EntryDate, tags: [String],
             summary: String?, slug: String, slugIsExplicit: Bool, cover: String?, isDraft: Bool, values: [FieldValue?],
             extraFields: [YAMLField], fieldLocations: [String: SourceLocation], body: String, bodyFirstLine: Int,
             revision: Int, periodKey: String?, periodTitle: String?, url: String, references: [String: String],
             inheritedBranch: Branch?, photos: [GalleryPhoto]) {
            self.path = path
            self.contentPath = contentPath
            self.kind = kind
            self.title = title
            self.date = date
            self.tags = tags
            self.summary = summary
            self.slug = slug
            self.slugIsExplicit = slugIsExplicit
            self.cover = cover
            self.isDraft = isDraft
            self.values = values
            self.extraFields = extraFields
            self.fieldLocations = fieldLocations
            self.body = body
            self.bodyFirstLine = bodyFirstLine
            self.revision = revision
            self.periodKey = periodKey
            self.periodTitle = periodTitle
            self.url = url
            self.references = references
            self.inheritedBranch = inheritedBranch
            self.photos = photos
        }

        func releaseBody() { body = "" }

        func copy() -> Storage { copy(body: body, bodyFirstLine: bodyFirstLine, revision: revision) }

        func copy(body: String, bodyFirstLine: Int, revision: Int) -> Storage {
            Storage(path: path, contentPath: contentPath, kind: kind, title: title, date: date, tags: tags,
                    summary: summary, slug: slug, slugIsExplicit: slugIsExplicit, cover: cover, isDraft: isDraft,
                    values: values, extraFields: extraFields, fieldLocations: fieldLocations, body: body,
                    bodyFirstLine: bodyFirstLine, revision: revision, periodKey: periodKey, periodTitle: periodTitle,
                    url: url, references: references, inheritedBranch: inheritedBranch, photos: photos)
        }
    }

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
        guard let position = kind.position(with: role) else { return nil }
        return values[position]
    }

    /// The branch the entry belongs to: its own branch field, or the one inherited through a reference.
    public var branch: Branch? { value(with: .branch)?.branch ?? inheritedBranch }

    /// The entry's number (a salon's 期数), when its kind has one.
    public var number: Int? { value(with: .number)?.integer }
}
