/// What the model stage finds wrong in site.yml and in entries' front matter.
public enum ModelError: DiagnosticConvertible, Equatable {
    case missingField(file: String, field: String)
    case wrongType(location: SourceLocation, field: String, expected: String)
    case invalidDate(location: SourceLocation, value: String)
    case unknownValue(location: SourceLocation, field: String, value: String, choices: [String])
    case invalidSlug(location: SourceLocation, value: String)
    case invalidIssue(location: SourceLocation, value: String)
    case duplicateIssue(location: SourceLocation, issue: Int, otherFile: String)
    case missingCover(location: SourceLocation, path: String)
    case unknownField(location: SourceLocation, field: String, suggestion: String?)
    case invalidSiteSetting(location: SourceLocation, setting: String, problem: String)
    case duplicateBranch(location: SourceLocation, id: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .missingField(file, field):
            return Diagnostic(.error, code: "missing-field", file: file, line: 1, column: 1,
                              message: "缺少必填字段“\(field)”（\(FieldLabels.label(field))）：请在前置信息中加一行“\(field): …”")
        case let .wrongType(location, field, expected):
            return Diagnostic(.error, code: "wrong-type", at: location,
                              message: "字段“\(field)”应为\(expected)")
        case let .invalidDate(location, value):
            return Diagnostic(.error, code: "invalid-date", at: location,
                              message: "日期“\(value)”无效：请写成 2024-03-06 这样的年-月-日（可加时间 2024-03-06 08:30）")
        case let .unknownValue(location, field, value, choices):
            return Diagnostic(.error, code: "unknown-\(field)", at: location,
                              message: unknownValueMessage(field: field, value: value, choices: choices))
        case let .invalidSlug(location, value):
            return Diagnostic(.error, code: "invalid-slug", at: location,
                              message: "网址名“\(value)”无效：slug 只能使用小写英文字母、数字和连字符 -（例如 hong-se-yin-qing）")
        case let .invalidIssue(location, value):
            return Diagnostic(.error, code: "invalid-issue", at: location,
                              message: "期数“\(value)”无效：issue 应为正整数，例如 12")
        case let .duplicateIssue(location, issue, otherFile):
            return Diagnostic(.error, code: "duplicate-issue", at: location,
                              message: "第 \(issue) 期与 \(otherFile) 重复：每期先锋沙龙的期数必须不同")
        case let .missingCover(location, path):
            return Diagnostic(.error, code: "missing-cover", at: location,
                              message: "找不到封面图片“\(path)”：路径应相对于本文件所在文件夹，且不能指向 content/ 之外")
        case let .unknownField(location, field, suggestion):
            let hint = suggestion.map { "，是否为“\($0)”？" } ?? "：模板仍可使用它，如为笔误请修改"
            return Diagnostic(.warning, code: "unknown-field", at: location,
                              message: "未知字段“\(field)”\(hint)")
        case let .invalidSiteSetting(location, setting, problem):
            return Diagnostic(.error, code: "invalid-site-setting", at: location,
                              message: "站点设置“\(setting)”有误：\(problem)")
        case let .duplicateBranch(location, id):
            return Diagnostic(.error, code: "duplicate-branch", at: location,
                              message: "支部编号“\(id)”重复：site.yml 中每个支部的 id 必须不同")
        }
    }

    private func unknownValueMessage(field: String, value: String, choices: [String]) -> String {
        let noun = FieldLabels.label(field)
        if let match = Suggestion.closest(to: value, among: choices) {
            return "未知\(noun)“\(value)”，是否为“\(match)”？"
        }
        let listed = choices.prefix(12).joined(separator: "、")
        return "未知\(noun)“\(value)”：应为 site.yml 中列出的\(noun)之一（\(listed)\(choices.count > 12 ? "……" : "")）"
    }
}

/// The Chinese names of front matter fields, for messages.
enum FieldLabels {
    static func label(_ field: String) -> String {
        switch field {
        case "title": return "标题"
        case "date": return "日期"
        case "tags": return "标签"
        case "summary": return "摘要"
        case "slug": return "网址名"
        case "cover": return "封面"
        case "draft": return "草稿"
        case "branch": return "支部"
        case "slogan": return "品牌口号"
        case "category": return "品牌类别"
        case "highlights": return "亮点"
        case "issue": return "期数"
        case "host": return "承办支部"
        case "speakers": return "主讲人"
        case "readings": return "读物清单"
        case "homework": return "家庭作业"
        case "speaker": return "主讲人"
        case "series": return "系列"
        case "minutes": return "时长"
        default: return field
        }
    }
}
