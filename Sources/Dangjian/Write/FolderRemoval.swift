import Foundation

/// Removes a folder and everything in it, its first-level folders in parallel (unlinking tens of
/// thousands of files is kernel time that overlaps well). Links are removed, never followed.
enum FolderRemoval {
    static func remove(_ folder: URL) {
        let children = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .map { folder.appendingPathComponent($0) }
        _ = children.parallelMap { try? FileManager.default.removeItem(at: $0) }
        try? FileManager.default.removeItem(at: folder)
    }
}
