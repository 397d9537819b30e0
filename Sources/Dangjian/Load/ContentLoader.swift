import Foundation

/// The load stage: walks `content/`, reads and decodes every file, splits front matter.
public enum ContentLoader {
    public static let siteConfigName = "site.yml"

    /// With `cache`, files unchanged since the cache's last load are not read again.
    public static func load(root: URL, catalog: KindCatalog = .standard, log: DiagnosticLog, cache: LoadCache? = nil) -> LoadedSite {
        let content = root.appendingPathComponent("content")
        let nothing = LoadedSite(root: root, catalog: catalog, siteConfig: nil, siteConfigText: "", entries: [], assetPaths: AssetFiles())
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content.path, isDirectory: &isFolder), isFolder.boolValue else {
            log.report(LoadError.notASite(folder: root.path))
            return nothing
        }
        // A content/ that cannot be read whole is an error, never an empty site published over the good one.
        guard let listing = ContentWalker.listing(of: content, root: root, display: "content/", log: log) else { return nothing }
        let reading = Reading(content: content, root: FileTree.realPath(root.path), catalog: catalog)
        let files = listing.files
        for name in listing.undecodable {
            let folder = "content" + (name.folder.isEmpty ? "" : "/" + name.folder)
            log.report(LoadError.undecodableName(folder: folder, shown: name.shown, isFolder: name.isFolder))
        }
        let markdown = files.filter { $0.hasSuffix(".md") && $0 != siteConfigName }
        let assets = AssetFiles(paths: Set(files.filter { !$0.hasSuffix(".md") && $0 != siteConfigName }),
                                refused: listing.refused.filter { !$0.key.hasSuffix(".md") && $0.key != siteConfigName })
        reportRefusedEntries(listing, log: log)

        let results: [Result<LoadedEntry?, LoadError>]
        if let cache {
            results = markdown.parallelMap { readEntry(contentPath: $0, reading: reading, log: log, cache: cache) }
            cache.finishLoad(paths: markdown)
        } else {
            results = markdown.parallelMap { readEntry(contentPath: $0, reading: reading, log: log) }
        }
        var entries: [LoadedEntry] = []
        var unreadable = Set<String>()
        for (contentPath, result) in zip(markdown, results) {
            switch result {
            case let .success(entry?): entries.append(entry)
            case .success(nil): break
            case let .failure(error):
                log.report(error)
                unreadable.insert(contentPath)
            }
        }
        let config = readSiteConfig(reading, refusal: listing.refused[siteConfigName], log: log)
        return LoadedSite(root: root, catalog: catalog, siteConfig: config.node, siteConfigText: config.text, entries: entries,
                          assetPaths: assets, unreadable: unreadable)
    }

    /// The entry files at `contentPaths` (relative to `content/`) read again through `cache`, as a
    /// load reads them, without walking `content/`: for the preview, told by the kernel which files
    /// changed. Per file: the cache's record before and after (nil when the file cannot be examined).
    static func reread(_ contentPaths: [String], root: URL, catalog: KindCatalog,
                       cache: LoadCache) -> [(before: LoadCache.Record?, after: LoadCache.Record?)] {
        let reading = Reading(content: root.appendingPathComponent("content"), root: FileTree.realPath(root.path), catalog: catalog)
        let read = contentPaths.map { path in
            let before = cache.lastRecord(for: path)
            _ = readEntry(contentPath: path, reading: reading, log: DiagnosticLog(), cache: cache)
            return (before, cache.lastRecord(for: path).flatMap { $0.stamp == LoadCache.Stamp(path: reading.content.path + "/" + path) ? $0 : nil })
        }
        cache.finishReread()
        return read
    }

    /// `.md` names that cannot be entries: a folder, a named pipe, a link out of the root or in a loop.
    private static func reportRefusedEntries(_ listing: FileTree.Listing, log: DiagnosticLog) {
        for folder in listing.folders where folder.hasSuffix(".md") {
            log.report(LoadError.refusedFile(file: "content/" + folder, refusal: .folder))
        }
        for (path, refusal) in listing.refused.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".md") {
            log.report(LoadError.refusedFile(file: "content/" + path, refusal: refusal))
        }
    }

    /// Where entry files are read from: `content/`, never outside the site root (`root`, a real path).
    struct Reading {
        let content: URL
        let root: String?
        let catalog: KindCatalog
    }

    /// The cached read of an unchanged file (its problems reported again), or a fresh read kept for next time.
    private static func readEntry(contentPath: String, reading: Reading, log: DiagnosticLog,
                                  cache: LoadCache) -> Result<LoadedEntry?, LoadError> {
        let stamp = LoadCache.Stamp(path: reading.content.path + "/" + contentPath)
        if let record = cache.record(for: contentPath, stamp: stamp) {
            log.report(contentsOf: record.diagnostics)
            return record.result
        }
        let fileLog = DiagnosticLog()
        var result = readEntry(contentPath: contentPath, reading: reading, log: fileLog)
        if case var .success(entry?) = result {
            entry.revision = cache.newRevision()
            result = .success(entry)
        }
        cache.noteRead()
        log.report(contentsOf: fileLog.diagnostics)
        if let stamp { cache.store(.init(stamp: stamp, result: result, diagnostics: fileLog.diagnostics), for: contentPath) }
        return result
    }

    private static func readEntry(contentPath: String, reading: Reading, log: DiagnosticLog) -> Result<LoadedEntry?, LoadError> {
        let path = "content/" + contentPath
        let catalog = reading.catalog
        guard let kind = catalog.kind(ofContentPath: contentPath) else {
            // Outside every kind's folder: not published. Its fields may say where it belongs.
            let frontMatter = try? readFrontMatter(contentPath, reading: reading, log: DiagnosticLog()).get().frontMatter
            let guess = frontMatter.flatMap { KindGuess.kind(of: $0, catalog: catalog) }
            return .failure(.strayMarkdown(file: path, folders: catalog.kinds.map { $0.folder + "/" }, suggested: guess?.folder))
        }
        return readFrontMatter(contentPath, reading: reading, log: log).map { read in
            LoadedEntry(path: path, contentPath: contentPath, kind: kind, frontMatter: read.frontMatter,
                        body: read.split.body, bodyFirstLine: read.split.bodyFirstLine)
        }
    }

    /// The file's text split, and its front matter parsed into a mapping.
    private static func readFrontMatter(_ contentPath: String, reading: Reading,
                                        log: DiagnosticLog) -> Result<(split: SplitSource, frontMatter: YAMLNode), LoadError> {
        let path = "content/" + contentPath
        return readText(reading.content.appendingPathComponent(contentPath), file: path, root: reading.root, log: log)
            .flatMap { FrontMatterSplitter.split($0, file: path) }
            .flatMap { split in
                YAMLReader.parse(split.yaml, file: path, firstLine: split.yamlFirstLine).flatMap { node in
                    let frontMatter = node ?? YAMLNode(.mapping([]), location: SourceLocation(file: path, line: 1, column: 1))
                    guard frontMatter.fields != nil else { return .failure(.frontMatterNotMapping(location: frontMatter.location)) }
                    return .success((split, frontMatter))
                }
            }
    }

    /// site.yml as a mapping, and its text (later stages reuse what they made from the same text).
    /// `refusal`: why the walk did not list it although something has its name.
    private static func readSiteConfig(_ reading: Reading, refusal: FileRefusal?, log: DiagnosticLog) -> (node: YAMLNode?, text: String) {
        let path = "content/" + siteConfigName
        let url = reading.content.appendingPathComponent(siteConfigName)
        if let refusal {
            log.report(LoadError.refusedFile(file: path, refusal: refusal))
            return (nil, "")
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            log.report(LoadError.missingSiteConfig(file: path))
            return (nil, "")
        }
        let text = readText(url, file: path, root: reading.root, log: log)
        switch text.flatMap({ YAMLReader.parse($0, file: path, firstLine: 1) }) {
        case let .success(node?):
            if node.fields == nil { log.report(LoadError.frontMatterNotMapping(location: node.location)); return (nil, "") }
            return (node, (try? text.get()) ?? "")
        case .success(nil):
            log.report(LoadError.emptySiteConfig(file: path))
            return (nil, "")
        case let .failure(error):
            log.report(error)
            return (nil, "")
        }
    }

    /// The text of a file of the site: read only when it is a regular file inside `root` (a real path).
    static func readText(_ url: URL, file: String, root: String?, log: DiagnosticLog) -> Result<String, LoadError> {
        switch SafeFile.read(url.path, root: root) {
        case let .success(data): return TextDecoding.decode(data, file: file, log: log)
        case let .failure(.refused(refusal)): return .failure(.refusedFile(file: file, refusal: refusal))
        case let .failure(.system(code)): return .failure(.unreadable(file: file, reason: SystemError.reason(code)))
        }
    }
}
