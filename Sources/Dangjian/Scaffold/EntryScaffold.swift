import Foundation

/// `dangjian new`: writes a new entry file with complete front matter in the right folder, named with
/// its date and a pinyin slug; checks every value against site.yml; never overwrites a file.
public enum EntryScaffold {
    /// The written file's path relative to the site root, or the problems (nothing written then).
    public static func create(_ request: NewEntryRequest, root: URL, now: Date = Date(),
                              prompter: ScaffoldPrompter? = nil) -> Result<String, ScaffoldFailure> {
        let log = DiagnosticLog()
        let loaded = ContentLoader.load(root: root, log: DiagnosticLog())
        if loaded.siteConfig == nil { return .failure(ScaffoldFailure([LoadError.missingSiteConfig(file: "content/site.yml").diagnostic])) }
        let config = SiteConfigReader.read(loaded.siteConfig, log: DiagnosticLog())
        let title = request.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { return .failure(ScaffoldFailure([ScaffoldError.emptyTitle.diagnostic])) }
        var resolver = ValueResolver(request: request, config: config, prompter: prompter, log: log)
        let date = resolver.date(now: now)
        var fields: [(String, String)] = [("title", YAMLText.quoted(title)), ("date", date?.isoDay ?? "")]
        switch request.kind {
        case .talk:
            fields += [("speaker", resolver.text(.speaker)), ("series", resolver.choice(.series, among: config.talkSeries))]
            if let branch = resolver.optionalBranch() { fields.append(("branch", branch)) }
        case .salon:
            let issue = resolver.issue(next: nextIssue(loaded))
            fields += [("issue", issue.map(String.init) ?? ""), ("host", resolver.branch(.host)),
                       ("speakers", YAMLText.list(resolver.list("speakers"))), ("readings", "[]"), ("homework", "\"\"")]
        case .brand:
            fields += [("branch", resolver.branch(.branch)), ("category", resolver.choice(.category, among: config.brandCategories)),
                       ("slogan", YAMLText.quoted(request.values["slogan"] ?? "")), ("highlights", "[]")]
        case .page:
            break
        }
        fields.append(("tags", YAMLText.list(resolver.list("tags"))))
        if log.hasErrors { return .failure(ScaffoldFailure(log.diagnostics)) }
        let path = filePath(request, title: title, date: date!, issue: fields.first { $0.0 == "issue" }.flatMap { Int($0.1) })
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

    static func filePath(_ request: NewEntryRequest, title: String, date: EntryDate, issue: Int?) -> String {
        let slug = request.values["slug"].flatMap { Slug.isValid($0) ? $0 : nil } ?? nonEmpty(Slug.make(from: title))
        switch request.kind {
        case .talk:
            return "content/talks/\(date.year)/\(PageAddresses.twoDigits(date.month))/\(PageAddresses.twoDigits(date.day))-\(slug).md"
        case .salon: return "content/salons/\(PageAddresses.threeDigits(issue ?? 0))-\(slug).md"
        case .brand: return "content/brands/\(slug).md"
        case .page: return "content/pages/\(slug).md"
        }
    }

    private static func nonEmpty(_ slug: String) -> String { slug.isEmpty ? "entry" : String(slug.prefix(60)) }

    private static func nextIssue(_ loaded: LoadedSite) -> Int {
        let issues = loaded.entries.filter { $0.section == .salons }.compactMap { $0.frontMatter.field("issue")?.scalar.flatMap { Int($0) } }
        return (issues.max() ?? 0) + 1
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
