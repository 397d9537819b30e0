import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Puts one imported entry into `content/`: its file and its pictures' folder appear together or
/// not at all, and nothing that exists is replaced. Both are made in the import's work folder
/// (inside `content/`, so on the same file system) and moved in: the pictures' folder by rename(2),
/// which cannot replace a file or a folder with anything in it, then the entry by link(2), which
/// cannot replace anything; when the entry cannot be placed the pictures go back.
enum EntryCommit {
    enum Outcome: Equatable {
        case placed
        /// The entry's file or its pictures' folder exists already.
        case taken
        case failed(String)
    }

    static func place(text: String, entryPath: String, pictures: URL?, picturesPath: String, root: URL, work: URL) -> Outcome {
        let staged = work.appendingPathComponent("entry.md")
        let entry = root.appendingPathComponent(entryPath)
        do {
            try Data(text.utf8).write(to: staged)
            try FileManager.default.createDirectory(at: entry.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            return .failed(error.localizedDescription)
        }
        defer { unlink(staged.path) }
        if FileManager.default.fileExists(atPath: entry.path) { return .taken }
        var moved: (from: URL, to: URL)?
        if let pictures {
            let target = root.appendingPathComponent(picturesPath)
            if FileManager.default.fileExists(atPath: target.path) { return .taken }
            guard rename(pictures.path, target.path) == 0 else {
                return errno == EEXIST || errno == ENOTEMPTY || errno == ENOTDIR ? .taken : .failed(String(cString: strerror(errno)))
            }
            moved = (pictures, target)
        }
        guard link(staged.path, entry.path) == 0 else {
            let problem = errno
            if let moved { rename(moved.to.path, moved.from.path) }
            return problem == EEXIST ? .taken : .failed(String(cString: strerror(problem)))
        }
        return .placed
    }
}
