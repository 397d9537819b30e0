import Foundation

/// `dangjian export --year 2024`: the year's ledger (台账) as a workbook, written whole or not at all
/// (into a hidden file beside the target, then renamed over it).
public enum LedgerExport {
    public struct Report: Sendable {
        public let diagnostics: [Diagnostic]
        /// The workbook written, relative to where it was asked for; nil when nothing was written.
        public let written: URL?
        /// Sheet names and their rows.
        public let sheets: [(name: String, rows: Int)]
    }

    /// The default file name: 台账-2024.xlsx.
    public static func defaultName(year: Int) -> String { "台账-\(year).xlsx" }

    public static func export(root: URL, year: Int, to output: URL, options: BuildOptions = BuildOptions()) -> Report {
        let log = DiagnosticLog()
        var clock = PhaseClock()
        let site = SitePreparation.link(root: root, options: options, log: log, clock: &clock)
        guard !log.hasErrors else { return Report(diagnostics: log.diagnostics, written: nil, sheets: []) }
        let sheets = LedgerTable.sheets(of: year, in: site)
        guard !sheets.isEmpty else {
            log.report(ExportError.noEntries(year: year, years: LedgerTable.years(in: site)))
            return Report(diagnostics: log.diagnostics, written: nil, sheets: [])
        }
        let hidden = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).dangjian-\(getpid())")
        do {
            try LedgerWorkbook.write(sheets, title: LedgerFamily.title(year, site), year: year, to: hidden.path)
            guard rename(hidden.path, output.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: hidden)
            log.report(ExportError.cannotWrite(path: output.path))
            return Report(diagnostics: log.diagnostics, written: nil, sheets: [])
        }
        return Report(diagnostics: log.diagnostics, written: output, sheets: sheets.map { ($0.name, $0.rows.count) })
    }
}

/// Problems of `dangjian export`.
public enum ExportError: DiagnosticConvertible, Equatable {
    case noEntries(year: Int, years: [Int])
    case cannotWrite(path: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .noEntries(year, years):
            let hint = years.isEmpty ? "网站中还没有可导出的条目" : "有条目的年份：\(years.map(String.init).joined(separator: "、"))"
            return Diagnostic(.error, code: "export-empty", file: "dangjian export",
                              message: "\(year) 年没有可导出的条目，未写入任何文件：\(hint)")
        case let .cannotWrite(path):
            return Diagnostic(.error, code: "export-failed", file: path,
                              message: "无法写入台账文件：请检查文件夹是否存在、是否有写入权限，或文件是否正被 Excel/WPS 打开")
        }
    }
}
