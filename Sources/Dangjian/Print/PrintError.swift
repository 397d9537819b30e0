/// Problems making PDFs.
public enum PrintError: DiagnosticConvertible, Equatable {
    case chromiumMissing
    case browserFailed(reason: String)
    case pageFailed(page: String, reason: String)
    case boardOverflow(file: String, page: String, parts: [String])
    /// `clipped`: inside an entry's body, cut at the column's edge; else the whole PDF is shrunk to fit it.
    case pageOverflow(file: String, page: String, text: String, clipped: Bool)
    case lowResolution(location: SourceLocation, picture: String, pixels: String, dpi: Int, printedMM: Int, neededPixels: Int)
    case contentsPagesUnknown(page: String)

    /// Codes of what prints badly but prints: warnings, errors with `dangjian print --strict`.
    public static let qualityCodes: Set<String> = ["board-overflow", "page-overflow", "cover-low-resolution", "contents-pages-unknown"]

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
        case let .boardOverflow(file, page, parts):
            let shown = (["标题"] + parts).joined(separator: "、")
            let advice = parts.isEmpty ? "请精简标题" : "请精简" + parts.prefix(2).joined(separator: "或")
            return Diagnostic(.warning, code: "board-overflow", file: file,
                              message: "展板 \(page) 放不下：\(shown)在最小字号下仍超出版面（正文已只印开头）。\(advice)")
        case let .pageOverflow(file, page, text, clipped):
            let effect = clipped ? "超出版心的部分印不出来（已在版心边缘裁掉）" : "为放下它，整份 PDF 会被缩小"
            return Diagnostic(.warning, code: "page-overflow", file: file,
                              message: "打印页 \(page) 中有内容比纸还宽（“\(text)”）：\(effect)。"
                                + "请把这段改短或分行（过长的网址或英文、很宽的表格、用原始 HTML 定了宽度的内容）")
        case let .lowResolution(location, picture, pixels, dpi, printedMM, neededPixels):
            return Diagnostic(.warning, code: "cover-low-resolution", at: location,
                              message: "封面“\(picture)”只有 \(pixels) 像素，在展板上印 \(printedMM) 毫米宽，只有 \(dpi) dpi，会发虚（至少要 150 dpi）："
                                + "请换一张至少 \(neededPixels) 像素宽的原图（不要用截图或从网页另存的小图）")
        case let .contentsPagesUnknown(page):
            return Diagnostic(.warning, code: "contents-pages-unknown", file: page,
                              message: "读不出 PDF 中各篇的起始页，\(page) 的目录这次没有印页码：请重试；仍然如此请报告所用的 Chromium 版本")
        }
    }
}
