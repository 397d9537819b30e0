@testable import Dangjian
import Foundation

/// The repository's sample site, loaded once (read only) through the public load stage: its
/// site.yml is the fixed configuration every fuzzed entry is read with, and one entry of each kind
/// (the shortest) stands beside the fuzzed one, so references, numbers and addresses meet others.
struct SampleSite: Sendable {
    let root: URL
    let catalog: KindCatalog
    /// site.yml as the sample has it, and the same with `unsafe_html: true` added.
    let config: YAMLNode
    let unsafeConfig: YAMLNode
    let configText: String
    let neighbours: [LoadedEntry]
    let assetPaths: Set<String>
    /// Per kind (catalog order), the folder a fuzzed entry of that kind is placed in.
    let folders: [String]

    static let shared = SampleSite.load()

    /// "Now" for every run, so future-dated entries are decided the same way each time.
    static let now = Date(timeIntervalSince1970: 1_795_392_000)  // 2026-11-23

    private static func load() -> SampleSite {
        let root = repositoryRoot()
        let catalog = KindCatalog.standard
        let log = DiagnosticLog()
        let loaded = ContentLoader.load(root: root, catalog: catalog, log: log)
        guard let config = loaded.siteConfig, let fields = config.fields, !loaded.entries.isEmpty else {
            fatalError("dangjian-fuzz: no sample site under \(root.path)/content (set DANGJIAN_ROOT)")
        }
        let location = SourceLocation(file: "content/site.yml", line: 1, column: 1)
        let unsafe = YAMLField(key: "unsafe_html", keyLocation: location, value: YAMLNode(.scalar("true", quoted: false), location: location))
        let unsafeConfig = YAMLNode(.mapping(fields.filter { $0.key != "unsafe_html" } + [unsafe]), location: config.location)
        let byKind = Dictionary(grouping: loaded.entries, by: { $0.kind.id })
        let neighbours = catalog.kinds.compactMap { kind in byKind[kind.id]?.min { $0.body.utf8.count < $1.body.utf8.count } }
        let folders = catalog.kinds.map { kind in
            byKind[kind.id]?.map(\.contentFolder).min() ?? kind.folder
        }
        return SampleSite(root: root, catalog: catalog, config: config, unsafeConfig: unsafeConfig,
                          configText: loaded.siteConfigText, neighbours: neighbours, assetPaths: loaded.assetPaths, folders: folders)
    }

    /// `DANGJIAN_ROOT` (set by scripts/fuzz), else the repository this file was built from.
    private static func repositoryRoot() -> URL {
        if let root = ProcessInfo.processInfo.environment["DANGJIAN_ROOT"] { return URL(fileURLWithPath: root) }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
