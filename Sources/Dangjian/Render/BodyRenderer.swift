/// An entry's body, converted: HTML with links rewritten, plain text, what it links to and uses.
public struct EntryBody: Sendable {
    /// The HTML, its links written from the site root through `SitePath.rootMarker`; each page
    /// that shows it resolves the marker for its own depth.
    public var markedHTML: String { storage.markedHTML }
    /// The text without markup, read by the search index; empty once a build has made its index
    /// (`LinkedSite.releasePlainTexts`).
    public var plainText: String { storage.plainText }
    /// Han characters and Latin words of the text (`TextStatistics`), counted when the body is converted.
    public var characterCount: Int { storage.characterCount }
    /// Source paths (relative to the site root) of the entries this body links to, in order, without repeats.
    public var references: [String] { storage.references }
    public var assets: [AssetPlacement] { storage.assets }
    /// The summaries of the text's opening (without headings and code), about 120 characters and
    /// `Summary.cardLength`: made when the body is converted, for entries without a `summary:` of
    /// their own (empty for them), so the opening itself is not held until the cards are made.
    public var summaries: BodySummaries { storage.summaries }
    /// Headings of levels 2–4 with the anchors their elements carry (for the table of contents).
    public var headings: [MarkdownHeading] { storage.headings }
    /// The pictures the body shows (`![](…)`), with their lines, for their web versions.
    public var pictures: [BodyPicture] { storage.pictures }
    /// Poster frames to write beside videos: source is the video's, destination the poster's.
    public var posters: [AssetPlacement] { storage.posters }

    /// The fields, in one box that copies of the body share (every pass over the bodies copies them).
    private let storage: Storage

    init(markedHTML: String, plainText: String, references: [String], assets: [AssetPlacement], summaries: BodySummaries = BodySummaries(),
         headings: [MarkdownHeading] = [], pictures: [BodyPicture] = [], posters: [AssetPlacement] = []) {
        storage = Storage(markedHTML: markedHTML, plainText: plainText, references: references, assets: assets,
                          summaries: summaries, headings: headings, pictures: pictures, posters: posters)
    }

    /// Forgets the plain text, the largest part of a body after its HTML, once nothing will read it.
    func releasePlainText() { storage.releasePlainText() }

    /// Read-only but for `releasePlainText`, which a build calls between its phases, when no other thread reads the body.
    private final class Storage: @unchecked Sendable {
        let markedHTML: String
        private(set) var plainText: String
        let characterCount: Int
        let references: [String]
        let assets: [AssetPlacement]
        let summaries: BodySummaries
        let headings: [MarkdownHeading]
        let pictures: [BodyPicture]
        let posters: [AssetPlacement]

        init(markedHTML: String, plainText: String, references: [String], assets: [AssetPlacement], summaries: BodySummaries,
             headings: [MarkdownHeading], pictures: [BodyPicture], posters: [AssetPlacement]) {
            self.markedHTML = markedHTML
            self.plainText = plainText
            characterCount = TextStatistics(plainText).characters
            self.references = references
            self.assets = assets
            self.summaries = summaries
            self.headings = headings
            self.pictures = pictures
            self.posters = posters
        }

        func releasePlainText() { plainText = "" }
    }
}

/// A body's summaries for cards and the feed (`Summary`).
public struct BodySummaries: Sendable {
    /// About 120 characters.
    public let long: String
    /// About `Summary.cardLength` characters.
    public let short: String

    init() { (long, short) = ("", "") }

    init(excerpt: String) {
        // Both are cut from one prose text, made once.
        let made = Summary.make(from: excerpt, lengths: [Summary.longest, Summary.cardLength])
        (long, short) = (made[0], made[1])
    }
}

/// Converts every entry's Markdown body, in parallel, rewriting cross-references and pictures.
enum BodyRenderer {
    /// With `cache`, a body is converted again only when its file, its page's address, its cover or
    /// an answer its links got from the rest of the site changed.
    static func render(_ model: SiteModel, log: DiagnosticLog, cache: LinkCache? = nil, videos: VideoShelf) -> [EntryBody] {
        let site = BodySite(model, videos: videos)
        guard let cache else {
            // Without a cache (a build, a check, an export) no body is converted twice, and nothing
            // after linking reads the Markdown: each source is let go once converted, so the sources
            // of 100,000 entries (390 MB) are not held beside their HTML and plain texts.
            return model.entries.parallelMap { entry in
                let (body, problems, _) = convert(entry, in: site)
                problems.forEach { log.report($0) }
                entry.releaseBody()
                return body
            }
        }
        cache.begin(unsafeHTML: site.unsafeHTML, pinyin: site.pinyin)
        let bodies = model.entries.parallelMap { entry in
            if let reused = cache.body(for: entry, in: site, log: log) { return reused }
            let (body, problems, lookups) = convert(entry, in: site)
            problems.forEach { log.report($0) }
            cache.store(body, problems: problems, lookups: lookups, for: entry)
            return body
        }
        cache.finish(paths: model.entries.map(\.path))
        return bodies
    }

    /// One entry's body, converted against the rest of the site (also the preview's, after an edit
    /// of one text): the body, its problems and the answers its links got from the site.
    static func convert(_ entry: Entry, in site: BodySite) -> (EntryBody, [Diagnostic], [LinkLookup]) {
        var rewriter = LinkRewriter(entry: entry, site: site)
        let rendered = Markdown.render(entry.body, allowRawHTML: site.unsafeHTML, anchor: { Slug.make(from: $0, pinyin: site.pinyin) }) {
            rewriter.decide($0)
        }
        var seen = Set<String>()
        let references = rewriter.references.filter { $0 != entry.path && seen.insert($0).inserted }
        var assets = rewriter.assets
        if let cover = entry.cover { assets.append(AssetPlacement.beside(entry, source: cover)) }
        for case let .asset(path)? in entry.values { assets.append(AssetPlacement.beside(entry, source: path)) }
        var posters = rewriter.posters
        if let field = entry.kind.field(with: .video), case let .asset(path)? = entry.value(field.name),
           case .success(let video)? = Optional(site.videos.check(path)), video.poster != nil {
            posters.append(VideoPlayer.posterPlacement(for: AssetPlacement.beside(entry, source: path)))
        }
        let summaries = entry.summary == nil ? BodySummaries(excerpt: rendered.excerpt) : BodySummaries()
        let body = EntryBody(markedHTML: rendered.html, plainText: rendered.plainText, references: references,
                             assets: Array(Set(assets)).sorted { $0.destination < $1.destination }, summaries: summaries,
                             headings: rendered.headings, pictures: rewriter.pictures,
                             posters: Array(Set(posters)).sorted { $0.destination < $1.destination })
        let footnotes = zip(rendered.footnoteProblems, FootnoteError.locate(rendered.footnoteProblems, in: entry))
            .map { problem, location -> Diagnostic in
                (problem.kind == .undefined ? FootnoteError.undefined(location: location, label: problem.label)
                 : FootnoteError.unused(location: location, label: problem.label)).diagnostic
            }
        return (body, rewriter.problems.map(\.diagnostic) + rewriter.videoProblems + footnotes + PasteWarning.diagnostics(for: entry), rewriter.lookups)
    }
}

/// What converting a body needs to know of the rest of the site.
struct BodySite: Sendable {
    /// Published entries by source path relative to `content/`.
    let pages: [String: Entry]
    let unpublished: Set<String>
    /// Entry files left out for an error reported at them (relative to `content/`).
    let refused: Set<String>
    let assetPaths: AssetFiles
    let unsafeHTML: Bool
    let pinyin: PinyinWords
    let videos: VideoShelf

    init(_ model: SiteModel, videos: VideoShelf) {
        var pages: [String: Entry] = [:]
        pages.reserveCapacity(model.entries.count)
        for entry in model.entries { pages[entry.contentPath] = entry }
        self.pages = pages
        (unpublished, refused, assetPaths) = (model.unpublished, model.refused, model.assetPaths)
        (unsafeHTML, pinyin, self.videos) = (model.config.unsafeHTML, model.config.pinyin, videos)
    }
}
