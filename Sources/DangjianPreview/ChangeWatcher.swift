import Dangjian
import Foundation

/// Notices changes under `content/` and `templates/`. On Linux the kernel tells it (inotify, one
/// watch per folder), so a look costs one system call however large the site is; where that is not
/// available it compares the names, sizes and modification times of all files between looks.
/// With inotify it also knows which files were written, so a rebuild can be told. Made before the
/// server's first build and then used by the one task that watches.
final class ChangeWatcher: @unchecked Sendable {
    let folders: [URL]
    private let rootPath: String
    private var notifications: Int32 = -1
    private var last: [String: (Date, Int)] = [:]
    /// Each watched folder, relative to the root, by its watch.
    private var watched: [Int32: String] = [:]
    /// Files written since `takeChanges`, relative to the root; nil when the kernel could not say
    /// which (a folder made, moved or removed, its queue overflowed, or no inotify at all).
    private var pending: Set<String>? = []

    /// How long the server waits between looks.
    var interval: Double { notifications >= 0 ? 0.05 : 0.25 }

    init(root: URL) {
        rootPath = root.standardizedFileURL.path
        folders = [root.appendingPathComponent("content"), root.appendingPathComponent("templates")]
        notifications = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if notifications >= 0 {
            watchAllFolders()
        } else {
            last = snapshot()
        }
    }

    deinit {
        if notifications >= 0 { close(notifications) }
    }

    /// Waits up to `interval` for the kernel to report a change (returning as soon as it does, so a
    /// save is noticed at once rather than at the next look); without inotify, just waits.
    func waitForEvents() async {
        let descriptor = notifications
        let timeout = interval
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global(qos: .userInitiated).async {
                if descriptor >= 0 {
                    var wanted = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    _ = poll(&wanted, 1, Int32(timeout * 1000))
                } else {
                    Thread.sleep(forTimeInterval: timeout)
                }
                done.resume()
            }
        }
    }

    /// True when something was added, removed or changed since the previous call.
    func hasChanged() -> Bool {
        guard notifications >= 0 else {
            let changed = snapshotChanged()
            if changed { pending = nil }
            return changed
        }
        var changed = false
        var foldersChanged = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(notifications, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            changed = true
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let name = bytes[nameStart..<min(count, nameStart + Int(event.len))].prefix { $0 != 0 }
                    let folderEvent = event.mask & UInt32(IN_ISDIR | IN_Q_OVERFLOW | IN_DELETE_SELF | IN_MOVE_SELF) != 0
                    if folderEvent { foldersChanged = true }
                    note(watch: event.wd, name: String(decoding: name, as: UTF8.self), folderEvent: folderEvent)
                    offset = nameStart + Int(event.len)
                }
            }
        }
        // A new or moved folder gets its watch (and so do the folders inside it).
        if foldersChanged { watchAllFolders() }
        return changed
    }

    /// The files written since the last call (relative to the root), or nil when they are not known.
    func takeChanges() -> Set<String>? {
        defer { pending = [] }
        return pending
    }

    private func note(watch: Int32, name: String, folderEvent: Bool) {
        guard !folderEvent, let folder = watched[watch], !name.isEmpty else {
            pending = nil
            return
        }
        pending?.insert(folder + "/" + name)
    }

    /// Watches every folder; when the kernel refuses one (its limit of watches reached), falls back
    /// to comparing stamps, so no change goes unnoticed.
    private func watchAllFolders() {
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
            | IN_DELETE_SELF | IN_MOVE_SELF)
        for folder in folders where FileManager.default.fileExists(atPath: folder.path) {
            for path in FileTree.folders(in: folder.path) {
                let watch = inotify_add_watch(notifications, path, mask)
                if watch >= 0, path.hasPrefix(rootPath + "/") { watched[watch] = String(path.dropFirst(rootPath.count + 1)) }
                guard watch < 0, errno == ENOSPC else { continue }
                close(notifications)
                notifications = -1
                pending = nil
                last = snapshot()
                return
            }
        }
    }

    private func snapshotChanged() -> Bool {
        let now = snapshot()
        defer { last = now }
        guard now.count == last.count else { return true }
        for (path, stamp) in now {
            guard let old = last[path], old.0 == stamp.0, old.1 == stamp.1 else { return true }
        }
        return false
    }

    private func snapshot() -> [String: (Date, Int)] {
        var stamps: [String: (Date, Int)] = [:]
        for folder in folders {
            for file in FileTree.files(in: folder.path, allowLink: { _ in true }) {
                let path = folder.path + "/" + file
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                let modified = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
                stamps[path] = (modified, Int(info.st_size))
            }
        }
        return stamps
    }
}
