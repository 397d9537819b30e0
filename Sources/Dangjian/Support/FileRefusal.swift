import Foundation

/// Why a name in the site's folders is not read or published although something is there: it is not
/// a plain file inside the site root. Found with `lstat` and `realpath`, never by opening it (a FIFO
/// would block the build for ever).
public enum FileRefusal: Sendable, Hashable {
    /// A link (or a chain of links) that ends outside the site root, at `target`.
    case outsideRoot(target: String)
    /// A link that leads back to itself, however many steps it takes.
    case linkLoop
    /// A link to nothing.
    case brokenLink
    /// A folder (or a link to one) where a file was expected.
    case folder
    /// A named pipe (FIFO), socket or device.
    case special(kind: String)

    /// What the name is, in words for people: “是……”.
    public var explanation: String {
        switch self {
        case let .outsideRoot(target): return "是指向站点文件夹之外（\(target)）的链接（快捷方式），为安全起见不读取也不发布"
        case .linkLoop: return "是循环的链接（链接绕了一圈又指回自己），无法读取"
        case .brokenLink: return "是链接（快捷方式），但它指向的文件已不存在"
        case .folder: return "是一个文件夹，不是文件"
        case let .special(kind): return "是\(kind)，不是普通文件，无法读取"
        }
    }

    /// How to make it a file that can be published.
    public var fix: String {
        switch self {
        case .outsideRoot, .linkLoop, .brokenLink: return "请删除这个链接，把文件本身复制到 content/ 中"
        case .folder: return "请给文件夹改名（名称不要以 .md 结尾），或换成文件"
        case .special: return "请删除它，换成普通文件"
        }
    }

    /// The kind of a special file, from its `st_mode`.
    static func special(mode: mode_t) -> FileRefusal {
        switch mode & S_IFMT {
        case S_IFIFO: return .special(kind: "命名管道（FIFO）")
        case S_IFSOCK: return .special(kind: "套接字文件")
        default: return .special(kind: "设备文件")
        }
    }
}
