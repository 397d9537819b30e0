import Foundation

/// What ffprobe says of a video file: its length, picture size and codecs.
public struct VideoInfo: Sendable, Hashable, Codable {
    /// Seconds; nil when the file does not say (a WebM recorded in a browser).
    public let duration: Double?
    public let width: Int?
    public let height: Int?
    public let videoCodec: String?
    public let audioCodec: String?

    /// `12分30秒`, `45秒`, `1小时02分05秒`: rounded to the second.
    public var durationText: String? { duration.map(Self.chineseDuration) }

    public static func chineseDuration(_ seconds: Double) -> String {
        let total = max(0, Int(seconds.rounded()))
        let (hours, minutes, rest) = (total / 3_600, total % 3_600 / 60, total % 60)
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        if hours > 0 { return "\(hours)小时\(two(minutes))分\(two(rest))秒" }
        if minutes > 0 { return rest == 0 ? "\(minutes)分钟" : "\(minutes)分\(two(rest))秒" }
        return "\(rest)秒"
    }

    /// `PT12M30S`, for `<time datetime>`.
    public var isoDuration: String? {
        duration.map { seconds in
            let total = max(0, Int(seconds.rounded()))
            return "PT\(total / 60)M\(total % 60)S"
        }
    }

    /// Reads `ffprobe -of json -show_entries format=duration:stream=codec_type,codec_name,width,height`.
    /// Nil when the output is not that, or names no video stream.
    static func parsing(ffprobeJSON data: Data) -> VideoInfo? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        let streams = object["streams"] as? [[String: Any]] ?? []
        guard let video = streams.first(where: { $0["codec_type"] as? String == "video" }) else { return nil }
        let audio = streams.first { $0["codec_type"] as? String == "audio" }
        let format = object["format"] as? [String: Any]
        let duration = (format?["duration"] as? String).flatMap(Double.init).flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        return VideoInfo(duration: duration, width: video["width"] as? Int, height: video["height"] as? Int,
                         videoCodec: video["codec_name"] as? String, audioCodec: audio?["codec_name"] as? String)
    }
}
