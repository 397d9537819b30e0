import Foundation

/// Which files of the site in place may be hard-linked into the staging folder instead of being
/// written again, and what every file of the new site is (for the next build's record). A file is
/// linked only when the previous build's record gives it the fingerprint the new one has and the
/// file in the output folder is still the one that build left (same size, modification time and
/// inode: not edited by hand since). Everything else is written as before. Linking keeps the build
/// atomic: the previous site's files are not changed, only given a second name in the staging folder.
final class OutputReuse: PageKeeping, @unchecked Sendable {
    private let output: String
    private let previous: [String: DependencyRecord.Output]
    private let lock = NSLock()
    private var made: [String: DependencyRecord.Output] = [:]
    private var linkedCount = 0
    private var kept = 0
    /// Files the record names whose copy in the output folder is missing or was changed since.
    private var changedCount = 0

    init(output: URL, previous: [String: DependencyRecord.Output]) {
        self.output = output.standardizedFileURL.path
        self.previous = previous
    }

    var outputs: [String: DependencyRecord.Output] { lock.withLock { made } }
    var linked: Int { lock.withLock { linkedCount } }
    /// Pages linked without being rendered (`keep`).
    var keptCount: Int { lock.withLock { kept } }
    var changedSinceRecord: Int { lock.withLock { changedCount } }

    /// The fingerprint `file` has: its bytes' for text and data, its source's name and stamp for a
    /// copy (nil, never reused, when the source is not a plain regular file). A web version of a
    /// picture is a second name of its file in the picture cache, so its change time moves each
    /// time it is linked: only its size, modification time and inode count.
    static func fingerprint(_ file: OutputFile, pictureCache: String? = nil) -> String? {
        switch file.content {
        case var .text(text): return text.withUTF8 { ContentHash.of(UnsafeRawBufferPointer($0)) }
        case let .data(data): return data.withUnsafeBytes { ContentHash.of($0) }
        case let .copy(source):
            guard let stamp = FileStamp.of(source.path) else { return nil }
            let inCache = pictureCache.map { source.path.hasPrefix($0 + "/") } ?? false
            return "c" + ContentHash.of("\(source.path)\t\(stamp.size)\t\(stamp.modified)\t\(inCache ? 0 : stamp.changed)\t\(stamp.inode)")
        }
    }

    /// True when the previous build rendered `path` from values with the fingerprint `values` and
    /// its file is still in place, untouched since: the page need not be rendered, only linked (`keep`).
    func mayKeep(_ path: String, values: String) -> Bool {
        guard let recorded = previous[path], !recorded.values.isEmpty, recorded.values == values,
              let stamp = FileStamp.of(output + "/" + path) else { return false }
        return stamp.sameContent(as: recorded.stamp)
    }

    var keepsAny: Bool { !previous.isEmpty }

    /// Links the previous site's file of a kept page to `target`; false when it is gone or changed since `mayKeep`.
    func keep(_ page: KeptPage, to target: String) -> Bool {
        guard let recorded = previous[page.path], link(page.path, hash: recorded.hash, values: page.values, to: target) else { return false }
        lock.withLock { kept += 1 }
        return true
    }

    /// Links the previous site's `path` to `target` when its recorded fingerprint is `hash` and it is
    /// untouched since; true when it did. `values`: the fingerprint of the page's values, for the record.
    func link(_ path: String, hash: String?, values: String?, to target: String) -> Bool {
        guard let hash, let recorded = previous[path], recorded.hash == hash else { return false }
        let existing = output + "/" + path
        guard let stamp = FileStamp.of(existing), stamp.sameContent(as: recorded.stamp) else {
            lock.withLock { changedCount += 1 }
            return false
        }
        guard Self.place(existing, inode: stamp.inode, at: target) else { return false }
        note(path, DependencyRecord.Output(hash: hash, stamp: stamp, values: values ?? ""), linked: true)
        return true
    }

    /// Makes `target` a second name of `existing` (whose inode is `inode`): a new link, or in the spare
    /// (`SpareSite`), the name already there when it is that file, else a link put in its place.
    static func place(_ existing: String, inode: UInt64, at target: String) -> Bool {
        if Foundation.link(existing, target) == 0 { return true }
        guard errno == EEXIST else { return false }
        var info = stat()
        guard lstat(target, &info) == 0 else { return false }
        switch info.st_mode & S_IFMT {
        case S_IFREG where UInt64(info.st_ino) == inode: return true
        case S_IFDIR:
            FolderRemoval.remove(URL(fileURLWithPath: target))
            return Foundation.link(existing, target) == 0
        default: return SpareSite.replace(target, withLinkTo: existing)
        }
    }

    /// The files the previous build recorded.
    var previousPaths: Dictionary<String, DependencyRecord.Output>.Keys { previous.keys }

    /// A file written anew at `target`.
    func wrote(_ path: String, hash: String?, values: String?, at target: String) {
        guard let hash, let stamp = FileStamp.of(target) else { return }
        note(path, DependencyRecord.Output(hash: hash, stamp: stamp, values: values ?? ""), linked: false)
    }

    private func note(_ path: String, _ made: DependencyRecord.Output, linked: Bool) {
        lock.withLock {
            self.made[path] = made
            if linked && path != SiteWriter.markerName { linkedCount += 1 }
        }
    }
}
