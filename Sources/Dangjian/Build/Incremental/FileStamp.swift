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

/// Every file below `content/` and `templates/` with its stamp — hidden ones too, since being
/// conservative costs nothing here. Anything but a regular file or a folder (a symbolic link, whose
/// target may change without the link changing; a named pipe) makes the listing `exact == false`:
/// such a site is always rendered again.
struct InputListing: Sendable {
    var files: [String: FileStamp] = [:]
    var exact = true

    init() {}

    init(root: URL) {
        for folder in ["content", "templates"] {
            walk(root.path + "/" + folder, relative: folder)
        }
    }

    /// Every file below `folder`, named relative to it (a generated site).
    init(files folder: URL) {
        walk(folder.path, relative: "")
    }

    private mutating func walk(_ path: String, relative: String) {
        guard let directory = opendir(path) else {
            exact = false
            return
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let item = readdir(directory) {
            let bytes = withUnsafeBytes(of: item.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard let name = String(bytes: bytes, encoding: .utf8) else {
                exact = false
                continue
            }
            if name != ".", name != ".." { names.append(name) }
        }
        for name in names {
            let full = path + "/" + name
            let named = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else {
                exact = false
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(full, relative: named)
            case S_IFREG: files[named] = FileStamp(info)
            default: exact = false
            }
        }
    }
}
