import Foundation

/// How a run makes web versions: a build keeps them in a cache folder beside its output; a build
/// in memory (tests, the preview) keeps them in memory; `check` only reads each picture's header.
enum PictureWork {
    case cached(PictureCache)
    case memory
    case headersOnly
}

/// The picture step, between link and render: every picture a page shows (covers, body pictures,
/// gallery photos, picture fields such as a certificate) gets its web versions, made in parallel on
/// all cores (one libvips thread each), read from the cache when the original has not changed.
/// A picture that cannot be made is an error at each line naming it; the others are made all the same.
enum PictureStep {
    static func run(_ site: LinkedSite, work: PictureWork, log: DiagnosticLog) -> PictureSet {
        let uses = self.uses(site)
        let sources = uses.keys.sorted()
        let root = site.model.root
        let maker = PictureMaker(rootReal: FileTree.realPath(root.path), content: root.appendingPathComponent("content"),
                                 cache: cacheFor(work))
        if case .headersOnly = work {
            let problems = sources.parallelMap { checkHeader($0, maker: maker) }
            for (source, problem) in zip(sources, problems) { report(problem, for: source, at: uses[source]!, log: log) }
            return PictureSet()
        }
        let made = sources.parallelMap { maker.make($0) }
        var pictures: [String: ProcessedPicture] = [:]
        for (source, result) in zip(sources, made) {
            switch result {
            case let .success(picture):
                pictures[source] = picture
                warn(picture.header, for: source, at: uses[source]!, log: log)
            case let .failure(problem): report(problem, for: source, at: uses[source]!, log: log)
            }
        }
        return PictureSet(pictures)
    }

    private static func cacheFor(_ work: PictureWork) -> PictureCache? {
        guard case let .cached(cache) = work, cache.prepare() else { return nil }
        return cache
    }

    /// Each picture a page shows, with every place naming it (sorted, without repeats).
    static func uses(_ site: LinkedSite) -> [String: [SourceLocation]] {
        var found: [String: Set<SourceLocation>] = [:]
        for (entry, body) in zip(site.entries, site.bodies) {
            for picture in body.pictures where PictureRecipe.isProcessed(picture.source) {
                found[picture.source, default: []].insert(SourceLocation(file: entry.path, line: picture.line, column: 1))
            }
            if let cover = entry.cover, PictureRecipe.isProcessed(cover) {
                found[cover, default: []].insert(entry.fieldLocations["cover"] ?? SourceLocation(file: entry.path))
            }
            for photo in entry.photos { found[photo.source, default: []].insert(photo.location) }
            for (field, value) in zip(entry.kind.fields, entry.values) {
                if case let .asset(path)? = value, PictureRecipe.isProcessed(path) {
                    found[path, default: []].insert(entry.fieldLocations[field.name] ?? SourceLocation(file: entry.path))
                }
            }
        }
        return found.mapValues { $0.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) } }
    }

    private static func checkHeader(_ source: String, maker: PictureMaker) -> PictureProblem? {
        let path = maker.content.appendingPathComponent(source).path
        guard case let .success(data) = SafeFile.read(path, root: maker.rootReal) else { return .unreadableFile }
        switch PictureLibrary.header(data) {
        case let .success(header): return header.pixels > PictureRecipe.maxPixels ? .tooLarge(header.width, header.height) : nil
        case .failure(.notPicture): return .notPicture(ImageSniff.describe(data))
        case let .failure(.unreadable(reason)), let .failure(.library(reason)): return .corrupt(reason)
        }
    }

    private static func report(_ problem: PictureProblem?, for source: String, at places: [SourceLocation], log: DiagnosticLog) {
        guard let problem else { return }
        let shown = "content/" + source
        for place in places {
            switch problem {
            case .unreadableFile: log.report(MediaError.pictureUnreadable(location: place, path: shown))
            case let .notPicture(looks): log.report(MediaError.notPicture(location: place, path: shown, looksLike: looks))
            case let .corrupt(reason): log.report(MediaError.pictureCorrupt(location: place, path: shown, reason: reason))
            case let .tooLarge(width, height):
                log.report(MediaError.pictureTooLarge(location: place, path: shown, width: width, height: height))
            }
        }
    }

    private static func warn(_ header: PictureHeaderInfo, for source: String, at places: [SourceLocation], log: DiagnosticLog) {
        let shown = "content/" + source
        for place in places {
            if header.width * header.height > PictureRecipe.warnPixels {
                log.report(MediaError.pictureHuge(location: place, path: shown, width: header.width, height: header.height))
            }
            if header.format == "HEIC" { log.report(MediaError.heicConverted(location: place, path: shown)) }
        }
    }
}
