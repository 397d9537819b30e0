/// The web versions of every picture the site's pages use, by the picture's path relative to
/// `content/`. Made once per build by `PictureStep`; pages read them (cards the thumbnail, entry
/// pages the page widths with `srcset`, galleries both). Boards, bulletins and the album keep the original.
public struct PictureSet: Sendable {
    public private(set) var pictures: [String: ProcessedPicture] = [:]

    public init() {}

    init(_ pictures: [String: ProcessedPicture]) { self.pictures = pictures }

    public subscript(source: String) -> ProcessedPicture? { pictures[source] }

    /// Every version file, once, sorted by address.
    var files: [(path: String, version: PictureVersion)] {
        var seen = Set<String>()
        var found: [(String, PictureVersion)] = []
        for picture in pictures.values { for version in picture.versions where seen.insert(version.path).inserted { found.append((version.path, version)) } }
        return found.sorted { $0.0 < $1.0 }
    }
}

/// One picture's web versions (widths as `PictureRecipe.widths` says, none wider than the original).
public struct ProcessedPicture: Sendable, Equatable {
    /// The SHA-256 of the original's bytes: the versions' names and their cache key.
    public let hash: String
    public let header: PictureHeaderInfo
    /// Distinct versions, narrowest first.
    public let versions: [PictureVersion]

    /// The version for cards and gallery grids.
    public var thumbnail: PictureVersion { versions.first { $0.role == .thumbnail } ?? versions[0] }
    /// The page-width versions, for `srcset`.
    public var pageWidths: [PictureVersion] { versions.filter { $0.role != .thumbnail || versions.count == 1 } }
    /// The largest version: what a gallery opens.
    public var large: PictureVersion { versions[versions.count - 1] }
    /// The first page-width version: `src` for browsers without `srcset`.
    public var page: PictureVersion { pageWidths.first ?? large }

    /// `a.jpg 800w, b.jpg 1600w`, each address behind `prefix` (the page's way to the root).
    public func srcset(_ prefix: String) -> String {
        pageWidths.map { "\(prefix)\(XMLText.escape($0.path)) \($0.width)w" }.joined(separator: ", ")
    }
}

public struct PictureHeaderInfo: Sendable, Equatable {
    public let format: String
    public let width: Int
    public let height: Int
    public let orientation: Int
}

public struct PictureVersion: Sendable, Equatable {
    public enum Role: String, Sendable { case thumbnail, page, large }
    public let role: Role
    public let width: Int
    public let height: Int
    /// Its address in the site (`pictures/<hash>-800.jpg`).
    public let path: String
    /// Where its bytes are: a file of the picture cache, or held in memory.
    public let content: OutputFile.Content

    /// Two versions are the same when they have the same address and size (where their bytes are does not matter).
    public static func == (a: PictureVersion, b: PictureVersion) -> Bool {
        a.role == b.role && a.width == b.width && a.height == b.height && a.path == b.path
    }
}

extension PictureVersion.Role {
    var width: Int { PictureRecipe.width(of: self) }
}


/// Widths and qualities of the web versions. JPEG throughout: every browser of an old intranet
/// shows it (WebP needs Chrome 32 / IE none / Safari 14), and a phone photo at 800 px is about
/// 100 KB at quality 80.
enum PictureRecipe {
    static let thumbnailWidth = 480
    static let pageWidth = 800
    static let largeWidth = 1600
    static let thumbnailQuality = 72
    static let quality = 80
    /// Changing a width or a quality changes every version: the cache folder is named after this.
    static let version = "v1-480q72-800q80-1600q80"
    /// Above this many pixels a picture gets a warning (its web versions are still made, the original is kept as it is).
    static let warnPixels = 60_000_000
    /// Above this it is refused: decoding it could take more memory than an office computer has.
    static let maxPixels = 250_000_000

    static func width(of role: PictureVersion.Role) -> Int {
        switch role {
        case .thumbnail: return thumbnailWidth
        case .page: return pageWidth
        case .large: return largeWidth
        }
    }

    static func quality(of role: PictureVersion.Role) -> Int { role == .thumbnail ? thumbnailQuality : quality }

    /// File names ending so are made into web versions; SVG drawings and GIF animations are copied as they are.
    static let endings: Set<String> = ["jpg", "jpeg", "png", "webp", "heic", "heif"]

    static func isProcessed(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: ".") else { return false }
        return endings.contains(path[path.index(after: dot)...].lowercased())
    }
}
