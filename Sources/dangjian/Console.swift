import Dangjian
import Foundation

/// What the commands print for people.
enum Console {
    static func line(_ text: String, error: Bool = false) {
        let handle = error ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data((text + "\n").utf8))
    }

    static func print(_ diagnostics: [Diagnostic], quiet: Bool) {
        for diagnostic in diagnostics where !quiet || diagnostic.isError {
            line(DiagnosticFormatter.compilerStyle(diagnostic), error: true)
        }
    }

    static func phases(_ report: BuildReport) {
        let parts = report.phases.map { "\($0.name) \(String(format: "%.2f", $0.seconds)) 秒" }
        line("各阶段用时：" + parts.joined(separator: "，"))
    }

    static func buildSummary(_ report: BuildReport, output: String) -> String {
        let names: [(String, String)] = [("talks", "晨学"), ("salons", "沙龙"), ("brands", "品牌"), ("tags", "标签"),
                                         ("branches", "支部"), ("series", "系列"), ("years", "年度"),
                                         ("bulletins", "简报"), ("boards", "展板"), ("album", "画册")]
        let parts = names.compactMap { key, name in report.pageCounts[key].map { "\(name) \($0)" } }
        let seconds = report.phases.reduce(0) { $0 + $1.seconds }
        let warnings = report.warnings.isEmpty ? "" : "，\(report.warnings.count) 个警告"
        return "已生成 \(report.pageCount) 个页面（\(parts.joined(separator: "，"))）\(warnings)，用时 \(String(format: "%.2f", seconds)) 秒 → \(output)"
    }
}
