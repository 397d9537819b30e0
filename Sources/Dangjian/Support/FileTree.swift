import Foundation

/// Lists the files below a folder with plain `readdir` calls: listing 10,000 files through
/// Foundation's URL enumerator and resource values took a third of a second, this a few
/// milliseconds. Hidden names are skipped. Symbolic links are listed only when they lead to a
/// regular file and `allowLink` accepts the path they lead to; linked folders are not entered.
/// Nothing listed is opened: a named pipe is seen with `lstat` and never read.
public enum FileTree {
    /// What is below a folder, as paths relative to it, sorted.
    public struct Listing: Sendable {
        /// Regular files, and links to regular files inside the root.
        public var files: [String] = []
        /// Folders entered (not linked ones).
        public var folders: [String] = []
        /// Names that are there but may not be read, and why (see `FileRefusal`).
        public var refused: [String: FileRefusal] = [:]
        /// Folders that could not be listed (no permission), as full paths.
        public var unreadable: [String] = []
        /// Names that are not UTF-8, left out (they cannot be opened by a decoded path).
        public var undecodable: [UndecodableName] = []
    }

    /// A name that is not UTF-8 (copied from another machine, unpacked from an archive): it cannot
    /// be opened by a decoded path, so it is left out and named (`folder` relative to the walk's start).
    public struct UndecodableName: Sendable, Equatable {
        public let folder: String
        /// The name with its broken bytes shown as U+FFFD.
        public let shown: String
        public let isFolder: Bool
    }

    /// The files below `folder`; links are followed only to regular files inside `root` (a real path).
    public static func listing(in folder: String, root: String) -> Listing {
        var listing = Listing()
        walk(folder, relative: "", into: &listing) { SafeFile.resolve($0, root: root) }
        listing.files.sort()
        listing.folders.sort()
        return listing
    }

    public static func files(in folder: String, allowLink: (String) -> Bool) -> [String] {
        var listing = Listing()
        walk(folder, relative: "", into: &listing) { path in
            SafeFile.resolve(path, root: nil).flatMap { allowLink($0) ? .success($0) : .failure(.refused(.outsideRoot(target: $0))) }
        }
        return listing.files.sorted()
    }

    /// `folder` and every folder below it (hidden ones skipped; linked ones not entered), as full paths.
    public static func folders(in folder: String) -> [String] {
        var found = [folder]
        for (name, type, _) in visibleItems(of: folder) ?? [] {
            let path = folder + "/" + name
            var info = stat()
            let isFolder = type == Int32(DT_DIR)
                || (type == Int32(DT_UNKNOWN) && lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR)
            if isFolder { found += folders(in: path) }
        }
        return found
    }

    /// The canonical path of `path` (symbolic links resolved), or nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// One name in a folder as `readdir` gives it: its `d_type` (`DT_UNKNOWN` where the file system
    /// does not say), its inode, and whether it is UTF-8.
    struct FolderItem {
        let name: String
        let type: Int32
        let inode: UInt64
        let decodable: Bool
    }

    /// The names in `folder`, hidden ones too (but `.` and `..`); nil when it cannot be listed.
    static func items(of folder: String) -> [FolderItem]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var items: [FolderItem] = []
        while let item = readdir(directory) {
            let bytes = withUnsafeBytes(of: item.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            let name = String(decoding: bytes, as: UTF8.self)
            guard name != ".", name != ".." else { continue }
            items.append(FolderItem(name: name, type: Int32(item.pointee.d_type), inode: UInt64(item.pointee.d_ino),
                                    decodable: TextDecoding.firstInvalidUTF8Offset(bytes) == nil))
        }
        return items
    }

    /// The names in `folder` not starting with a dot; nil when it cannot be listed.
    private static func visibleItems(of folder: String) -> [(name: String, type: Int32, decodable: Bool)]? {
        items(of: folder)?.filter { !$0.name.hasPrefix(".") }.map { ($0.name, $0.type, $0.decodable) }
    }

    private static func walk(_ folder: String, relative: String, into listing: inout Listing,
                             resolveLink: (String) -> Result<String, SafeFile.Failure>) {
        guard let items = visibleItems(of: folder) else {
            listing.unreadable.append(folder)
            return
        }
        for (name, type, decodable) in items {
            guard decodable else {
                listing.undecodable.append(UndecodableName(folder: relative, shown: name, isFolder: type == Int32(DT_DIR)))
                continue
            }
            let path = folder + "/" + name
            let child = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            let mode: mode_t
            switch type {
            case Int32(DT_DIR): mode = S_IFDIR
            case Int32(DT_REG): mode = S_IFREG
            default:
                // A link, a special file, or a file system that does not give types: look without following.
                guard lstat(path, &info) == 0 else { continue }
                mode = info.st_mode & S_IFMT
            }
            switch mode {
            case S_IFDIR:
                listing.folders.append(child)
                walk(path, relative: child, into: &listing, resolveLink: resolveLink)
            case S_IFREG:
                listing.files.append(child)
            case S_IFLNK:
                switch resolveLink(path) {
                case .success: listing.files.append(child)
                case let .failure(.refused(refusal)): listing.refused[child] = refusal
                case .failure(.system): listing.refused[child] = .brokenLink
                }
            default:
                listing.refused[child] = FileRefusal.special(mode: info.st_mode)
            }
        }
    }
}
