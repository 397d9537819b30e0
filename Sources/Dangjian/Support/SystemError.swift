import Foundation

/// The system's reasons for a failed file operation, in words for people (the system's own are English).
public enum SystemError {
    /// `errno` → a few Chinese words (`磁盘已满`).
    public static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "磁盘已满"
        case EACCES, EPERM: return "没有权限"
        case EROFS: return "磁盘是只读的"
        case ENOENT: return "文件或文件夹不存在"
        case ENOTDIR: return "路径中有一段不是文件夹"
        case EISDIR: return "这是文件夹，不是文件"
        case ENAMETOOLONG: return "文件名太长"
        case EMFILE, ENFILE: return "同时打开的文件太多"
        case EIO: return "磁盘读写出错"
        case EEXIST: return "已有同名文件"
        case ELOOP: return "是链接（快捷方式），不是文件"
        default: return "系统错误 \(code)"
        }
    }

    /// Whether `code` means the disk (or the user's quota on it) has no room left.
    public static func isDiskFull(_ code: Int32) -> Bool { code == ENOSPC || code == EDQUOT }
}
