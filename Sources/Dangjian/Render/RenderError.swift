/// Problems with the theme in `templates/`.
public enum RenderError: DiagnosticConvertible, Equatable {
    case missingTemplatesFolder(file: String)
    case missingTemplate(file: String)
    case missingPartial(location: SourceLocation, name: String)
    case templateSyntax(location: SourceLocation, problem: String)
    case unreadableTemplate(file: String, reason: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .missingTemplatesFolder(file):
            return Diagnostic(.error, code: "missing-templates", file: file,
                              message: "找不到模板文件夹 templates/：请从示例站点复制一份默认模板")
        case let .missingTemplate(file):
            return Diagnostic(.error, code: "missing-template", file: file,
                              message: "缺少模板文件，相应的页面无法生成：请从示例站点的 templates/ 中复制此文件")
        case let .missingPartial(location, name):
            return Diagnostic(.error, code: "missing-partial", at: location,
                              message: "模板引用的“\(name)”不存在：请从示例站点的 templates/ 中复制 \(name).mustache，或改正名称")
        case let .templateSyntax(location, problem):
            return Diagnostic(.error, code: "template-syntax", at: location,
                              message: "模板语法有误（\(problem)）：请检查 {{#…}} 与 {{/…}} 是否成对、名称是否一致")
        case let .unreadableTemplate(file, reason):
            return Diagnostic(.error, code: "unreadable-template", file: file, message: "无法读取模板（\(reason)）")
        }
    }
}
