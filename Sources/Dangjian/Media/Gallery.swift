import Foundation

/// One photo of an entry's gallery: the picture (relative to `content/`), its caption, where it was named.
public struct GalleryPhoto: Sendable, Hashable {
    public let source: String
    public let caption: String
    public let location: SourceLocation
}

/// Reads an entry's `photos:` — a list of files, each a path or `{file: …, caption: …}`, or one
/// folder whose pictures (sorted by name) all become the gallery:
///
/// ```yaml
/// photos:
///   - file: 照片/开场.jpg
///     caption: 书记讲党课
///   - 照片/合影.jpg
/// ```
/// or `photos: 照片/`. Paths are relative to the entry file's folder.
struct GalleryReader {
    let assetPaths: AssetFiles
    let folder: String
    let log: DiagnosticLog

    static let key = "photos"

    func read(_ frontMatter: YAMLNode) -> [GalleryPhoto] {
        guard let node = frontMatter.field(Self.key), !node.isNull else { return [] }
        switch node.kind {
        case let .scalar(text, _): return fromFolder(text.trimmingCharacters(in: .whitespaces), at: node.location)
        case let .sequence(items): return items.compactMap(item)
        case .mapping:
            log.report(MediaError.photosNotList(location: node.location))
            return []
        }
    }

    private func item(_ node: YAMLNode) -> GalleryPhoto? {
        if let text = node.scalar { return photo(text, caption: "", at: node.location) }
        guard let fields = node.fields else {
            log.report(MediaError.photosNotList(location: node.location))
            return nil
        }
        guard let file = node.field("file")?.scalar else {
            log.report(MediaError.photoWithoutFile(location: node.location))
            return nil
        }
        for field in fields where !["file", "caption"].contains(field.key) {
            log.report(MediaError.unknownPhotoKey(location: field.keyLocation, key: field.key))
        }
        let caption = node.field("caption")?.scalar?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return photo(file, caption: caption, at: node.field("file")?.location ?? node.location)
    }

    private func photo(_ written: String, caption: String, at location: SourceLocation) -> GalleryPhoto? {
        let path = written.trimmingCharacters(in: .whitespaces)
        guard let resolved = ContentPath.resolve(path, from: folder) else {
            log.report(MediaError.photoOutside(location: location, path: path))
            return nil
        }
        guard assetPaths.contains(resolved) else {
            if let refusal = assetPaths.refusal(of: resolved) {
                log.report(MediaError.photoRefused(location: location, path: path, refusal: refusal))
            } else {
                log.report(MediaError.photoMissing(location: location, path: path))
            }
            return nil
        }
        guard PictureRecipe.isProcessed(resolved) else {
            log.report(MediaError.photoNotPicture(location: location, path: path))
            return nil
        }
        return GalleryPhoto(source: resolved, caption: caption, location: location)
    }

    /// Every picture directly in `written` (a folder beside the entry), sorted by name.
    private func fromFolder(_ written: String, at location: SourceLocation) -> [GalleryPhoto] {
        let trimmed = written.hasSuffix("/") ? String(written.dropLast()) : written
        guard let resolved = ContentPath.resolve(trimmed, from: folder) else {
            log.report(MediaError.photoOutside(location: location, path: written))
            return []
        }
        let prefix = resolved + "/"
        let found = assetPaths.paths.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") && PictureRecipe.isProcessed($0) }
        guard !found.isEmpty else {
            log.report(MediaError.photoFolderEmpty(location: location, path: written))
            return []
        }
        return found.sorted { $0.compare($1, options: .numeric) == .orderedAscending }
            .map { GalleryPhoto(source: $0, caption: "", location: location) }
    }
}

/// A picture a body shows, by its path relative to `content/` and the line of the entry file naming it.
public struct BodyPicture: Sendable, Hashable {
    public let source: String
    public let line: Int
}
