import Foundation

/// What an earlier link stage made, kept for the next one (the preview server's rebuilds).
///
/// - A body is reused while its file's load revision, its page's address and cover, and every
///   answer its links got from the rest of the site (another entry's address, a picture's
///   existence) are the same; its problems are reported again as they were.
/// - The related entries of all entries are reused while every entry's path, date and tags are
///   the same (editing a body changes none of them).
public final class LinkCache: @unchecked Sendable {
    struct Record {
        let revision: Int
        let url: String
        let cover: String?
        let lookups: [LinkLookup]
        let body: EntryBody
        let diagnostics: [Diagnostic]
    }

    private let lock = NSLock()
    private var records: [String: Record] = [:]
    private var settings: (unsafeHTML: Bool, pinyin: PinyinWords)?
    public private(set) var lastConverted = 0
    private var converted = 0
    private var related: (key: [RelatedKey], value: [[Int]])?

    struct RelatedKey: Equatable {
        let path: String
        let date: EntryDate
        let tags: [String]
    }

    public init() {}

    /// Starts a link stage: everything is forgotten when the settings every body depends on changed.
    func begin(unsafeHTML: Bool, pinyin: PinyinWords) {
        lock.withLock {
            if let settings, settings.unsafeHTML == unsafeHTML, settings.pinyin == pinyin {} else { records = [:] }
            settings = (unsafeHTML, pinyin)
            converted = 0
        }
    }

    func body(for entry: Entry, in site: BodySite, log: DiagnosticLog) -> EntryBody? {
        guard entry.revision != 0, let record = lock.withLock({ records[entry.path] }),
              record.revision == entry.revision, record.url == entry.url, record.cover == entry.cover,
              record.lookups.allSatisfy({ $0.asked(of: site) == $0 })
        else { return nil }
        log.report(contentsOf: record.diagnostics)
        return record.body
    }

    func store(_ body: EntryBody, problems: [Diagnostic], lookups: [LinkLookup], for entry: Entry) {
        lock.withLock {
            records[entry.path] = Record(revision: entry.revision, url: entry.url, cover: entry.cover, lookups: lookups,
                                         body: body, diagnostics: problems)
            converted += 1
        }
    }

    /// The problems the body of the entry at `path` had when it was converted from the read `revision`.
    func problems(of path: String, revision: Int) -> [Diagnostic]? {
        lock.withLock { records[path].flatMap { $0.revision == revision ? $0.diagnostics : nil } }
    }

    /// Ends a rebuild that converted only the bodies it stored (the preview's edit of one text).
    func finishEdit() {
        lock.withLock { lastConverted = converted }
    }

    func finish(paths: [String]) {
        let kept = Set(paths)
        lock.withLock {
            records = records.filter { kept.contains($0.key) }
            lastConverted = converted
        }
    }

    /// The related entries of `entries`, computed again only when a path, date or tag changed.
    func related(_ entries: [Entry], compute: () -> [[Int]]) -> [[Int]] {
        let key = entries.map { RelatedKey(path: $0.path, date: $0.date, tags: $0.tags) }
        if let related = lock.withLock({ related }), related.key == key { return related.value }
        let value = compute()
        lock.withLock { related = (key, value) }
        return value
    }
}
