import Foundation

/// Problems with video lessons and videos in bodies, each at the line of the entry that names the file.
public enum VideoError: DiagnosticConvertible, Equatable {
    case problem(location: SourceLocation, path: String, VideoProblem)
    /// A lesson without `video:` and no video of its own name beside it.
    case noVideo(location: SourceLocation, expected: [String])
    case missing(location: SourceLocation, path: String)
    /// ffmpeg is not installed: said once per build, at the first file that uses a video.
    case toolsMissing(file: String)

    static let convertCommand = "ffmpeg -i 原文件 -c:v libx264 -crf 26 -preset medium -vf \"scale='min(1280,iw)':-2\" -c:a aac -b:a 96k -movflags +faststart 新文件.mp4"

    public var diagnostic: Diagnostic {
        switch self {
        case let .problem(location, path, problem):
            return Diagnostic(.error, code: Self.code(problem), at: location, message: "视频“\(path)”" + Self.message(problem))
        case let .noVideo(location, expected):
            return Diagnostic(.error, code: "missing-video", at: location,
                              message: "视频课没有写 video:，旁边也没有同名的视频文件（\(expected.joined(separator: " 或 "))）：请把视频放在本文件旁边、取与本文件相同的名字，或写 video: 文件名.mp4")
        case let .missing(location, path):
            return Diagnostic(.error, code: "missing-video", at: location,
                              message: "找不到视频“\(path)”：请检查文件名（含空格和扩展名）和相对路径（相对于本文件所在文件夹）")
        case let .toolsMissing(file):
            return Diagnostic(.warning, code: "ffmpeg-missing", file: file,
                              message: "本机没有安装 ffmpeg：视频照常复制和播放，但没有封面和时长，损坏的视频也查不出来；请安装（sudo apt-get install ffmpeg）后重新生成")
        }
    }

    private static func code(_ problem: VideoProblem) -> String {
        switch problem {
        case .unsupported: return "unsupported-video"
        case .refused: return "refused-file"
        case .unreadable: return "unreadable-video"
        case .tooLarge: return "video-too-large"
        case .notVideo: return "not-a-video"
        case .truncated: return "truncated-video"
        case .damaged: return "damaged-video"
        case .timedOut: return "video-probe-timeout"
        }
    }

    private static func message(_ problem: VideoProblem) -> String {
        switch problem {
        case let .unsupported(ending):
            return "是 .\(ending) 格式，浏览器不能直接播放：请转换为 MP4（H.264 视频、AAC 声音），例如 \(convertCommand)；也可以用格式工厂等软件选“MP4”输出"
        case let .refused(refusal):
            return "\(refusal.explanation)：\(refusal.fix)"
        case let .unreadable(reason):
            return "无法读取（\(reason)）：请检查文件的读取权限，或重新复制一份"
        case let .tooLarge(size, limit):
            return "有 \(megabytes(size))，超过了网站允许的 \(megabytes(limit))：请压缩后再放入（例如 \(convertCommand)，10 分钟的课约 50–100 MB）；确实需要时可在 site.yml 里写 video: {max_mb: 数值} 放宽"
        case let .notVideo(format, isText):
            return isText ? "其实是一个文本文件，不是视频：请换成真正的 .\(format.rawValue) 视频文件"
                : "不是 \(format == .mp4 ? "MP4" : "WebM") 视频（文件开头不对，可能损坏或扩展名改错了）：请用原始视频重新导出为 MP4"
        case let .truncated(_, size, expected):
            return "不完整：文件只有 \(megabytes(size))，按其内容应有 \(megabytes(expected))，可能复制或下载没有完成：请重新复制一份完整的视频"
        case let .damaged(said):
            return "已损坏，读不出画面（ffprobe：\(said)）：请用原始视频重新导出为 MP4"
        case let .timedOut(seconds):
            return "在 \(Int(seconds)) 秒内没能读完它的信息，文件可能损坏：请重新导出为 MP4 后再试"
        }
    }

    static func megabytes(_ bytes: Int64) -> String {
        bytes >= 1 << 30 ? String(format: "%.1f GB", Double(bytes) / Double(1 << 30)) : String(format: "%.1f MB", Double(bytes) / Double(1 << 20))
    }
}
