import Foundation

/// A video of `content/` once checked: where it is, its format and size, and what ffprobe said.
public struct VideoFile: Sendable, Hashable {
    /// Relative to `content/`.
    public let source: String
    public let format: VideoFormat
    public let size: Int64
    /// Nil when ffmpeg is not installed.
    public let info: VideoInfo?
    public let poster: Data?
}

/// What is wrong with a video file a lesson or a body names.
public enum VideoProblem: Error, Sendable, Equatable {
    case unsupported(ending: String)
    case refused(FileRefusal)
    case unreadable(String)
    case tooLarge(size: Int64, limit: Int64)
    case notVideo(format: VideoFormat, isText: Bool)
    case truncated(format: VideoFormat, size: Int64, expected: Int64)
    case damaged(String)
    case timedOut(seconds: Double)
}

/// Checks video files of `content/` once each per build, from any thread: the name's ending, the
/// size against site.yml's limit, the first bytes, the structure, then ffprobe and a poster frame
/// through `VideoCache`. Whether ffmpeg was missing is kept, to be told once.
public final class VideoShelf: @unchecked Sendable {
    public typealias Check = Result<VideoFile, VideoProblem>

    let content: URL
    let rootPath: String
    let limit: Int64
    let timeLimit: Double
    private let cache: VideoCache?
    private let lock = NSLock()
    private var checked: [String: Check] = [:]
    private var toolsMissing = false

    /// `cacheFolder` nil: nothing kept between builds (tests of the checks themselves).
    init(root: URL, limit: Int64, timeLimit: Double = 60, cacheFolder: URL?) {
        content = root.appendingPathComponent("content")
        let rootPath = Self.realPath(root.path) ?? root.path
        self.rootPath = rootPath
        self.limit = limit
        self.timeLimit = timeLimit
        cache = cacheFolder.flatMap { folder in
            // A cache folder that is a link out of the site is not written through.
            let inside = Self.realPath(folder.path).map { SafeFile.isInside($0, root: rootPath) } ?? true
            return inside ? VideoCache(folder: folder) : nil
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    /// The default place of the cache, under the site root.
    static func cacheFolder(root: URL) -> URL { root.appendingPathComponent(".dangjian-cache/video") }

    public var ffmpegMissing: Bool { lock.withLock { toolsMissing } }

    public func check(_ source: String) -> Check {
        if let known = lock.withLock({ checked[source] }) { return known }
        let result = examine(source)
        lock.withLock { checked[source] = result }
        return result
    }

    private func examine(_ source: String) -> Check {
        guard let format = VideoFormat.of(source) else { return .failure(.unsupported(ending: VideoFormat.ending(of: source))) }
        let descriptor: Int32
        switch SafeFile.open(content.appendingPathComponent(source).path, root: rootPath) {
        case let .success(opened): descriptor = opened
        case let .failure(.refused(refusal)): return .failure(.refused(refusal))
        case let .failure(.system(code)): return .failure(.unreadable(String(cString: strerror(code))))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        let size = Int64(info.st_size)
        if size > limit { return .failure(.tooLarge(size: size, limit: limit)) }
        guard let head = VideoStructure.bytes(descriptor, at: 0, count: 512) else {
            return .failure(.unreadable(String(cString: strerror(errno))))
        }
        switch format.signature(of: head) {
        case .matches: break
        case .text: return .failure(.notVideo(format: format, isText: true))
        case .other: return .failure(.notVideo(format: format, isText: false))
        }
        if let expected = VideoStructure.missingEnd(of: descriptor, size: size, format: format) {
            return .failure(.truncated(format: format, size: size, expected: expected))
        }
        return probed(descriptor, stat: info, source: source, format: format, size: size)
    }

    private func probed(_ descriptor: Int32, stat info: stat, source: String, format: VideoFormat, size: Int64) -> Check {
        let key = VideoCache.key(of: descriptor, info: info)
        if let key, let record = cache?.record(key) {
            if let failure = record.failure { return .failure(.damaged(failure)) }
            return .success(VideoFile(source: source, format: format, size: size, info: record.info, poster: cache?.poster(key)))
        }
        switch VideoProbe.probe(descriptor, timeLimit: timeLimit) {
        case .notInstalled:
            lock.withLock { toolsMissing = true }
            return .success(VideoFile(source: source, format: format, size: size, info: nil, poster: nil))
        case .timedOut:
            return .failure(.timedOut(seconds: timeLimit))
        case let .unreadable(said):
            if let key { cache?.store(VideoCache.Record(failure: said), poster: nil, key: key) }
            return .failure(.damaged(said))
        case let .probed(probe, poster):
            if let key { cache?.store(VideoCache.Record(info: probe), poster: poster, key: key) }
            return .success(VideoFile(source: source, format: format, size: size, info: probe, poster: poster))
        }
    }
}
