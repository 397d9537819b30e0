/// A file of `content/` to copy next to the page that uses it.
public struct AssetPlacement: Sendable, Hashable {
    /// Source, relative to `content/`.
    public let source: String
    /// Destination, relative to the site root.
    public let destination: String
}

/// Decides what each link and picture of one entry's body points to: another entry's page, a
/// copied picture or attachment, an outside address, or nothing (unsafe or missing).
struct LinkRewriter {
    let entry: Entry
    let site: BodySite

    private(set) var references: [String] = []
    private(set) var assets: [AssetPlacement] = []
    /// Poster frames of the videos the body plays: source is the video's, destination the poster's.
    private(set) var posters: [AssetPlacement] = []
    private(set) var problems: [LinkError] = []
    /// Problems of videos in the body (`Media/VideoError`).
    fileprivate(set) var videoProblems: [Diagnostic] = []
    /// Every answer taken from the site's other files: the same answers give the same body.
    private(set) var lookups: [LinkLookup] = []
    /// The pictures shown (`![](…)`) that were found, in order.
    private(set) var pictures: [BodyPicture] = []

    init(entry: Entry, site: BodySite) {
        self.entry = entry
        self.site = site
    }

    mutating func decide(_ link: MarkdownLink) -> LinkDecision {
        let location = LazyLocation { [entry] in Self.locate(link, in: entry) }
        let destination = link.destination.trimmingCharacters(in: .whitespaces)
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("?") { return .keep }
        if let scheme = SitePath.scheme(of: destination) {
            if ["javascript", "vbscript", "data", "file"].contains(scheme) && !(scheme == "data" && link.isImage) {
                problems.append(.unsafeLink(location: location.value, url: destination))
                return .unlink
            }
            return .keep
        }
        if destination.hasPrefix("/") {
            problems.append(.rootRelative(location: location.value, url: destination))
            return .keep
        }
        let (path, fragment) = SitePath.splitFragment(destination)
        let decoded = path.removingPercentEncoding ?? path
        guard let resolved = ContentPath.resolve(decoded, from: entry.contentFolder) else {
            problems.append(.outsideContent(location: location.value, path: destination))
            return .unlink
        }
        if resolved.hasSuffix(".md") { return entryLink(resolved, fragment: fragment, written: destination, at: location) }
        if link.isImage, VideoFormat.isVideoName(resolved) { return videoLink(resolved, written: decoded, at: location) }
        let decision = assetLink(resolved, written: decoded, fragment: fragment, at: location)
        if link.isImage, case .replace = decision {
            pictures.append(BodyPicture(source: resolved, line: entry.bodyFirstLine - 1 + max(link.line, 1)))
        }
        return decision
    }

    /// libcmark counts columns in bytes; people count characters.
    private static func locate(_ link: MarkdownLink, in entry: Entry) -> SourceLocation {
        let line = max(link.line, 1)
        let text = entry.body.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(line - 1).first ?? ""
        let bytes = Array(text.utf8.prefix(max(link.column, 1) - 1))
        let column = String(decoding: bytes, as: UTF8.self).count + 1
        return SourceLocation(file: entry.path, line: entry.bodyFirstLine - 1 + line, column: column)
    }

    private mutating func entryLink(_ target: String, fragment: String, written: String, at location: LazyLocation) -> LinkDecision {
        lookups.append(.answer(forEntry: target, in: site))
        if let page = site.pages[target] {
            references.append(page.path)
            return .replace(SitePath.rootMarker + page.url + fragment)
        }
        // The file is there but was refused for an error reported at it: that error is the one to fix.
        if site.refused.contains(target) { return .unlink }
        if site.unpublished.contains(target) {
            problems.append(.unpublishedTarget(location: location.value, target: written))
            return .unlink
        }
        problems.append(.missingTarget(location: location.value, target: written))
        return .unlink
    }

    private mutating func assetLink(_ source: String, written: String, fragment: String, at location: LazyLocation) -> LinkDecision {
        lookups.append(.asset(source, state: AssetState(source, in: site.assetPaths)))
        guard site.assetPaths.contains(source) else {
            if let refusal = site.assetPaths.refusal(of: source) {
                problems.append(.refusedAsset(location: location.value, path: written, refusal: refusal))
                return .unlink
            }
            problems.append(.missingAsset(location: location.value, path: written))
            return .keep
        }
        let placed = AssetPlacement.beside(entry, source: source)
        assets.append(placed)
        return .replace(SitePath.rootMarker + placed.destination + fragment)
    }
}

extension LinkRewriter {
    /// `![说明](x.mp4)`: a player of the video copied beside the page, its description as the caption.
    private mutating func videoLink(_ source: String, written: String, at location: LazyLocation) -> LinkDecision {
        lookups.append(.asset(source, state: AssetState(source, in: site.assetPaths)))
        guard site.assetPaths.contains(source) else {
            if let refusal = site.assetPaths.refusal(of: source) {
                problems.append(.refusedAsset(location: location.value, path: written, refusal: refusal))
            } else {
                videoProblems.append(VideoError.missing(location: location.value, path: written).diagnostic)
            }
            return .unlink
        }
        switch site.videos.check(source) {
        case let .failure(problem):
            videoProblems.append(VideoError.problem(location: location.value, path: written, problem).diagnostic)
            return .unlink
        case let .success(video):
            let placed = AssetPlacement.beside(entry, source: source)
            assets.append(placed)
            let poster = video.poster.map { _ in VideoPlayer.posterPlacement(for: placed) }
            if let poster { posters.append(poster) }
            return .html { caption in
                VideoPlayer.figure(video, at: SitePath.rootMarker + placed.destination,
                                   poster: poster.map { SitePath.rootMarker + $0.destination }, caption: caption)
            }
        }
    }
}

/// What a link to another file of `content/` found.
enum LinkLookup: Equatable, Sendable {
    /// An entry file: its page's address when published, whether it is a draft or future entry, and
    /// whether it was refused for an error.
    case entry(String, url: String?, unpublished: Bool, refused: Bool)
    case asset(String, state: AssetState)

    static func answer(forEntry target: String, in site: BodySite) -> LinkLookup {
        let url = site.pages[target]?.url
        return .entry(target, url: url, unpublished: url == nil && site.unpublished.contains(target),
                      refused: url == nil && site.refused.contains(target))
    }

    /// The same question asked of the site as it is now.
    func asked(of site: BodySite) -> LinkLookup {
        switch self {
        case let .entry(target, _, _, _): return .answer(forEntry: target, in: site)
        case let .asset(source, _): return .asset(source, state: AssetState(source, in: site.assetPaths))
        }
    }
}

/// What a picture or attachment's path found: a file to copy, nothing, or a name that is refused.
enum AssetState: Equatable, Sendable {
    case present
    case missing
    case refused(FileRefusal)

    init(_ source: String, in assets: AssetFiles) {
        if assets.contains(source) {
            self = .present
        } else {
            self = assets.refusal(of: source).map { .refused($0) } ?? .missing
        }
    }
}

extension AssetPlacement {
    /// A file used by `entry` goes into the entry's page folder: under the same relative path when it
    /// lies in or below the entry's folder, else under its own name.
    static func beside(_ entry: Entry, source: String) -> AssetPlacement {
        let folder = entry.contentFolder
        let relative: String
        if !folder.isEmpty, source.hasPrefix(folder + "/") {
            relative = String(source.dropFirst(folder.count + 1))
        } else if folder.isEmpty {
            relative = source
        } else {
            relative = "files/" + (source.split(separator: "/").last.map(String.init) ?? source)
        }
        return AssetPlacement(source: source, destination: entry.pageFolder + relative)
    }
}

import Foundation

/// A link's position, worked out only when a problem is reported.
struct LazyLocation {
    let make: () -> SourceLocation
    init(_ make: @escaping () -> SourceLocation) { self.make = make }
    var value: SourceLocation { make() }
}
