/// Problems writing the generated site.
public enum WriteError: DiagnosticConvertible, Equatable {
    case cannotWrite(path: String, reason: String)
    case unsafeOutput(path: String)
    case notASite(path: String)
    case pathClash(path: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .cannotWrite(path, reason):
            return Diagnostic(.error, code: "cannot-write", file: path,
                              message: "无法写入（\(reason)）：请检查磁盘空间和文件夹权限；原有网站未被改动")
        case let .unsafeOutput(path):
            return Diagnostic(.error, code: "unsafe-output", file: path,
                              message: "输出文件夹不能是站点根目录、content/ 或 templates/，也不能包含它们：请另选输出文件夹")
        case let .notASite(path):
            return Diagnostic(.error, code: "output-not-a-site", file: path,
                              message: "输出文件夹已有其他文件且不是 dangjian 生成的网站，为防误删未写入：请换一个空文件夹，或先手动清空它")
        case let .pathClash(path):
            return Diagnostic(.error, code: "output-path-clash", file: path,
                              message: "两个文件要写到同一位置：请检查是否有页面与图片或附件同名")
        }
    }
}
