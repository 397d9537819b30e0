import Foundation

/// Entries read by an earlier model stage, kept for the next one: an entry file read again only
/// when its load revision changed, or when site.yml or the set of pictures and attachments did
/// (what `EntryReader` checks fields against). Its problems are reported again as they were.
public final class EntryReadCache: @unchecked Sendable {
    struct Record {
        let revision: Int
        let entry: Entry?
        let diagnostics: [Diagnostic]
    }

    private let lock = NSLock()
    private var records: [String: Record] = [:]
    private var configText: String?
    private var assetPaths = AssetFiles()

    public init() {}

    /// Starts a model stage: everything is forgotten when site.yml or the asset files changed.
    func begin(configText: String, assetPaths: AssetFiles) {
        lock.withLock {
            if configText != self.configText || assetPaths != self.assetPaths { records = [:] }
            self.configText = configText
            self.assetPaths = assetPaths
        }
    }

    /// The entry read from `loaded` with `config`, reusing the last read of the same revision.
    func read(_ loaded: LoadedEntry, config: SiteConfig, catalog: KindCatalog, assetPaths: AssetFiles, contentFolder: URL? = nil,
              log: DiagnosticLog) -> Entry? {
        // A cover found not to be a picture is looked at again: the picture may have been replaced under the same name.
        if loaded.revision != 0, let record = lock.withLock({ records[loaded.contentPath] }), record.revision == loaded.revision,
           !record.diagnostics.contains(where: { $0.code == "cover-not-picture" }) {
            log.report(contentsOf: record.diagnostics)
            return record.entry
        }
        let entryLog = DiagnosticLog()
        let entry = EntryReader(config: config, catalog: catalog, assetPaths: assetPaths, log: entryLog, contentFolder: contentFolder).read(loaded)
        let diagnostics = entryLog.diagnostics
        log.report(contentsOf: diagnostics)
        lock.withLock { records[loaded.contentPath] = Record(revision: loaded.revision, entry: entry, diagnostics: diagnostics) }
        return entry
    }

    func finish(paths: [String]) {
        let kept = Set(paths)
        lock.withLock { records = records.filter { kept.contains($0.key) } }
    }
}
