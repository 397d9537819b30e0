import Foundation

/// A Markdown entry file as read from disk: front matter parsed, body untouched.
public struct LoadedEntry: Sendable {
    /// Path relative to the site root (`content/talks/2026/09/08-a.md`).
    public let path: String
    /// Path relative to `content/` (`talks/2026/09/08-a.md`).
    public let contentPath: String
    /// The kind its folder holds.
    public let kind: EntryKind
    public let frontMatter: YAMLNode
    public let body: String
    public let bodyFirstLine: Int
    /// Which read of the file this is (with a `LoadCache`; else 0): unchanged while the file is.
    public internal(set) var revision = 0

    /// The folder of the file relative to `content/` (`talks/2026/09`).
    var contentFolder: String {
        guard let slash = contentPath.lastIndex(of: "/") else { return "" }
        return String(contentPath[..<slash])
    }
}

/// Everything the load stage read: site.yml, the entries and the names of all other files.
public struct LoadedSite: Sendable {
    public let root: URL
    /// The kinds of entry the site was read with.
    public let catalog: KindCatalog
    public let siteConfig: YAMLNode?
    /// The text of site.yml ("" when it is missing or unusable).
    public let siteConfigText: String
    public let entries: [LoadedEntry]
    /// Non-Markdown files under `content/` (pictures, attachments), relative to `content/`.
    public let assetPaths: AssetFiles
    /// Entry files that could not be read (an error was reported at each), relative to `content/`.
    public var unreadable: Set<String> = []
}

/// The pictures and attachments under `content/` (paths relative to it): those that may be copied
/// into the site, and names that are there but refused (a link out of the root, a link loop, a
/// named pipe), so that an entry using one is told why instead of “not found”.
public struct AssetFiles: Sendable, Equatable {
    public let paths: Set<String>
    public let refused: [String: FileRefusal]

    public init(paths: Set<String> = [], refused: [String: FileRefusal] = [:]) {
        self.paths = paths
        self.refused = refused
    }

    public func contains(_ path: String) -> Bool { paths.contains(path) }

    /// Why the file at `path` may not be used; nil when it may, or when there is none.
    public func refusal(of path: String) -> FileRefusal? { refused[path] }
}
