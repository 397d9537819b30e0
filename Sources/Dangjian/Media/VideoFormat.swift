import Foundation

/// The video formats a page can play in every browser an office has (MP4 with H.264, WebM), the
/// ones people have that must be converted first, and what a file's first bytes say it is.
public enum VideoFormat: String, Sendable, Hashable {
    case mp4
    case webm

    public var mediaType: String { self == .mp4 ? "video/mp4" : "video/webm" }

    /// The format a file name ends in (`.mp4`, `.m4v`, `.webm`), nil for any other.
    public static func of(_ path: String) -> VideoFormat? {
        switch ending(of: path) {
        case "mp4", "m4v": return .mp4
        case "webm": return .webm
        default: return nil
        }
    }

    /// Video files browsers do not play: a lesson naming one is told how to convert it.
    static let convertible: Set<String> = ["avi", "mov", "wmv", "flv", "mkv", "rm", "rmvb", "mpg", "mpeg", "3gp", "ts",
                                           "vob", "asf", "f4v", "mts", "m2ts", "dat", "qlv", "kux"]

    /// Whether `path` names a video file of either kind (by its name's ending).
    static func isVideoName(_ path: String) -> Bool { of(path) != nil || convertible.contains(ending(of: path)) }

    static func ending(of path: String) -> String {
        guard let name = path.split(separator: "/").last, let dot = name.lastIndex(of: ".") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// What the first bytes of a file are: this format, text, or something else.
    enum Signature: Equatable {
        case matches
        case text
        case other
    }

    func signature(of head: [UInt8]) -> Signature {
        switch self {
        case .mp4 where head.count >= 8 && Array(head[4..<8]) == Array("ftyp".utf8): return .matches
        case .webm where head.starts(with: [0x1A, 0x45, 0xDF, 0xA3]): return .matches
        default: return Self.looksLikeText(head) ? .text : .other
        }
    }

    /// Text in UTF-8 or GB18030 has no NUL bytes and few control characters.
    static func looksLikeText(_ head: [UInt8]) -> Bool {
        guard !head.isEmpty, !head.contains(0) else { return false }
        let controls = head.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }.count
        return controls * 100 <= head.count
    }
}
