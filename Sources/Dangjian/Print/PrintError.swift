/// Problems making PDFs.
public enum PrintError: DiagnosticConvertible, Equatable {
    case chromiumMissing
    case browserFailed(reason: String)
    case pageFailed(page: String, reason: String)
    case boardOverflow(file: String, page: String)

    public var diagnostic: Diagnostic {
        switch self {
        case .chromiumMissing:
            return Diagnostic(.error, code: "chromium-missing", file: "dangjian print",
                              message: "找不到 Chromium 浏览器，无法生成 PDF：请安装（Debian/统信/麒麟：sudo apt-get install chromium fonts-noto-cjk），或用环境变量 DANGJIAN_CHROMIUM 指定浏览器程序的位置")
        case let .browserFailed(reason):
            return Diagnostic(.error, code: "browser-failed", file: "dangjian print",
                              message: "无法启动 Chromium（\(reason)）：请确认浏览器能正常运行")
        case let .pageFailed(page, reason):
            return Diagnostic(.error, code: "print-failed", file: page,
                              message: "生成 PDF 失败（\(reason)）")
        case let .boardOverflow(file, page):
            return Diagnostic(.warning, code: "board-overflow", file: file,
                              message: "展板 \(page) 的文字放不下：字号已缩到最小，仍有文字被截掉。请精简正文或亮点")
        }
    }
}
