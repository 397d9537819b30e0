import Foundation

/// One build at a time per output folder: an advisory lock (`flock`) on a hidden file beside it
/// (`.site.dangjian-lock`), held from before the content is read until the new site is in place and
/// the previous one is removed. A second build on the same output fails at once instead of sharing
/// the staging folder. The kernel drops the lock when the process ends however it ends (kill -9
/// included), so a lock file left behind never blocks a later build; a build that ends normally
/// removes it.
public final class OutputLock: @unchecked Sendable {
    private let path: String
    private var descriptor: Int32

    /// The lock file of `output`: beside it, hidden, named after it.
    public static func file(of output: URL) -> URL {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).dangjian-lock")
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// The lock of `output`, or nil with the problem in `log` (another build holds it, or the folder
    /// beside which it lives cannot be written). Where the file system has no locks, the build goes on unlocked.
    public static func acquire(output: URL, log: DiagnosticLog) -> OutputLock? {
        let lock = file(of: output)
        do {
            try FileManager.default.createDirectory(at: lock.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            log.report(WriteError.cannotWrite(path: lock.deletingLastPathComponent().path, reason: "无法创建文件夹"))
            return nil
        }
        // The file may be removed by the build that held it between our open and our flock: then lock the new one.
        for _ in 0..<8 {
            let descriptor = open(lock.path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                let code = errno
                log.report(SystemError.isDiskFull(code) ? WriteError.diskFull(path: output.path)
                    : WriteError.cannotWrite(path: lock.path, reason: SystemError.reason(code)))
                return nil
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                if code == EINTR {
                    close(descriptor)
                    continue
                }
                if code == EWOULDBLOCK {
                    close(descriptor)
                    log.report(WriteError.buildRunning(path: output.standardizedFileURL.path))
                    return nil
                }
                // ENOLCK, EOPNOTSUPP: a file system without locks (some network shares).
                return OutputLock(path: lock.path, descriptor: descriptor)
            }
            if isStillNamed(lock.path, descriptor) { return OutputLock(path: lock.path, descriptor: descriptor) }
            close(descriptor)
        }
        log.report(WriteError.buildRunning(path: output.standardizedFileURL.path))
        return nil
    }

    /// Whether the file open on `descriptor` is still the one at `path`.
    private static func isStillNamed(_ path: String, _ descriptor: Int32) -> Bool {
        var held = stat(), named = stat()
        return fstat(descriptor, &held) == 0 && lstat(path, &named) == 0 && held.st_ino == named.st_ino && held.st_dev == named.st_dev
    }

    /// Removes the lock file, then lets go of the lock (in that order: see `acquire`).
    public func release() {
        guard descriptor >= 0 else { return }
        if Self.isStillNamed(path, descriptor) { unlink(path) }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
