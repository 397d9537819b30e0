/// What the model stage finds wrong in site.yml and in entries' front matter.
public enum ModelError: DiagnosticConvertible, Equatable {
    case missingField(file: String, field: String, label: String)
    case wrongType(location: SourceLocation, field: String, expected: String)
    case invalidDate(location: SourceLocation, value: String)
    case unknownValue(location: SourceLocation, field: String, label: String, value: String, choices: [String])
    case invalidSlug(location: SourceLocation, value: String)
    case invalidInteger(location: SourceLocation, field: String, label: String, value: String)
    case numberOutOfRange(location: SourceLocation, field: String, label: String, value: String, maximum: Int, whole: Bool)
    case duplicateVocabularyValue(location: SourceLocation, list: String, value: String, first: SourceLocation)
    case duplicateBranchName(location: SourceLocation, name: String, first: SourceLocation)
    case duplicateNumber(location: SourceLocation, field: String, label: String, kind: String, numberText: String, otherFile: String)
    case wrongFolder(location: SourceLocation, kind: String, folder: String, hint: String)
    case unknownReference(location: SourceLocation, field: String, label: String, value: String, kind: String,
                          suggestion: String?)
    case unpublishedReference(location: SourceLocation, label: String, value: String, kind: String)
    case missingFile(location: SourceLocation, label: String, path: String)
    /// A file a field names that is a link out of the site root, a link loop or a named pipe.
    case refusedFile(location: SourceLocation, label: String, path: String, refusal: FileRefusal)
    case invalidScore(location: SourceLocation, label: String, value: String, maximum: Int)
    case duplicateScore(location: SourceLocation, branch: String)
    case periodClash(location: SourceLocation, period: String, otherFile: String)
    case personSpelling(location: SourceLocation, label: String, name: String, preferred: String)
    case personNotInRoster(location: SourceLocation, label: String, name: String, suggestion: String)
    case missingCover(location: SourceLocation, path: String)
    case coverNotPicture(location: SourceLocation, path: String)
    case tooManyItems(location: SourceLocation, label: String, count: Int, limit: Int, place: String)
    case itemTooLong(location: SourceLocation, label: String, number: Int, length: Int, limit: Int, place: String)
    case unknownField(location: SourceLocation, field: String, suggestion: String?)
    case invalidSiteSetting(location: SourceLocation, setting: String, problem: String)
    case invalidBaseURL(location: SourceLocation, value: String, problem: String)
    case duplicateBranch(location: SourceLocation, id: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .missingField(file, field, label):
            return Diagnostic(.error, code: "missing-field", file: file, line: 1, column: 1,
                              message: "缺少必填字段“\(field)”（\(label)）：请在前置信息中加一行“\(field): …”")
        case let .wrongType(location, field, expected):
            return Diagnostic(.error, code: "wrong-type", at: location,
                              message: "字段“\(field)”应为\(expected)")
        case let .invalidDate(location, value):
            return Diagnostic(.error, code: "invalid-date", at: location,
                              message: "日期“\(value)”无效：请写成 2024-03-06 这样的年-月-日（年份为 1000–9999 的四位数，可加时间 2024-03-06 08:30）")
        case let .unknownValue(location, field, label, value, choices):
            return Diagnostic(.error, code: Self.code("unknown", field), at: location,
                              message: Self.unknownValueMessage(label: label, value: value, choices: choices))
        case let .invalidSlug(location, value):
            return Diagnostic(.error, code: "invalid-slug", at: location,
                              message: "网址名“\(value)”无效：slug 只能使用小写英文字母、数字和连字符 -，不超过 100 个字符（例如 hong-se-yin-qing）")
        case let .invalidInteger(location, field, label, value):
            return Diagnostic(.error, code: Self.code("invalid", field), at: location,
                              message: "\(label)“\(value)”无效：\(field) 应为正整数，例如 12")
        case let .numberOutOfRange(location, field, label, value, maximum, whole):
            let wanted = whole ? "1 到 \(maximum) 之间的整数" : "大于 0、不超过 \(maximum) 的数"
            return Diagnostic(.error, code: "number-out-of-range", at: location,
                              message: "\(label)“\(value)”超出范围：\(field) 应为\(wanted)，请检查是否多打或少打了数字")
        case let .duplicateVocabularyValue(location, list, value, first):
            return Diagnostic(.warning, code: "duplicate-vocabulary-value", at: location,
                              message: "“\(value)”在 \(list) 中写了两次（第 \(first.line) 行第 \(first.column) 列已有）：只保留前一个，请删去这一个")
        case let .duplicateBranchName(location, name, first):
            return Diagnostic(.warning, code: "duplicate-branch-name", at: location,
                              message: "支部名称“\(name)”与第 \(first.line) 行的支部重复：按名称填写的“\(name)”都算作前一个支部，请给这个支部改一个名称")
        case let .duplicateNumber(location, field, label, kind, numberText, otherFile):
            return Diagnostic(.error, code: Self.code("duplicate", field), at: location,
                              message: "\(kind)\(numberText)与 \(otherFile) 重复：\(label)必须各不相同")
        case let .wrongFolder(location, kind, folder, hint):
            return Diagnostic(.error, code: "wrong-folder", at: location,
                              message: "此文件按“\(kind)”的格式书写（有 \(hint) 字段），却不在 \(folder)/ 文件夹中：请把它移到 content/\(folder)/ 中")
        case let .unknownReference(location, field, label, value, kind, suggestion):
            let hint = suggestion.map { "，是否为“\($0)”？" } ?? "：请填写\(kind)的文件名、网址名或标题"
            return Diagnostic(.error, code: Self.code("unknown", field), at: location, message: "找不到\(label)“\(value)”\(hint)")
        case let .unpublishedReference(location, label, value, kind):
            return Diagnostic(.warning, code: "unpublished-reference", at: location,
                              message: "\(label)“\(value)”是草稿或日期未到，本次未发布：此\(kind)也暂不发布")
        case let .refusedFile(location, label, path, refusal):
            return Diagnostic(.error, code: "refused-file", at: location,
                              message: "\(label)“\(path)”\(refusal.explanation)：\(refusal.fix)")
        case let .missingCover(location, path):
            return Diagnostic(.error, code: "missing-cover", at: location,
                              message: "找不到封面图片“\(path)”：路径应相对于本文件所在文件夹，且不能指向 content/ 之外")
        case let .coverNotPicture(location, path):
            return Diagnostic(.error, code: "cover-not-picture", at: location,
                              message: "封面“\(path)”不是图片：请换成 JPG、PNG、GIF、WebP 或 SVG 格式的图片文件（改文件扩展名不能改变格式）")
        case let .tooManyItems(location, label, count, limit, place):
            return Diagnostic(.warning, code: "too-many-items", at: location,
                              message: "\(label)有 \(count) 条：\(place)上最多排得下 \(limit) 条，多了字会很小甚至放不下。请合并或精简到 \(limit) 条以内")
        case let .itemTooLong(location, label, number, length, limit, place):
            return Diagnostic(.warning, code: "item-too-long", at: location,
                              message: "第 \(number) 条\(label)有 \(length) 字：\(place)上每条\(label)宜在 \(limit) 字以内，请精简（详细内容写进正文）")
        case let .unknownField(location, field, suggestion):
            let hint = suggestion.map { "，是否为“\($0)”？" } ?? "：模板仍可使用它，如为笔误请修改"
            return Diagnostic(.warning, code: "unknown-field", at: location,
                              message: "未知字段“\(field)”\(hint)")
        case let .missingFile(location, label, path):
            return Diagnostic(.error, code: "missing-file", at: location,
                              message: "找不到\(label)“\(path)”：路径应相对于本文件所在文件夹，且不能指向 content/ 之外")
        case let .invalidScore(location, label, value, maximum):
            let problem = value.isEmpty ? "\(label)还没有填" : "\(label)“\(value)”无效"
            return Diagnostic(.error, code: "invalid-score", at: location,
                              message: "\(problem)：应为 1 到 \(maximum) 的整数，例如 5")
        case let .duplicateScore(location, branch):
            return Diagnostic(.error, code: "duplicate-score", at: location,
                              message: "\(branch)在本期评定中出现了两次：每个支部每期只评一次，请删除其中一行")
        case let .periodClash(location, period, otherFile):
            return Diagnostic(.error, code: "duplicate-period", at: location,
                              message: "\(period)已有评定文件 \(otherFile)：同一时期只能有一个评定文件，请合并到一个文件中")
        case let .personSpelling(location, label, name, preferred):
            return Diagnostic(.warning, code: "person-spelling", at: location,
                              message: "\(label)“\(name)”与“\(preferred)”只差空格，应是同一人：请统一写作“\(preferred)”")
        case let .personNotInRoster(location, label, name, suggestion):
            return Diagnostic(.warning, code: "person-not-in-roster", at: location,
                              message: "\(label)“\(name)”不在 site.yml 的讲师名册（speakers）中，是否为“\(suggestion)”？如是新的主讲人，可加入名册")
        case let .invalidSiteSetting(location, setting, problem):
            return Diagnostic(.error, code: "invalid-site-setting", at: location,
                              message: "站点设置“\(setting)”有误：\(problem)")
        case let .invalidBaseURL(location, value, problem):
            let shown = value.count > 80 ? value.prefix(80) + "…" : value
            return Diagnostic(.error, code: "invalid-base-url", at: location,
                              message: "网站地址 base_url“\(shown)”无效：\(problem)。请写成 http:// 或 https:// 开头的完整地址，"
                                  + "例如 http://intranet.example/dangjian/；不需要二维码时可删掉这一行")
        case let .duplicateBranch(location, id):
            return Diagnostic(.error, code: "duplicate-branch", at: location,
                              message: "支部编号“\(id)”重复：site.yml 中每个支部的 id 必须不同")
        }
    }

    /// A field's own code: `unknown-series`, `invalid-attendance`, `unknown-red-flag` (hyphens, as all codes).
    public static func code(_ problem: String, _ field: String) -> String {
        problem + "-" + field.replacingOccurrences(of: "_", with: "-")
    }

    static func unknownValueMessage(label noun: String, value: String, choices: [String]) -> String {
        if let match = Suggestion.closest(to: value, among: choices) {
            return "未知\(noun)“\(value)”，是否为“\(match)”？"
        }
        let listed = choices.prefix(12).joined(separator: "、")
        return "未知\(noun)“\(value)”：应为 site.yml 中列出的\(noun)之一（\(listed)\(choices.count > 12 ? "……" : "")）"
    }
}
