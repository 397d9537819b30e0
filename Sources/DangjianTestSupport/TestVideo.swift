import Foundation

/// Real videos made by ffmpeg's test sources (testsrc2 and a sine tone), small and quick to make.
public enum TestVideo {
    /// Writes a video of `seconds` to `url`: H.264 + AAC in MP4 (moov first), or VP9 + Opus in WebM.
    public static func make(_ url: URL, seconds: Int, webm: Bool = false, size: String = "160x90") throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let codecs = webm ? ["-c:v", "libvpx-vp9", "-b:v", "60k", "-deadline", "realtime", "-c:a", "libopus", "-b:a", "24k"]
            : ["-c:v", "libx264", "-preset", "ultrafast", "-b:v", "60k", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "24k",
               "-movflags", "+faststart"]
        let arguments = ["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=\(size):rate=10:duration=\(seconds)",
                         "-f", "lavfi", "-i", "sine=frequency=440:duration=\(seconds)"] + codecs + ["-shortest", url.path]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ffmpeg"] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw VideoFailure(description: "ffmpeg exited with \(process.terminationStatus)") }
    }

    /// The bytes of such a video, made in a temporary folder.
    public static func data(seconds: Int, webm: Bool = false) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-video-\(UUID().uuidString).\(webm ? "webm" : "mp4")")
        defer { try? FileManager.default.removeItem(at: url) }
        try make(url, seconds: seconds, webm: webm)
        return try Data(contentsOf: url)
    }

    public struct VideoFailure: Error, CustomStringConvertible { public let description: String }
}

/// A page's `<video>` in headless Chromium (Tests/Browser/video.py): opened, its metadata loaded.
public struct BrowserVideo: Decodable {
    public let readyState: Int
    public let duration: Double?
    public let currentSrc: String
    public let poster: String
    public let error: Int?
    public let external: [String]

    public static func open(_ url: String, prefix: String) throws -> [BrowserVideo] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repository.root.appendingPathComponent("Tests/Browser/video.py").path,
                             "--chromium", BrowserCrawl.chromium, "--prefix", prefix, url]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestVideo.VideoFailure(description: "video.py exited with \(process.terminationStatus): \(String(decoding: data, as: UTF8.self))")
        }
        return try JSONDecoder().decode([BrowserVideo].self, from: data)
    }
}
