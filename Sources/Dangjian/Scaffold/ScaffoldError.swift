/// Problems with `dangjian new`: option values, a missing value, an existing file.
public enum ScaffoldError: DiagnosticConvertible, Equatable {
    case unknownValue(option: String, field: String, value: String, choices: [String])
    case missingValue(option: String, field: String, choices: [String])
    case invalidDate(option: String, value: String)
    case invalidIssue(option: String, value: String)
    case fileExists(path: String)
    case emptyTitle

    public var diagnostic: Diagnostic {
        switch self {
        case let .unknownValue(option, field, value, choices):
            let noun = FieldLabels.label(field)
            let hint = Suggestion.closest(to: value, among: choices).map { "，是否为“\($0)”？" }
                ?? "：可选的有 \(choices.joined(separator: "、"))"
            return Diagnostic(.error, code: "unknown-\(field)", file: option, message: "未知\(noun)“\(value)”\(hint)")
        case let .missingValue(option, field, choices):
            let listed = choices.isEmpty ? "" : "（可选：\(choices.joined(separator: "、"))）"
            return Diagnostic(.error, code: "missing-option", file: option,
                              message: "缺少\(FieldLabels.label(field))：请用 \(option) 指定\(listed)")
        case let .invalidDate(option, value):
            return Diagnostic(.error, code: "invalid-date", file: option,
                              message: "日期“\(value)”无效：请写成 2024-03-06 这样的年-月-日")
        case let .invalidIssue(option, value):
            return Diagnostic(.error, code: "invalid-issue", file: option, message: "期数“\(value)”无效：应为正整数")
        case let .fileExists(path):
            return Diagnostic(.error, code: "file-exists", file: path,
                              message: "文件已存在，未做任何改动：如要另写一篇，请换个标题或用 --slug 指定文件名")
        case .emptyTitle:
            return Diagnostic(.error, code: "empty-title", file: "TITLE", message: "标题不能为空")
        }
    }
}
