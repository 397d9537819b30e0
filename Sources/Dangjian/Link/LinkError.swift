/// Problems with links in entry bodies: cross-references, pictures and attachments.
public enum LinkError: DiagnosticConvertible, Equatable {
    case missingTarget(location: SourceLocation, target: String)
    case unpublishedTarget(location: SourceLocation, target: String)
    case missingAsset(location: SourceLocation, path: String)
    case outsideContent(location: SourceLocation, path: String)
    /// A picture or attachment that is a link out of the site root, a link loop or a named pipe.
    case refusedAsset(location: SourceLocation, path: String, refusal: FileRefusal)
    case unsafeLink(location: SourceLocation, url: String)
    case rootRelative(location: SourceLocation, url: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .missingTarget(location, target):
            return Diagnostic(.error, code: "missing-link-target", at: location,
                              message: "链接的文件“\(target)”不存在：请检查文件名和相对路径（相对于本文件所在文件夹）")
        case let .unpublishedTarget(location, target):
            return Diagnostic(.warning, code: "unpublished-link-target", at: location,
                              message: "链接的“\(target)”是草稿或日期未到，本次未发布：链接暂显示为普通文字")
        case let .missingAsset(location, path):
            return Diagnostic(.error, code: "missing-asset", at: location,
                              message: "找不到图片或附件“\(path)”：请检查文件名和相对路径（相对于本文件所在文件夹）")
        case let .outsideContent(location, path):
            return Diagnostic(.error, code: "outside-content", at: location,
                              message: "“\(path)”指向 content/ 文件夹之外：图片和附件请放在 content/ 之内")
        case let .refusedAsset(location, path, refusal):
            return Diagnostic(.error, code: "refused-file", at: location,
                              message: "图片或附件“\(path)”\(refusal.explanation)：\(refusal.fix)")
        case let .unsafeLink(location, url):
            return Diagnostic(.warning, code: "unsafe-link", at: location,
                              message: "链接“\(url)”可能执行脚本，已只保留文字")
        case let .rootRelative(location, url):
            return Diagnostic(.warning, code: "root-relative-link", at: location,
                              message: "链接“\(url)”以 / 开头，放在内网子路径或从共享盘打开时会失效：请改用相对路径")
        }
    }
}
