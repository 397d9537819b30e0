import Foundation

/// ffprobe and ffmpeg, run on one open file: its facts, then a poster frame.
enum VideoProbe {
    enum Result: Equatable {
        case probed(VideoInfo, poster: Data?)
        /// ffprobe could not read it: the first line of what it said.
        case unreadable(String)
        case notInstalled
        case timedOut
    }

    static let probeArguments = ["-v", "error", "-show_entries", "format=duration:stream=codec_type,codec_name,width,height",
                                 "-of", "json", MediaProcess.inputPath]

    static func probe(_ descriptor: Int32, timeLimit: Double) -> Result {
        switch MediaProcess.run("ffprobe", probeArguments, input: descriptor, timeLimit: timeLimit, outputLimit: 1 << 20) {
        case .notInstalled, .finished(127, _, _): return .notInstalled
        case .timedOut: return .timedOut
        case let .failed(code): return .unreadable(String(cString: strerror(code)))
        case let .finished(status, output, errorText):
            guard status == 0, let info = VideoInfo.parsing(ffprobeJSON: output) else {
                let said = errorText.split(separator: "\n").first.map { String($0).replacingOccurrences(of: MediaProcess.inputPath + ": ", with: "") }
                return .unreadable(said ?? "没有视频画面")
            }
            return .probed(info, poster: poster(descriptor, at: posterTime(info), timeLimit: timeLimit))
        }
    }

    /// A second in, or a third of the way through a shorter video.
    static func posterTime(_ info: VideoInfo) -> Double {
        guard let duration = info.duration else { return 0 }
        return min(1, duration / 3)
    }

    /// One frame as a JPEG at most 640 pixels wide; nil when ffmpeg cannot make one.
    static func poster(_ descriptor: Int32, at seconds: Double, timeLimit: Double) -> Data? {
        let arguments = ["-v", "error", "-nostdin", "-ss", String(format: "%.3f", seconds), "-i", MediaProcess.inputPath,
                         "-frames:v", "1", "-vf", "scale='min(640,iw)':-2", "-q:v", "5", "-f", "image2", "-c:v", "mjpeg",
                         "-fflags", "+bitexact", "-flags", "+bitexact", "pipe:1"]
        guard case let .finished(0, output, _) = MediaProcess.run("ffmpeg", arguments, input: descriptor, timeLimit: timeLimit),
              output.starts(with: [0xFF, 0xD8]) else { return nil }
        return output
    }
}
