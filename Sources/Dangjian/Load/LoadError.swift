/// What can go wrong while reading files and splitting front matter.
public enum LoadError: DiagnosticConvertible, Equatable {
    case unreadable(file: String, reason: String)
    case notUTF8(file: String, byteOffset: Int, line: Int)
    case utf16(file: String)
    case nulByte(location: SourceLocation)
    case readAsGB18030(file: String)
    case emptyFile(file: String)
    case missingFrontMatter(file: String)
    case unclosedFrontMatter(file: String, openingLine: Int)
    case yamlSyntax(location: SourceLocation, problem: String)
    case frontMatterNotMapping(location: SourceLocation)
    case duplicateKey(location: SourceLocation, key: String)
    case yamlAlias(location: SourceLocation, isAlias: Bool)
    case undecodableName(folder: String, shown: String, isFolder: Bool)
    case emptySiteConfig(file: String)
    /// site.yml could not be used: the problems that would follow from it in other files are not reported.
    case checksHeldBack(file: String, count: Int)
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
        case let .notUTF8(file, offset, line):
            return Diagnostic(.error, code: "not-utf8", file: file, line: line,
                              message: "文件不是 UTF-8 编码（第 \(offset) 字节起无法识别，可能是 GBK/GB18030）：请用记事本打开，“另存为”时将编码选为 UTF-8")
        case let .utf16(file):
            return Diagnostic(.error, code: "utf16-file", file: file,
                              message: "文件是 UTF-16 编码（记事本中叫“Unicode”或“UTF-16 LE”），不是 UTF-8：请用记事本打开，“另存为”时将编码选为 UTF-8")
        case let .nulByte(location):
            return Diagnostic(.error, code: "nul-byte", at: location,
                              message: "这里有一个空字符（NUL，看不见的字节 0），普通文本中不会有：可能是文件已损坏，或从别的软件复制时带入；请删去这个看不见的字符，或用记事本“另存为” UTF-8 文本")
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
                              message: "\(Self.what(location.file))格式有误（\(problem)）：请检查冒号后是否有空格、缩进是否对齐、引号是否成对")
        case let .frontMatterNotMapping(location):
            return Diagnostic(.error, code: "front-matter-not-mapping", at: location,
                              message: "\(Self.what(location.file))应为“字段: 值”的形式，每行一个字段")
        case let .duplicateKey(location, key):
            return Diagnostic(.error, code: "duplicate-field", at: location,
                              message: "字段“\(key)”写了两次：请删除其中一个")
        case let .yamlAlias(location, isAlias):
            let what = isAlias ? "别名（以 * 开头）" : "锚点（以 & 开头）"
            return Diagnostic(.error, code: "yaml-alias", at: location,
                              message: "这里是 YAML 的\(what)，本工具不支持锚点和别名：请把要重复的内容直接写出来；如果这段文字本身以 * 或 & 开头，请给它加上引号")
        case let .undecodableName(folder, shown, isFolder):
            let what = isFolder ? "文件夹" : "文件"
            return Diagnostic(.error, code: "undecodable-file-name", file: folder,
                              message: "这个文件夹中有一个\(what)的名称无法识别（不是 UTF-8 编码，显示为“\(shown)”），已跳过：请把它重命名为普通的中文或英文名称（多半是从别的电脑拷来或解压时名称乱码了）")
        case let .emptySiteConfig(file):
            return Diagnostic(.error, code: "empty-site-config", file: file, line: 1, column: 1,
                              message: "站点配置文件 site.yml 是空的：请写上 title（网站标题）、branches（支部）、talk_series（系列）等设置（可参照示例站点）")
        case let .checksHeldBack(file, count):
            return Diagnostic(.warning, code: "checks-held-back", file: file,
                              message: "site.yml 无法使用，其他文件的 \(count) 处问题暂不列出（多半由此而起，如未知支部、系列、类别）：请先改正 site.yml，再运行一次")
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

    /// What a YAML problem is in: site.yml, or an entry's front matter.
    private static func what(_ file: String) -> String {
        file.hasSuffix("/" + ContentLoader.siteConfigName) ? "site.yml " : "前置信息"
    }
}
