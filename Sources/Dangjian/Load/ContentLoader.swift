import Foundation

/// The load stage: walks `content/`, reads and decodes every file, splits front matter.
public enum ContentLoader {
    public static let siteConfigName = "site.yml"

    public static func load(root: URL, log: DiagnosticLog) -> LoadedSite {
        let content = root.appendingPathComponent("content")
        let files = ContentWalker.files(in: content, root: root)
        let markdown = files.filter { $0.hasSuffix(".md") && $0 != siteConfigName }
        let assets = Set(files.filter { !$0.hasSuffix(".md") && $0 != siteConfigName })

        let results = markdown.parallelMap { contentPath in
            readEntry(contentPath: contentPath, content: content, log: log)
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
        return LoadedSite(root: root, siteConfig: config, entries: entries, assetPaths: assets)
    }

    private static func readEntry(contentPath: String, content: URL, log: DiagnosticLog) -> Result<LoadedEntry?, LoadError> {
        let path = "content/" + contentPath
        guard let section = ContentSection.of(contentPath: contentPath) else {
            return .failure(.strayMarkdown(file: path))
        }
        let text: String
        switch readText(content.appendingPathComponent(contentPath), file: path, log: log) {
        case let .success(value): text = value
        case let .failure(error): return .failure(error)
        }
        let split: SplitSource
        switch FrontMatterSplitter.split(text, file: path) {
        case let .success(value): split = value
        case let .failure(error): return .failure(error)
        }
        switch YAMLReader.parse(split.yaml, file: path, firstLine: split.yamlFirstLine) {
        case let .failure(error):
            return .failure(error)
        case let .success(node):
            let frontMatter = node ?? YAMLNode(.mapping([]), location: SourceLocation(file: path, line: 1, column: 1))
            guard frontMatter.fields != nil else {
                return .failure(.frontMatterNotMapping(location: frontMatter.location))
            }
            return .success(LoadedEntry(path: path, contentPath: contentPath, section: section,
                                        frontMatter: frontMatter, body: split.body, bodyFirstLine: split.bodyFirstLine))
        }
    }

    private static func readSiteConfig(content: URL, log: DiagnosticLog) -> YAMLNode? {
        let path = "content/" + siteConfigName
        let url = content.appendingPathComponent(siteConfigName)
        guard FileManager.default.fileExists(atPath: url.path) else {
            log.report(LoadError.missingSiteConfig(file: path))
            return nil
        }
        switch readText(url, file: path, log: log).flatMap({ YAMLReader.parse($0, file: path, firstLine: 1) }) {
        case let .success(node?):
            if node.fields == nil { log.report(LoadError.frontMatterNotMapping(location: node.location)); return nil }
            return node
        case .success(nil):
            log.report(LoadError.emptyFile(file: path))
            return nil
        case let .failure(error):
            log.report(error)
            return nil
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
