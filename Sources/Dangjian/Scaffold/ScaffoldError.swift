/// Problems with `dangjian new`, `import` and `init`: option values, a missing value, an existing file.
public enum ScaffoldError: DiagnosticConvertible, Equatable {
    case unknownValue(option: String, field: String, label: String, value: String, choices: [String])
    case missingValue(option: String, label: String, choices: [String])
    case invalidDate(option: String, value: String)
    case invalidNumber(option: String, label: String, value: String)
    case unknownKind(value: String, kinds: [String], command: String)
    case unknownOption(option: String, kind: String, fields: [String])
    case fileExists(path: String)
    case emptyTitle
    case siteExists(folder: String)
    case folderNotWritable(folder: String)
    case themeMissing(path: String)
    case noBranches
    case invalidBranchID(id: String)
    case cannotCreateSite(folder: String, reason: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .unknownValue(option, field, noun, value, choices):
            let hint = Suggestion.closest(to: value, among: choices).map { "，是否为“\($0)”？" }
                ?? "：可选的有 \(choices.joined(separator: "、"))"
            return Diagnostic(.error, code: ModelError.code("unknown", field), file: option, message: "未知\(noun)“\(value)”\(hint)")
        case let .missingValue(option, label, choices):
            let listed = choices.isEmpty ? "" : "（可选：\(choices.joined(separator: "、"))）"
            return Diagnostic(.error, code: "missing-option", file: option,
                              message: "缺少\(label)：请用 \(option) 指定\(listed)")
        case let .invalidDate(option, value):
            return Diagnostic(.error, code: "invalid-date", file: option,
                              message: "日期“\(value)”无效：请写成 2024-03-06 这样的年-月-日")
        case let .invalidNumber(option, label, value):
            return Diagnostic(.error, code: "invalid-number", file: option, message: "\(label)“\(value)”无效：应为正整数")
        case let .unknownKind(value, kinds, command):
            let hint = Suggestion.closest(to: value, among: kinds).map { "，是否为“\($0)”？" } ?? ""
            return Diagnostic(.error, code: "unknown-kind", file: "dangjian \(command)",
                              message: "未知类型“\(value)”\(hint)：可用的类型有 \(kinds.joined(separator: "、"))")
        case let .unknownOption(option, kind, fields):
            let hint = Suggestion.closest(to: String(option.drop { $0 == "-" }), among: fields).map { "，是否为“--\($0)”？" } ?? ""
            return Diagnostic(.error, code: "unknown-option", file: option,
                              message: "\(kind)没有这个选项\(hint)：可用的选项有 \(fields.map { "--" + $0 }.joined(separator: "、"))")
        case let .fileExists(path):
            return Diagnostic(.error, code: "file-exists", file: path,
                              message: "文件已存在，未做任何改动：如要另写一篇，请换个标题或用 --slug 指定文件名")
        case .emptyTitle:
            return Diagnostic(.error, code: "empty-title", file: "dangjian", message: "标题不能为空")
        case let .siteExists(folder):
            return Diagnostic(.error, code: "site-exists", file: folder,
                              message: "这里已经有网站（content/ 或 templates/ 文件夹），未做任何改动：请换一个新文件夹，或直接在这里用 dangjian new 添加内容")
        case let .folderNotWritable(folder):
            return Diagnostic(.error, code: "folder-not-writable", file: folder,
                              message: "没有权限在这个文件夹中新建文件：请换一个自己的文件夹（例如“文档”中的一个新文件夹）")
        case let .themeMissing(path):
            return Diagnostic(.error, code: "theme-missing", file: path,
                              message: "找不到默认外观（模板）：安装包可能不完整，请重新安装 dangjian，或用环境变量 DANGJIAN_THEME 指定模板文件夹")
        case .noBranches:
            return Diagnostic(.error, code: "no-branches", file: "--branch",
                              message: "至少要有一个支部：请用 --branch 编号:名称 写上，例如 --branch jiguan-1:机关第一党支部")
        case let .invalidBranchID(id):
            return Diagnostic(.error, code: "invalid-branch-id", file: "--branch",
                              message: "支部编号“\(id)”只能用小写英文字母、数字和连字符，例如 jiguan-1：名称可以是中文，写在冒号后面")
        case let .cannotCreateSite(folder, reason):
            return Diagnostic(.error, code: "cannot-create-site", file: folder,
                              message: "新建网站失败（\(reason)），未留下任何文件：请检查磁盘空间和文件夹权限")
        }
    }
}
