import Foundation

/// `dangjian new`: writes a new entry file with complete front matter in its kind's folder, named as
/// the kind's address rule says; checks every value against site.yml and the site's entries; never
/// overwrites a file. What it writes for each field follows from the field's declaration.
public enum EntryScaffold {
    /// The written file's path relative to the site root, or the problems (nothing written then).
    public static func create(_ request: NewEntryRequest, root: URL, now: Date = Date(), catalog: KindCatalog = .standard,
                              prompter: ScaffoldPrompter? = nil) -> Result<String, ScaffoldFailure> {
        let log = DiagnosticLog()
        let loaded = ContentLoader.load(root: root, catalog: catalog, log: DiagnosticLog())
        if loaded.siteConfig == nil { return .failure(ScaffoldFailure([LoadError.missingSiteConfig(file: "content/site.yml").diagnostic])) }
        let config = SiteConfigReader.read(loaded.siteConfig, catalog: catalog, log: DiagnosticLog())
        let title = request.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { return .failure(ScaffoldFailure([ScaffoldError.emptyTitle.diagnostic])) }
        let resolver = ValueResolver(request: request, config: config, site: loaded, prompter: prompter, log: log)
        let date = resolver.date(now: now)
        var fields: [(String, String)] = [("title", YAMLText.quoted(title)), ("date", date?.isoDay ?? "")]
        var number: Int?
        for field in request.kind.fields {
            guard let value = resolver.value(of: field) else { continue }
            if field.has(.number) { number = Int(value) }
            fields.append((field.name, value))
        }
        fields.append(("tags", YAMLText.list(resolver.list("tags"))))
        if log.hasErrors { return .failure(ScaffoldFailure(log.diagnostics)) }
        let slug = request.values["slug"].flatMap { Slug.isValid($0) ? $0 : nil } ?? nonEmpty(Slug.make(from: title))
        let period = request.kind.period.map { config.period(of: $0).key(of: date!) }
        let path = Addresses.newFile(request.kind, slug: slug, date: date!, number: number, period: period)
        return write(fields: fields, to: path, root: root)
    }

    private static func write(fields: [(String, String)], to path: String, root: URL) -> Result<String, ScaffoldFailure> {
        let url = root.appendingPathComponent(path)
        let text = "---\n" + fields.map { "\($0.0): \($0.1)" }.joined(separator: "\n") + "\n---\n在这里写正文。\n"
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // O_EXCL: an existing file is never overwritten, even one created a moment ago.
            let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                return .failure(ScaffoldFailure([errno == EEXIST ? ScaffoldError.fileExists(path: path).diagnostic
                                 : WriteError.cannotWrite(path: path, reason: String(cString: strerror(errno))).diagnostic]))
            }
            defer { close(descriptor) }
            let bytes = Array(text.utf8)
            guard Glibc.write(descriptor, bytes, bytes.count) == bytes.count else {
                return .failure(ScaffoldFailure([WriteError.cannotWrite(path: path, reason: "写入失败").diagnostic]))
            }
            return .success(path)
        } catch {
            return .failure(ScaffoldFailure([WriteError.cannotWrite(path: path, reason: error.localizedDescription).diagnostic]))
        }
    }

    private static func nonEmpty(_ slug: String) -> String { slug.isEmpty ? "entry" : String(slug.prefix(60)) }
}

#if canImport(Glibc)
import Glibc
#endif

/// The problems that kept `dangjian new` from writing its file.
public struct ScaffoldFailure: Error {
    public let diagnostics: [Diagnostic]
    init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
