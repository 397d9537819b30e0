import Foundation

/// Turns what a page found out about itself as it printed into messages naming the entry file:
/// a board that does not fit, content wider than the page (named by the part of the page it is in),
/// a cover printed below 150 dpi (its pixel size read from the picture's header).
struct PrintFindings {
    let target: PrintTarget
    let files: [String: OutputFile.Content]
    let origin: String

    /// Below this a picture looks soft at reading distance.
    static let minimumDPI = 150.0

    func report(_ check: PagePrint.Check, to log: DiagnosticLog) {
        if check.boardOverflow {
            log.report(PrintError.boardOverflow(file: target.source ?? target.page, page: target.page, parts: target.shortenable))
        }
        reportOverflow(check.overflowing, to: log)
        for picture in target.pictures {
            guard let shown = check.pictures.first(where: { sitePath(of: $0.url) == picture.sitePath }),
                  shown.width > 0, shown.height > 0,
                  let header = header(of: picture.sitePath), let width = header.width, let height = header.height,
                  width > 0, height > 0 else { continue }
            // Fitted to cover its box: the scale is the larger of the two, and a CSS pixel is 1/96 inch.
            let scale = max(shown.width / Double(width), shown.height / Double(height))
            let dpi = 96 / scale
            guard dpi < Self.minimumDPI else { continue }
            let printedMM = shown.width * 25.4 / 96
            log.report(PrintError.lowResolution(location: picture.namedAt, picture: picture.sitePath.split(separator: "/").last.map(String.init) ?? "",
                                                pixels: "\(width) × \(height)", dpi: Int(dpi.rounded()),
                                                printedMM: Int(printedMM.rounded()),
                                                neededPixels: Int((Double(width) * Self.minimumDPI / dpi).rounded(.up))))
        }
    }

    /// Each entry whose part of the page is wider than the paper, named once, with the text of the
    /// innermost wide element in it (the wide elements come outermost first); the page's own file
    /// when no part is an entry's.
    private func reportOverflow(_ overflowing: [(ids: [String], text: String, clipped: Bool)], to log: DiagnosticLog) {
        guard let innermost = overflowing.last else { return }
        var files: [String] = []
        var found: [String: (text: String, clipped: Bool)] = [:]
        for (ids, text, clipped) in overflowing {
            guard let file = ids.lazy.compactMap({ target.sections[$0] }).first else { continue }
            if found[file] == nil { files.append(file) }
            // Shrinking the page is the worse of the two, and is said when it happens.
            found[file] = (text, clipped && (found[file]?.clipped ?? true))
        }
        if files.isEmpty {
            let file = target.source ?? target.page
            files = [file]
            found[file] = (innermost.text, overflowing.allSatisfy(\.clipped))
        }
        for file in files {
            let (text, clipped) = found[file] ?? ("", false)
            log.report(PrintError.pageOverflow(file: file, page: target.page, text: text, clipped: clipped))
        }
    }

    private func sitePath(of url: String) -> String? {
        guard url.hasPrefix(origin) else { return nil }
        let path = SitePath.splitFragment(String(url.dropFirst(origin.count))).path
        return path.removingPercentEncoding ?? path
    }

    private func header(of sitePath: String) -> ImageHeader? {
        switch files[sitePath] {
        case let .copy(source)?: return ImageHeader.read(source)
        case let .data(data)?: return ImageHeader.parse(data)
        case let .text(text)?: return ImageHeader.parse(Data(text.utf8))
        case nil: return nil
        }
    }
}
