import Foundation

/// ffprobe's answers and poster frames kept between builds, so a rebuild does not run ffmpeg again:
/// `.dangjian-cache/video/<key>.json` (and `<key>.jpg`, the poster) under the site root. The key is
/// the file's size and modification time and a hash (64-bit FNV-1a) of its first and last 64 KiB:
/// a file edited in place keeps no stale answer, and no video is read whole to make the key.
struct VideoCache: Sendable {
    struct Record: Codable, Equatable {
        var info: VideoInfo?
        /// What ffprobe said of a file it could not read.
        var failure: String?
    }

    let folder: URL

    static func key(of descriptor: Int32, info: stat) -> String? {
        let size = Int64(info.st_size)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let window = 1 << 16
        let offsets: [Int64] = size <= Int64(2 * window) ? [0] : [0, size - Int64(window)]
        for offset in offsets {
            guard let bytes = VideoStructure.bytes(descriptor, at: offset, count: size <= Int64(2 * window) ? Int(size) : window) else {
                return nil
            }
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        return "\(size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)-" + String(hash, radix: 16)
    }

    func record(_ key: String) -> Record? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(key + ".json")) else { return nil }
        return try? JSONDecoder().decode(Record.self, from: data)
    }

    func poster(_ key: String) -> Data? { try? Data(contentsOf: folder.appendingPathComponent(key + ".jpg")) }

    /// Written as a new file renamed into place: a build killed meanwhile leaves no half record.
    func store(_ record: Record, poster: Data?, key: String) {
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil,
              let data = try? JSONEncoder().encode(record) else { return }
        if let poster { put(poster, as: key + ".jpg") }
        put(data, as: key + ".json")
    }

    private func put(_ data: Data, as name: String) {
        let temporary = folder.appendingPathComponent(".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max))")
        guard (try? data.write(to: temporary)) != nil else { return }
        if rename(temporary.path, folder.appendingPathComponent(name).path) != 0 { unlink(temporary.path) }
    }
}
