import Foundation

/// `dangjian new`: writes a new entry file with complete front matter in its kind's folder, named as
/// the kind's address rule says; checks every value against site.yml and the site's entries; never
/// overwrites a file. What it writes for each field follows from the field's declaration.
/// `dangjian import` writes its entries' front matter through the same steps (`draft`, `EntryFile`).
public enum EntryScaffold {
    /// The written file's path relative to the site root, or the problems (nothing written then).
    public static func create(_ request: NewEntryRequest, root: URL, now: Date = Date(), catalog: KindCatalog = .standard,
                              prompter: ScaffoldPrompter? = nil) -> Result<String, ScaffoldFailure> {
        let site: ScaffoldSite
        switch ScaffoldSite.read(root: root, catalog: catalog) {
        case let .success(read): site = read
        case let .failure(failure): return .failure(failure)
        }
        let log = DiagnosticLog()
        guard let draft = draft(request, site: site, now: now, prompter: prompter, log: log), !log.hasErrors else {
            return .failure(ScaffoldFailure(log.diagnostics))
        }
        if let problem = EntryFile.create(draft.path, text: draft.text(body: "在这里写正文。\n"), root: root) {
            return .failure(ScaffoldFailure([problem]))
        }
        return .success(draft.path)
    }

    /// The front matter and file path of a new entry. Problems go to `log`; with `unresolved`, a
    /// missing or unknown value is noted there instead and its field written empty (for `import`,
    /// whose entries list what is left to fill in).
    static func draft(_ request: NewEntryRequest, site: ScaffoldSite, now: Date, prompter: ScaffoldPrompter?,
                      log: DiagnosticLog, unresolved: UnresolvedFields? = nil, number nextNumber: Int? = nil) -> EntryDraft? {
        let title = request.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else {
            log.report(ScaffoldError.emptyTitle)
            return nil
        }
        let resolver = ValueResolver(request: request, config: site.config, site: site.loaded, prompter: prompter, log: log,
                                     unresolved: unresolved, givenNextNumber: nextNumber)
        let date = resolver.date(now: now)
        var fields: [(String, String)] = [("title", YAMLText.quoted(title)), ("date", date?.isoDay ?? "")]
        var number: Int?
        for field in request.kind.fields {
            guard let value = resolver.value(of: field) else { continue }
            if field.has(.number) { number = Int(value) }
            fields.append((field.name, value))
        }
        fields.append(("tags", YAMLText.list(resolver.list("tags"))))
        guard let date else { return nil }
        let slug = request.values["slug"].flatMap { Slug.isValid($0) ? $0 : nil }
            ?? nonEmpty(Slug.make(from: title, pinyin: site.config.pinyin))
        let period = request.kind.period.map { site.config.period(of: $0).key(of: date) }
        return EntryDraft(fields: fields, slug: slug,
                          path: Addresses.newFile(request.kind, slug: slug, date: date, number: number, period: period))
    }

    /// At most 60 characters, never ending in a hyphen.
    private static func nonEmpty(_ slug: String) -> String {
        let short = String(slug.prefix(60).reversed().drop { $0 == "-" }.reversed())
        return short.isEmpty ? "entry" : short
    }
}

/// The site as `new` and `import` need it: its entries (for numbers and references) and site.yml, read once.
public struct ScaffoldSite: Sendable {
    let loaded: LoadedSite
    let config: SiteConfig

    public static func read(root: URL, catalog: KindCatalog = .standard) -> Result<ScaffoldSite, ScaffoldFailure> {
        let log = DiagnosticLog()
        let loaded = ContentLoader.load(root: root, catalog: catalog, log: log)
        if loaded.siteConfig == nil {
            // No content/ folder, or no site.yml in it, or one unreadable: what the loader said about it.
            let siteProblems = log.diagnostics.filter { $0.isError && ($0.code == "not-a-site" || $0.file == "content/site.yml") }
            return .failure(ScaffoldFailure(siteProblems.isEmpty ? [LoadError.missingSiteConfig(file: "content/site.yml").diagnostic] : siteProblems))
        }
        return .success(ScaffoldSite(loaded: loaded, config: SiteConfigReader.read(loaded.siteConfig, catalog: catalog, log: DiagnosticLog())))
    }
}

/// A new entry's front matter (field, value as written) and where it goes.
struct EntryDraft: Sendable {
    var fields: [(String, String)]
    let slug: String
    let path: String

    /// The file's text: front matter, then the body. `comments` go at the end of the front matter as YAML comments.
    func text(body: String, comments: [String] = []) -> String {
        "---\n" + fields.map { "\($0.0): \($0.1)" }.joined(separator: "\n") + "\n"
            + comments.map { "# \($0)\n" }.joined() + "---\n" + body
    }
}

/// Fields `import` could not fill from the document or the options, noted instead of reported.
final class UnresolvedFields: @unchecked Sendable {
    struct Field: Sendable, Equatable {
        let name: String
        let label: String
        /// The value found that site.yml or the site's entries do not know; nil when none was found.
        let rejected: String?
    }

    private let lock = NSLock()
    private var items: [Field] = []

    func note(_ field: FieldSpec, rejected: String?) {
        lock.withLock { items.append(Field(name: field.name, label: field.label, rejected: rejected)) }
    }

    var fields: [Field] { lock.withLock { items } }
}

/// Writing a new file of `content/` that must not replace anything.
enum EntryFile {
    /// Creates `path` (relative to the site root) with `text`; an existing file is never overwritten,
    /// even one created a moment ago (O_EXCL). The problem, or nil when written.
    static func create(_ path: String, text: String, root: URL) -> Diagnostic? {
        let url = root.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            return WriteError.cannotWrite(path: path, reason: error.localizedDescription).diagnostic
        }
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            return errno == EEXIST ? ScaffoldError.fileExists(path: path).diagnostic
                : WriteError.cannotWrite(path: path, reason: String(cString: strerror(errno))).diagnostic
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, bytes.count) }
        close(descriptor)
        guard written == bytes.count else {
            unlink(url.path)
            return WriteError.cannotWrite(path: path, reason: "写入失败").diagnostic
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// The problems that kept `dangjian new` from writing its file.
public struct ScaffoldFailure: Error {
    public let diagnostics: [Diagnostic]
    init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
