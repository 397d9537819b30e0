import Foundation

/// Makes one picture's web versions: reads the original through `SafeFile`, checks it is a
/// picture libvips reads and not too large, hashes it, and makes each width it does not have yet
/// (from the cache, or encoded now).
struct PictureMaker: Sendable {
    /// The site root's real path: originals are read only inside it.
    let rootReal: String?
    let content: URL
    let cache: PictureCache?

    func make(_ source: String) -> Result<ProcessedPicture, PictureProblem> {
        let path = content.appendingPathComponent(source).path
        let stamp = FileStamp.following(path)
        if let stamp, let reused = cache?.reuse(source, stamp: stamp) { return .success(reused) }
        let data: Data
        switch SafeFile.read(path, root: rootReal) {
        case let .success(read): data = read
        case .failure: return .failure(.unreadableFile)
        }
        let header: PictureHeader
        switch PictureLibrary.header(data) {
        case let .success(read): header = read
        case .failure(.notPicture): return .failure(.notPicture(ImageSniff.describe(data)))
        case let .failure(.unreadable(reason)), let .failure(.library(reason)): return .failure(.corrupt(reason))
        }
        guard header.pixels <= PictureRecipe.maxPixels else { return .failure(.tooLarge(header.width, header.height)) }
        let hash = PictureLibrary.sha256(data)
        var planned: [(role: PictureVersion.Role, width: Int)] = []
        for role in [PictureVersion.Role.thumbnail, .page, .large] {
            let width = min(role.width, header.width)
            if !planned.contains(where: { $0.width == width }) { planned.append((role, width)) }
        }
        var versions = planned.map { cached($0.role, width: $0.width, hash: hash) }
        let missing = versions.indices.filter { versions[$0] == nil }
        if !missing.isEmpty {
            let widths = missing.map { (planned[$0].width, PictureRecipe.quality(of: planned[$0].role)) }
            switch PictureLibrary.versions(data, header: header, widths: widths) {
            case let .failure(.unreadable(reason)), let .failure(.library(reason)): return .failure(.corrupt(reason))
            case .failure(.notPicture): return .failure(.notPicture(ImageSniff.describe(data)))
            case let .success(encoded):
                for (position, made) in zip(missing, encoded) { versions[position] = kept(made, role: planned[position].role, width: planned[position].width, hash: hash) }
            }
        }
        let picture = ProcessedPicture(hash: hash, header: PictureHeaderInfo(format: header.format, width: header.width,
                                                                            height: header.height, orientation: header.orientation),
                                       versions: versions.compactMap { $0 })
        if let stamp { cache?.remember(source, stamp: stamp, picture: picture) }
        return .success(picture)
    }

    /// A version made before from the same bytes (another file, or an index lost): its size is in its header.
    private func cached(_ role: PictureVersion.Role, width: Int, hash: String) -> PictureVersion? {
        let path = Addresses.pictureVersion(hash: hash, width: width)
        let name = String(path.split(separator: "/").last!)
        guard let cache, cache.existing(name), let made = ImageHeader.read(cache.fileURL(name)), let w = made.width, let h = made.height else {
            return nil
        }
        return PictureVersion(role: role, width: w, height: h, path: path, content: .copy(cache.fileURL(name)))
    }

    /// A version just made, kept in the cache (or in memory when there is none, or it cannot be written).
    private func kept(_ made: EncodedPicture, role: PictureVersion.Role, width: Int, hash: String) -> PictureVersion {
        let path = Addresses.pictureVersion(hash: hash, width: width)
        let name = String(path.split(separator: "/").last!)
        if let cache, cache.store(made.bytes, as: name) {
            return PictureVersion(role: role, width: made.width, height: made.height, path: path, content: .copy(cache.fileURL(name)))
        }
        return PictureVersion(role: role, width: made.width, height: made.height, path: path, content: .data(made.bytes))
    }

    /// `thumbnail:480x360` (a line of the cache's index) → the version, its bytes in the cache.
    static func version(parsing text: String, hash: String) -> PictureVersion? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let role = PictureVersion.Role(rawValue: String(parts[0])) else { return nil }
        let size = parts[1].split(separator: "x")
        guard size.count == 2, let width = Int(size[0]), let height = Int(size[1]) else { return nil }
        return PictureVersion(role: role, width: width, height: height, path: Addresses.pictureVersion(hash: hash, width: width),
                              content: .data(Data()))
    }
}

extension PictureVersion {
    func withContent(_ content: OutputFile.Content) -> PictureVersion {
        PictureVersion(role: role, width: width, height: height, path: path, content: content)
    }
}

/// Why a picture has no web versions.
enum PictureProblem: Error, Equatable, Sendable {
    case unreadableFile
    /// Not a picture; what the bytes look like instead (`文字`, `PDF 文档` …).
    case notPicture(String)
    case corrupt(String)
    case tooLarge(Int, Int)
}

/// What a file that is not a picture seems to be, for the message.
enum ImageSniff {
    static func describe(_ data: Data) -> String {
        let head = [UInt8](data.prefix(16))
        if data.isEmpty { return "空文件" }
        if head.starts(with: Array("%PDF".utf8)) { return "PDF 文档" }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "压缩包或 Word/Excel 文档" }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return "旧版 Word/Excel 文档" }
        if String(data: data.prefix(512), encoding: .utf8) != nil { return "文字" }
        return "无法识别的内容"
    }
}
