/// An entry's body, converted: HTML with links rewritten, plain text, what it links to and uses.
public struct EntryBody: Sendable {
    /// The HTML, its links written from the site root through `SitePath.rootMarker`; each page
    /// that shows it resolves the marker for its own depth.
    public let markedHTML: String

    public let plainText: String
    /// Source paths (relative to the site root) of the entries this body links to, in order, without repeats.
    public let references: [String]
    public let assets: [AssetPlacement]
    /// Headings of levels 2–4 with the anchors their elements carry (for the table of contents).
    public var headings: [MarkdownHeading] = []
}

/// Converts every entry's Markdown body, in parallel, rewriting cross-references and pictures.
enum BodyRenderer {
    static func render(_ model: SiteModel, log: DiagnosticLog) -> [EntryBody] {
        var pages: [String: Entry] = [:]
        for entry in model.entries { pages[entry.contentPath] = entry }
        let shared = (pages, model.unpublished, model.assetPaths, model.config.unsafeHTML, model.config.pinyin)
        return model.entries.parallelMap { entry in
            var rewriter = LinkRewriter(entry: entry, pages: shared.0, unpublished: shared.1, assetPaths: shared.2)
            let rendered = Markdown.render(entry.body, allowRawHTML: shared.3, anchor: { Slug.make(from: $0, pinyin: shared.4) }) {
                rewriter.decide($0)
            }
            rewriter.problems.forEach { log.report($0) }
            var seen = Set<String>()
            let references = rewriter.references.filter { $0 != entry.path && seen.insert($0).inserted }
            var assets = rewriter.assets
            if let cover = entry.cover { assets.append(AssetPlacement.beside(entry, source: cover)) }
            return EntryBody(markedHTML: rendered.html, plainText: rendered.plainText, references: references,
                             assets: Array(Set(assets)).sorted { $0.destination < $1.destination }, headings: rendered.headings)
        }
    }
}
