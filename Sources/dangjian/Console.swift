import ArgumentParser
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

    /// The closing line of a failed build or print, and its exit status: 2 when another build holds
    /// the output folder (nothing was tried: not a content error), else 1.
    static func buildFailed(_ report: BuildReport) -> ExitCode {
        if report.errors.contains(where: { $0.code == WriteError.buildRunningCode }) {
            line("未生成：另一次生成还在进行。原有的 site/ 未被改动。", error: true)
            return ExitCode(2)
        }
        line("生成失败：\(DiagnosticFormatter.summary(report.diagnostics))。原有的 site/ 未被改动。", error: true)
        return ExitCode(1)
    }

    static let phaseNames = ["load": "读取", "model": "校验", "media": "视频", "link": "链接", "pictures": "图片网页版本", "prepare": "准备模板", "search index": "搜索索引",
                             "render and write": "生成与写入", "print": "打印", "swap": "替换", "remove old site": "删除旧网站",
                             "check spare": "核对备用副本", "update spare": "更新备用副本", "remove spare": "删除备用副本",
                             "check changes": "检查改动", "check site": "核对网站", "link unchanged": "沿用未变文件"]

    static func phases(_ report: BuildReport) {
        let parts = report.phases.map { "\(phaseNames[$0.name] ?? $0.name) \(String(format: "%.2f", $0.seconds)) 秒" }
        line("各阶段用时：" + parts.joined(separator: "，"))
        if !report.memory.isEmpty, report.memory.contains(where: { $0.mebibytes > 0 }) {
            line("各阶段结束时占用内存：" + report.memory.map { "\(phaseNames[$0.name] ?? $0.name) \($0.mebibytes) MB" }.joined(separator: "，"))
        }
        if report.reusedFiles > 0 { line("沿用上次生成的未变文件 \(report.reusedFiles) 个，其余重新写入。") }
        if report.keptPages > 0 { line("其中 \(report.keptPages) 个页面所用的内容与上次相同，未重新生成。") }
    }

    /// 已生成 96 个页面（晨学 30 讲、沙龙 4 期、品牌 5 个；标签 15 个、简报 13 期、展板 5 块），用时 0.12 秒 → site
    static func buildSummary(_ report: BuildReport, output: String) -> String {
        func parts(_ entries: Bool) -> String {
            report.summary.filter { $0.countsEntries == entries }.map { "\($0.label) \($0.count) \($0.unit)" }.joined(separator: "、")
        }
        let contents = [parts(true), parts(false)].filter { !$0.isEmpty }.joined(separator: "；")
        let seconds = report.phases.reduce(0) { $0 + $1.seconds }
        let warnings = report.warnings.isEmpty ? "" : "，\(report.warnings.count) 个警告"
        return "已生成 \(report.pageCount) 个页面（\(contents)）\(warnings)，用时 \(String(format: "%.2f", seconds)) 秒 → \(output)"
    }
}
