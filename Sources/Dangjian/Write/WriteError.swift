/// Problems writing the generated site.
public enum WriteError: DiagnosticConvertible, Equatable {
    case cannotWrite(path: String, reason: String)
    /// No room left on the disk of the output folder (`path`).
    case diskFull(path: String)
    case unsafeOutput(path: String)
    case notASite(path: String)
    case pathClash(path: String)
    /// Another build holds the output folder's lock.
    case buildRunning(path: String)
    /// A picture or theme file that became a link out of the root, a loop or a named pipe while the site was built.
    case refusedSource(file: String, refusal: FileRefusal)
    case unreadableSource(file: String, reason: String)
    /// A page of the site in place that this build meant to keep was changed or removed while it ran.
    case keptFileChanged(path: String, output: String)

    /// The code of `buildRunning`: the command exits with status 2 for it (it is not a content error).
    public static let buildRunningCode = "build-running"

    public var diagnostic: Diagnostic {
        switch self {
        case let .cannotWrite(path, reason):
            return Diagnostic(.error, code: "cannot-write", file: path,
                              message: "无法写入（\(reason)）：请检查磁盘空间和文件夹权限；原有网站未被改动")
        case let .diskFull(path):
            return Diagnostic(.error, code: "disk-full", file: path,
                              message: "磁盘已满，新网站没有写完：请清理此文件夹所在的磁盘（或用 --output 换到空间够的位置）后重试；原有网站未被改动")
        case let .unsafeOutput(path):
            return Diagnostic(.error, code: "unsafe-output", file: path,
                              message: "输出文件夹不能是站点根目录、content/ 或 templates/，也不能包含它们：请另选输出文件夹")
        case let .notASite(path):
            return Diagnostic(.error, code: "output-not-a-site", file: path,
                              message: "输出文件夹已有其他文件且不是 dangjian 生成的网站，为防误删未写入：请换一个空文件夹，或先手动清空它")
        case let .pathClash(path):
            return Diagnostic(.error, code: "output-path-clash", file: path,
                              message: "两个文件要写到同一位置：请检查是否有页面与图片或附件同名")
        case let .buildRunning(path):
            return Diagnostic(.error, code: Self.buildRunningCode, file: path,
                              message: "另一次生成（build 或 print）正在写入这个输出文件夹，本次没有开始：请等那一次结束后再运行")
        case let .refusedSource(file, refusal):
            return Diagnostic(.error, code: "refused-file", file: file, message: "此文件\(refusal.explanation)：\(refusal.fix)；原有网站未被改动")
        case let .keptFileChanged(path, output):
            return Diagnostic(.error, code: "output-changed", file: output + "/" + path,
                              message: "生成期间有人改动或删除了网站中的这个文件，本次没有替换网站：请不要在生成时改动 site/ 中的文件，然后重新生成")
        case let .unreadableSource(file, reason):
            return Diagnostic(.error, code: "unreadable-file", file: file,
                              message: "无法读取文件（\(reason)），请检查文件是否存在、是否有读取权限；原有网站未被改动")
        }
    }
}
