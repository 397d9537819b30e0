/// What can go wrong while reading files and splitting front matter.
public enum LoadError: DiagnosticConvertible, Equatable {
    case unreadable(file: String, reason: String)
    case notUTF8(file: String, byteOffset: Int)
    case readAsGB18030(file: String)
    case emptyFile(file: String)
    case missingFrontMatter(file: String)
    case unclosedFrontMatter(file: String, openingLine: Int)
    case yamlSyntax(location: SourceLocation, problem: String)
    case frontMatterNotMapping(location: SourceLocation)
    case duplicateKey(location: SourceLocation, key: String)
    case missingSiteConfig(file: String)
    case notASite(folder: String)
    case strayMarkdown(file: String, folders: [String], suggested: String?)
    /// An entry file, site.yml or a template that is a link out of the root, a link loop, a named pipe, a folder.
    case refusedFile(file: String, refusal: FileRefusal)
    /// `content/` or `templates/` is a link to a folder outside the site root.
    case folderOutsideRoot(folder: String, target: String)
    case unreadableFolder(folder: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .unreadable(file, reason):
            return Diagnostic(.error, code: "unreadable-file", file: file,
                              message: "无法读取文件（\(reason)），请检查文件是否存在、是否有读取权限")
        case let .notUTF8(file, offset):
            return Diagnostic(.error, code: "not-utf8", file: file,
                              message: "文件不是 UTF-8 编码（第 \(offset) 字节起无法识别，可能是 GBK/GB18030）：请用记事本打开，“另存为”时将编码选为 UTF-8")
        case let .readAsGB18030(file):
            return Diagnostic(.warning, code: "gb18030-file", file: file,
                              message: "文件不是 UTF-8 编码，已按 GBK/GB18030 读取：建议用记事本打开，“另存为”时将编码选为 UTF-8")
        case let .emptyFile(file):
            return Diagnostic(.error, code: "empty-file", file: file, line: 1, column: 1,
                              message: "文件是空的：请在开头写上以 --- 开始和结束的前置信息（标题、日期等），或删除此文件")
        case let .missingFrontMatter(file):
            return Diagnostic(.error, code: "missing-front-matter", file: file, line: 1, column: 1,
                              message: "缺少前置信息：文件第一行应为 ---，随后写 title、date 等字段，再以一行 --- 结束")
        case let .unclosedFrontMatter(file, line):
            return Diagnostic(.error, code: "unclosed-front-matter", file: file, line: line, column: 1,
                              message: "前置信息没有结束：请在字段之后加一行 ---，再写正文")
        case let .yamlSyntax(location, problem):
            return Diagnostic(.error, code: "yaml-syntax", at: location,
                              message: "前置信息格式有误（\(problem)）：请检查冒号后是否有空格、缩进是否对齐、引号是否成对")
        case let .frontMatterNotMapping(location):
            return Diagnostic(.error, code: "front-matter-not-mapping", at: location,
                              message: "前置信息应为“字段: 值”的形式，每行一个字段")
        case let .duplicateKey(location, key):
            return Diagnostic(.error, code: "duplicate-field", at: location,
                              message: "字段“\(key)”写了两次：请删除其中一个")
        case let .notASite(folder):
            return Diagnostic(.error, code: "not-a-site", file: folder,
                              message: "这里不是网站文件夹（没有 content/ 文件夹）：请先进入网站文件夹再运行，或用 --root 指定；要新建网站，请运行 dangjian init 文件夹名")
        case let .missingSiteConfig(file):
            return Diagnostic(.error, code: "missing-site-config", file: file,
                              message: "找不到站点配置文件 site.yml：已有网站请把它放回 content/ 文件夹；要新建网站，请运行 dangjian init 文件夹名")
        case let .strayMarkdown(file, folders, suggested):
            let fix = suggested.map { "：按其字段看应放在 content/\($0)/ 中" } ?? "：请移入对应文件夹"
            return Diagnostic(.warning, code: "stray-markdown", file: file,
                              message: "此文件不在 \(folders.joined(separator: "、")) 任一文件夹中，未被发布\(fix)")
        case let .refusedFile(file, refusal):
            return Diagnostic(.error, code: "refused-file", file: file, message: "此文件\(refusal.explanation)：\(refusal.fix)")
        case let .folderOutsideRoot(folder, target):
            return Diagnostic(.error, code: "folder-outside-root", file: folder,
                              message: "\(folder) 是指向站点文件夹之外（\(target)）的链接，为安全起见不读取，网站未更新："
                                  + "请删除这个链接，把文件夹本身移到站点文件夹中")
        case let .unreadableFolder(folder):
            return Diagnostic(.error, code: "unreadable-folder", file: folder,
                              message: "无法打开此文件夹（没有读取权限），其中的文件读不到，网站未更新：请检查文件夹的权限")
        }
    }
}
