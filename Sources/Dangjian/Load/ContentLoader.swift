import Foundation

/// The load stage: walks `content/`, reads and decodes every file, splits front matter.
public enum ContentLoader {
    public static let siteConfigName = "site.yml"

    /// With `cache`, files unchanged since the cache's last load are not read again.
    public static func load(root: URL, catalog: KindCatalog = .standard, log: DiagnosticLog, cache: LoadCache? = nil) -> LoadedSite {
        let content = root.appendingPathComponent("content")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content.path, isDirectory: &isFolder), isFolder.boolValue else {
            log.report(LoadError.notASite(folder: root.path))
            return LoadedSite(root: root, catalog: catalog, siteConfig: nil, siteConfigText: "", entries: [], assetPaths: [])
        }
        let files = ContentWalker.files(in: content, root: root) { name in
            let folder = "content" + (name.folder.isEmpty ? "" : "/" + name.folder)
            log.report(LoadError.undecodableName(folder: folder, shown: name.shown, isFolder: name.isFolder))
        }
        let markdown = files.filter { $0.hasSuffix(".md") && $0 != siteConfigName }
        let assets = Set(files.filter { !$0.hasSuffix(".md") && $0 != siteConfigName })

        let results: [Result<LoadedEntry?, LoadError>]
        if let cache {
            results = markdown.parallelMap { readEntry(contentPath: $0, content: content, catalog: catalog, log: log, cache: cache) }
            cache.finishLoad(paths: markdown)
        } else {
            results = markdown.parallelMap { readEntry(contentPath: $0, content: content, catalog: catalog, log: log) }
        }
        var entries: [LoadedEntry] = []
        for result in results {
            switch result {
            case let .success(entry?): entries.append(entry)
            case .success(nil): break
            case let .failure(error): log.report(error)
            }
        }
        let config = readSiteConfig(content: content, log: log)
        return LoadedSite(root: root, catalog: catalog, siteConfig: config.node, siteConfigText: config.text, entries: entries, assetPaths: assets)
    }

    /// The cached read of an unchanged file (its problems reported again), or a fresh read kept for next time.
    private static func readEntry(contentPath: String, content: URL, catalog: KindCatalog, log: DiagnosticLog,
                                  cache: LoadCache) -> Result<LoadedEntry?, LoadError> {
        let stamp = LoadCache.Stamp(path: content.path + "/" + contentPath)
        if let record = cache.record(for: contentPath, stamp: stamp) {
            log.report(contentsOf: record.diagnostics)
            return record.result
        }
        let fileLog = DiagnosticLog()
        var result = readEntry(contentPath: contentPath, content: content, catalog: catalog, log: fileLog)
        if case var .success(entry?) = result {
            entry.revision = cache.newRevision()
            result = .success(entry)
        }
        cache.noteRead()
        log.report(contentsOf: fileLog.diagnostics)
        if let stamp { cache.store(.init(stamp: stamp, result: result, diagnostics: fileLog.diagnostics), for: contentPath) }
        return result
    }

    private static func readEntry(contentPath: String, content: URL, catalog: KindCatalog,
                                  log: DiagnosticLog) -> Result<LoadedEntry?, LoadError> {
        let path = "content/" + contentPath
        guard let kind = catalog.kind(ofContentPath: contentPath) else {
            // Outside every kind's folder: not published. Its fields may say where it belongs.
            let frontMatter = try? readFrontMatter(contentPath, content: content, log: DiagnosticLog()).get().frontMatter
            let guess = frontMatter.flatMap { KindGuess.kind(of: $0, catalog: catalog) }
            return .failure(.strayMarkdown(file: path, folders: catalog.kinds.map { $0.folder + "/" }, suggested: guess?.folder))
        }
        return readFrontMatter(contentPath, content: content, log: log).map { read in
            LoadedEntry(path: path, contentPath: contentPath, kind: kind, frontMatter: read.frontMatter,
                        body: read.split.body, bodyFirstLine: read.split.bodyFirstLine)
        }
    }

    /// The file's text split, and its front matter parsed into a mapping.
    private static func readFrontMatter(_ contentPath: String, content: URL,
                                        log: DiagnosticLog) -> Result<(split: SplitSource, frontMatter: YAMLNode), LoadError> {
        let path = "content/" + contentPath
        return readText(content.appendingPathComponent(contentPath), file: path, log: log)
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
    private static func readSiteConfig(content: URL, log: DiagnosticLog) -> (node: YAMLNode?, text: String) {
        let path = "content/" + siteConfigName
        let url = content.appendingPathComponent(siteConfigName)
        guard FileManager.default.fileExists(atPath: url.path) else {
            log.report(LoadError.missingSiteConfig(file: path))
            return (nil, "")
        }
        let text = readText(url, file: path, log: log)
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

    static func readText(_ url: URL, file: String, log: DiagnosticLog) -> Result<String, LoadError> {
        do {
            let data = try Data(contentsOf: url)
            return TextDecoding.decode(data, file: file, log: log)
        } catch {
            return .failure(.unreadable(file: file, reason: (error as NSError).localizedDescription))
        }
    }
}
