import Foundation

/// Reads and copies the site's own files so that nothing outside the site root is read and nothing
/// but a regular file is opened. Each path is resolved by its real path when it is used (a link
/// swapped in after the folder was listed is caught then), checked to lie inside the root, opened
/// with `O_NOFOLLOW | O_NONBLOCK` (a FIFO put in its place cannot block) and checked with `fstat` to
/// be a regular file. Copies are written as new regular files: a link is never copied as a link.
public enum SafeFile {
    public enum Failure: Error, Equatable {
        case refused(FileRefusal)
        /// The `errno` of a failed call.
        case system(Int32)
    }

    /// The real path of `path` when it is a regular file, or a link (chain) ending at one, inside
    /// `root` (a real path; nil: anywhere). Only `lstat`, `realpath` and `stat`: nothing is opened.
    public static func resolve(_ path: String, root: String?) -> Result<String, Failure> {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .failure(.system(errno)) }
        let isLink = info.st_mode & S_IFMT == S_IFLNK
        guard let real = realpath(path, nil) else {
            let failure = errno
            if isLink { return .failure(.refused(failure == ELOOP ? .linkLoop : .brokenLink)) }
            return .failure(.system(failure))
        }
        defer { free(real) }
        let resolved = String(cString: real)
        if let root, !isInside(resolved, root: root) { return .failure(.refused(.outsideRoot(target: resolved))) }
        guard stat(resolved, &info) == 0 else { return .failure(.system(errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .success(resolved)
        case S_IFDIR: return .failure(.refused(.folder))
        default: return .failure(.refused(FileRefusal.special(mode: info.st_mode)))
        }
    }

    /// Why `path` may not be read (see `resolve`); nil when it may, or when it is simply missing.
    public static func refusal(of path: String, root: String?) -> FileRefusal? {
        if case let .failure(.refused(refusal)) = resolve(path, root: root) { return refusal }
        return nil
    }

    /// Whether `path` (a real path) is `root` or below it.
    public static func isInside(_ path: String, root: String) -> Bool {
        root == "/" || path == root || path.hasPrefix(root + "/")
    }

    /// A descriptor open for reading on the regular file `path` leads to inside `root`; the caller closes it.
    public static func open(_ path: String, root: String?) -> Result<Int32, Failure> {
        resolve(path, root: root).flatMap { real in
            let descriptor = Foundation.open(real, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            // ELOOP: the last part of the path became a link after it was resolved.
            guard descriptor >= 0 else { return .failure(errno == ELOOP ? .refused(.linkLoop) : .system(errno)) }
            var info = stat()
            guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
                let mode = info.st_mode
                close(descriptor)
                return .failure(.refused(mode & S_IFMT == S_IFDIR ? .folder : FileRefusal.special(mode: mode)))
            }
            return .success(descriptor)
        }
    }

    /// The whole content of the regular file `path` leads to inside `root`.
    public static func read(_ path: String, root: String?) -> Result<Data, Failure> {
        open(path, root: root).flatMap { descriptor in
            defer { close(descriptor) }
            var info = stat()
            fstat(descriptor, &info)
            var data = Data(capacity: max(Int(info.st_size), 0))
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = Foundation.read(descriptor, &buffer, buffer.count)
                if count < 0 {
                    if errno == EINTR { continue }
                    return .failure(.system(errno))
                }
                if count == 0 { return .success(data) }
                data.append(buffer, count: count)
            }
        }
    }

    /// Where a copy failed: reading the source, or writing the copy (`errno`; ENOSPC when the disk is full).
    public enum CopyFailure: Error, Equatable {
        case source(Failure)
        case target(Int32)
    }

    /// Copies the regular file `source` leads to inside `root` into a new regular file at `target`
    /// (which must not exist: `O_EXCL`, so a link planted there is not followed either). Nil when done.
    public static func copy(_ source: String, root: String?, to target: String) -> CopyFailure? {
        let input: Int32
        switch open(source, root: root) {
        case let .success(descriptor): input = descriptor
        case let .failure(failure): return .source(failure)
        }
        defer { close(input) }
        let output = Foundation.open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard output >= 0 else { return .target(errno) }
        var buffer = [UInt8](repeating: 0, count: 1 << 18)
        while true {
            let count = Foundation.read(input, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                close(output)
                return .source(.system(errno))
            }
            if count == 0 { break }
            let failure = buffer.withUnsafeBytes { writeAll(output, UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
            if failure != 0 {
                close(output)
                return .target(failure)
            }
        }
        return close(output) == 0 ? nil : .target(errno)
    }

    /// Writes every byte of `bytes` to `descriptor`: 0, or the `errno` of the write that failed.
    public static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }
}
