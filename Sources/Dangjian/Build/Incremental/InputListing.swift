import Foundation

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
        guard let items = FileTree.items(of: path) else {
            exact = false
            return
        }
        for item in items {
            guard item.decodable else {
                exact = false
                continue
            }
            let full = path + "/" + item.name
            let named = relative.isEmpty ? item.name : relative + "/" + item.name
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
