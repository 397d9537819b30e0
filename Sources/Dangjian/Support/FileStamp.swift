import Foundation

/// What `lstat` says of a file: enough to tell, as git and make do, that it has not been touched
/// since it was recorded (size, modification and change times to the nanosecond, inode).
struct FileStamp: Equatable, Sendable {
    let size: Int64
    let modified: Int64
    let changed: Int64
    let inode: UInt64

    /// The stamp of a regular file at `path` (links not followed); nil for anything else or nothing.
    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileStamp(info)
    }

    /// The stamp of the file at `path` (a link inside the root: its target), nil when it cannot be looked at.
    static func following(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    init(_ info: stat) {
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
    }

    init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    /// The same file left as it was written: making a hard link to a file changes its change time,
    /// so for files of the site only size, modification time and inode are compared.
    func sameContent(as other: FileStamp) -> Bool {
        size == other.size && modified == other.modified && inode == other.inode
    }
}
