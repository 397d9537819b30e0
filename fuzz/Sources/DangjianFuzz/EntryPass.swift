@testable import Dangjian
import Foundation

/// One entry file through every stage `check` runs and what `build` makes of a body, in memory:
/// decoding, front-matter splitting, YAML, the entry model (site.yml's vocabularies, references,
/// numbers, addresses), body rendering with links, footnotes and the CJK passes, paste warnings,
/// cards and summaries, search tokens, `tidy`'s fixes, and the diagnostics as printed.
enum EntryPass {
    @discardableResult
    static func run(_ input: FuzzInput) -> Bool {
        let sample = SampleSite.shared
        let kind = sample.catalog.kinds[input.kindIndex % sample.catalog.kinds.count]
        let folder = sample.folders[input.kindIndex % sample.catalog.kinds.count]
        let contentPath = folder + "/09-fuzz.md"
        let path = "content/" + contentPath
        let log = DiagnosticLog()
        defer { Printing.consume(log) }

        guard case let .success(text) = TextDecoding.decode(input.bytes, file: path, log: log) else { return true }
        TidyPass.run(text)
        guard case let .success(split) = FrontMatterSplitter.split(text, file: path) else { return true }
        if let skipped = KnownProblems.skipReason(yaml: split.yaml) {
            KnownProblems.note(skipped)
            return false
        }
        guard case let .success(node) = YAMLReader.parse(split.yaml, file: path, firstLine: split.yamlFirstLine) else { return true }
        let frontMatter = node ?? YAMLNode(.mapping([]), location: SourceLocation(file: path, line: 1, column: 1))
        guard frontMatter.fields != nil else { return true }
        let entry = LoadedEntry(path: path, contentPath: contentPath, kind: kind, frontMatter: frontMatter,
                                body: split.body, bodyFirstLine: split.bodyFirstLine)
        let others = input.withNeighbours ? sample.neighbours.filter { $0.contentPath != contentPath } : []
        let loaded = LoadedSite(root: sample.root, catalog: sample.catalog,
                                siteConfig: input.unsafeHTML ? sample.unsafeConfig : sample.config,
                                siteConfigText: sample.configText, entries: others + [entry], assetPaths: sample.assetPaths)
        SitePass.modelAndLink(loaded, log: log)
        return true
    }
}

/// site.yml through its reading, then the sample's entries read and linked with it.
enum SitePass {
    @discardableResult
    static func run(_ input: FuzzInput) -> Bool {
        let sample = SampleSite.shared
        let path = "content/site.yml"
        let log = DiagnosticLog()
        defer { Printing.consume(log) }
        guard case let .success(text) = TextDecoding.decode(input.bytes, file: path, log: log) else { return true }
        if let skipped = KnownProblems.skipReason(yaml: text) {
            KnownProblems.note(skipped)
            return false
        }
        guard case let .success(node?) = YAMLReader.parse(text, file: path, firstLine: 1), node.fields != nil else { return true }
        let loaded = LoadedSite(root: sample.root, catalog: sample.catalog, siteConfig: node, siteConfigText: text,
                                entries: input.withNeighbours ? sample.neighbours : Array(sample.neighbours.prefix(1)),
                                assetPaths: sample.assetPaths)
        modelAndLink(loaded, log: log)
        return true
    }

    /// The model and link stages as a build runs them, then what pages make of each entry.
    static func modelAndLink(_ loaded: LoadedSite, log: DiagnosticLog) {
        let model = ContentModel.build(loaded, options: BuildOptions(includeDrafts: true, includeFuture: true, now: SampleSite.now),
                                       log: log)
        let linked = SiteLinker.link(model, log: log)
        let cards = CardMaker(linked)
        for index in linked.entries.indices {
            _ = cards.card(index)  // its summary too, unless front matter gives one
            let body = linked.bodies[index]
            if linked.entries[index].summary != nil { _ = Summary.make(from: body.excerpt) }
            _ = SitePath.resolvingRootMarkers(in: body.markedHTML, forPage: linked.entries[index].url)
            var tokens = 0
            SearchTokenizer.tokens(linked.entries[index].title + "\n" + body.plainText) { _ in tokens += 1 }
        }
    }
}

/// `dangjian tidy` on the file's text, in memory: the paste scan and its fixes.
enum TidyPass {
    static func run(_ text: String) {
        guard let split = FrontMatterSplit(text) else { return }
        let findings = PasteArtefacts.scan(split.body)
        let (fixed, applied) = TidyFixes.apply(findings.filter { $0.fix != nil }, to: split.body)
        for finding in applied { _ = TidyFixes.describe(finding) }
        _ = PasteArtefacts.scan(fixed)
    }
}

/// Every diagnostic formatted as `check` prints it and as `--json` writes it.
enum Printing {
    static func consume(_ log: DiagnosticLog) {
        let diagnostics = log.diagnostics
        for diagnostic in diagnostics { _ = DiagnosticFormatter.compilerStyle(diagnostic) }
        _ = DiagnosticFormatter.summary(diagnostics)
        _ = DiagnosticFormatter.json(diagnostics)
    }
}
