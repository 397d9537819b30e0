import Foundation

/// Turns diagnostics into the text people and tools read.
public enum DiagnosticFormatter {
    /// `content/talks/2024/03/06-a.md:4:9: 错误: 未知系列“政策发规”，是否为“政策法规”？`
    public static func compilerStyle(_ diagnostic: Diagnostic) -> String {
        var place = diagnostic.file
        if diagnostic.line > 0 {
            place += ":\(diagnostic.line)"
            if diagnostic.column > 0 { place += ":\(diagnostic.column)" }
        }
        let label = diagnostic.severity == .error ? "错误" : "警告"
        return "\(place): \(label): \(diagnostic.message)"
    }

    /// One line of totals: `2 个错误，1 个警告`.
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter(\.isError).count
        let warnings = diagnostics.count - errors
        return "\(errors) 个错误，\(warnings) 个警告"
    }

    /// A JSON array of objects with file, line, column, severity, code and message.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        struct Row: Encodable {
            let file: String
            let line: Int
            let column: Int
            let severity: String
            let code: String
            let message: String
        }
        let rows = diagnostics.map {
            Row(file: $0.file, line: $0.line, column: $0.column, severity: $0.severity.rawValue, code: $0.code, message: $0.message)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(rows)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
