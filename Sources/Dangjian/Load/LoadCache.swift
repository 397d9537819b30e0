import Foundation

/// Entry files read by an earlier load, kept for the next one: a file whose size, modification
/// time and inode are unchanged is not read again, and its problems are reported again as they
/// were. The preview server keeps one across rebuilds; a plain build has none.
public final class LoadCache: @unchecked Sendable {
    struct Stamp: Equatable {
        let size: Int64
        let seconds: Int
        let nanoseconds: Int
        let inode: UInt64

        /// Nil when the file cannot be examined (it is then read, and the read reports why).
        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            size = Int64(info.st_size)
            seconds = info.st_mtim.tv_sec
            nanoseconds = info.st_mtim.tv_nsec
            inode = UInt64(info.st_ino)
        }
    }

    struct Record {
        let stamp: Stamp
        let result: Result<LoadedEntry?, LoadError>
        let diagnostics: [Diagnostic]
    }

    private let lock = NSLock()
    private var records: [String: Record] = [:]
    private var nextRevision = 1
    private var readSinceLastLoad = 0
    /// Files the last load had to read (the others were unchanged and reused).
    public private(set) var lastRead = 0

    public init() {}

    func record(for path: String, stamp: Stamp?) -> Record? {
        guard let stamp else { return nil }
        return lock.withLock { records[path].flatMap { $0.stamp == stamp ? $0 : nil } }
    }

    /// A number no other read of any file had: what later stages key their own reuse on.
    func newRevision() -> Int {
        lock.withLock {
            defer { nextRevision += 1 }
            return nextRevision
        }
    }

    /// What the last read of the file at `path` (relative to `content/`) gave, whatever its stamp now.
    func lastRecord(for path: String) -> Record? {
        lock.withLock { records[path] }
    }

    func store(_ record: Record, for path: String) {
        lock.withLock { records[path] = record }
    }

    func noteRead() {
        lock.withLock { readSinceLastLoad += 1 }
    }

    /// Ends a read of single files (`ContentLoader.reread`): notes how many were read.
    func finishReread() {
        lock.withLock {
            lastRead = readSinceLastLoad
            readSinceLastLoad = 0
        }
    }

    /// Forgets files that are gone and notes how many were read.
    func finishLoad(paths: [String]) {
        lock.withLock {
            let kept = Set(paths)
            records = records.filter { kept.contains($0.key) }
            lastRead = readSinceLastLoad
            readSinceLastLoad = 0
        }
    }
}
