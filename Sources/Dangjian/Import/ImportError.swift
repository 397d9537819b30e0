/// Problems of `dangjian import`, each naming the document (as given on the command line or
/// found in the folder) and what to do.
public enum ImportError: DiagnosticConvertible, Equatable {
    case pandocMissing
    case notADocument(file: String)
    case pdfDocument(file: String)
    case officeTempFile(file: String)
    case oldWordFormat(file: String, libreOfficeFailed: String?)
    case passwordProtected(file: String)
    case corrupt(file: String, reason: String)
    case conversionTimedOut(file: String, seconds: Int)
    case emptyDocument(file: String)
    case noSource(path: String)
    case nameNotUTF8(file: String, gbk: String?)
    case alreadyImported(file: String, entry: String)
    case fieldNotFound(file: String, entry: String, field: String, label: String)
    case valueNotKnown(file: String, entry: String, field: String, label: String, value: String)
    case dateFromFileTime(file: String, entry: String)
    case numberTaken(file: String, label: String, number: Int, given: Int)
    case unshownPicture(file: String, entry: String, picture: String)
    case cannotWrite(file: String, entry: String, reason: String)

    public var diagnostic: Diagnostic {
        switch self {
        case .pandocMissing:
            return Diagnostic(.error, code: "pandoc-missing", file: "dangjian import",
                              message: "找不到 pandoc，无法读取 Word 文档：请先安装（sudo apt-get install pandoc），或用环境变量 DANGJIAN_PANDOC 指定它的位置")
        case let .notADocument(file):
            return Diagnostic(.warning, code: "import-not-a-document", file: file,
                              message: "不是 Word 文档（.docx、.doc、.wps），已跳过")
        case let .pdfDocument(file):
            return Diagnostic(.warning, code: "import-not-a-document", file: file,
                              message: "PDF 文件无法导入，已跳过：请用 Word 或 WPS 打开它，“另存为” .docx 后再导入")
        case let .officeTempFile(file):
            return Diagnostic(.warning, code: "import-not-a-document", file: file,
                              message: "这是 Word 打开文档时留下的临时文件（~$ 开头），已跳过")
        case let .oldWordFormat(file, failure):
            let how = "请用 Word 或 WPS 打开它，“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再导入 .docx"
            if let failure {
                return Diagnostic(.error, code: "import-old-format", file: file, message: "LibreOffice 未能转换此文件（\(failure)）：\(how)")
            }
            return Diagnostic(.error, code: "import-old-format", file: file,
                              message: "这是旧版 .doc/.wps 格式，本机没有安装 LibreOffice，无法转换：\(how)"
                                + "（或安装 LibreOffice：sudo apt-get install libreoffice-writer）")
        case let .passwordProtected(file):
            return Diagnostic(.error, code: "import-password", file: file,
                              message: "文档设置了打开密码，无法读取：请在 Word 中打开，“文件 → 信息 → 保护文档 → 用密码进行加密”，清空密码并保存后再导入")
        case let .corrupt(file, reason):
            return Diagnostic(.error, code: "import-unreadable", file: file,
                              message: "无法读取此文档（\(reason)）：文件可能已损坏或不是真正的 Word 文档，请用 Word 打开检查后重新另存为 .docx")
        case let .conversionTimedOut(file, seconds):
            return Diagnostic(.error, code: "import-unreadable", file: file,
                              message: "转换超过 \(seconds) 秒仍未完成，已放弃：请检查文档是否过大或已损坏，可拆成几个文档再导入")
        case let .emptyDocument(file):
            return Diagnostic(.warning, code: "import-empty", file: file, message: "文档没有正文，未导入")
        case let .noSource(path):
            return Diagnostic(.error, code: "import-no-source", file: path,
                              message: "找不到这个文件或文件夹：请检查路径（含空格的路径请加引号）")
        case let .nameNotUTF8(file, gbk):
            let reading = gbk.map { "（按 GBK 编码读是“\($0)”，多半是在 Windows 上打包、在这里解压的）" } ?? ""
            return Diagnostic(.error, code: "import-name-not-utf8", file: file,
                              message: "文件名不是 UTF-8 编码\(reading)，无法读取，未导入：请在文件管理器中把它重新命名（重新输入中文名）后再导入")
        case let .alreadyImported(file, entry):
            return Diagnostic(.warning, code: "import-exists", file: file,
                              message: "已导入过（\(entry)），未改动，已跳过")
        case let .fieldNotFound(file, entry, field, label):
            return Diagnostic(.warning, code: "import-field-missing", file: file,
                              message: "文档中没有找到\(label)：请在 \(entry) 中填写“\(field):”，或导入时用 --\(field) 指定")
        case let .valueNotKnown(file, entry, field, label, value):
            return Diagnostic(.warning, code: "import-field-missing", file: file,
                              message: "文档写的\(label)“\(value)”不在 site.yml 或现有条目中：请在 \(entry) 中填写“\(field):”，或导入时用 --\(field) 指定")
        case let .dateFromFileTime(file, entry):
            return Diagnostic(.warning, code: "import-date-guessed", file: file,
                              message: "文件名和正文开头都没有日期，已取文件的修改时间：请核对 \(entry) 的“date:”（改日期时文件名中的日期也要一起改）")
        case let .numberTaken(file, label, number, given):
            return Diagnostic(.warning, code: "import-number-taken", file: file,
                              message: "文档写的是第 \(number) 期，但\(label) \(number) 已被占用，已改为 \(given)：请核对")
        case let .unshownPicture(file, entry, picture):
            return Diagnostic(.warning, code: "import-picture-format", file: file,
                              message: "图片 \(picture) 是 EMF/WMF 格式，网页无法显示，已作为附件链接放在 \(entry) 中：请在 Word 中把这张图片另存为 PNG 或 JPG，替换后改正链接")
        case let .cannotWrite(file, entry, reason):
            return Diagnostic(.error, code: "cannot-write", file: file, message: "无法写入 \(entry)（\(reason)）：此文档未导入")
        }
    }
}
