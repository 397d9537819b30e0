import Foundation

/// Lists the files under `content/`, sorted, as paths relative to it. Hidden files are skipped
/// and so are links that lead outside the site root: nothing outside the root is read.
enum ContentWalker {
    static func files(in content: URL, root: URL) -> [String] {
        let rootPath = root.resolvingSymlinksInPath().standardizedFileURL.path
        let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey]
        guard let enumerator = FileManager.default.enumerator(
            at: content, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]
        ) else { return [] }
        let base = content.standardizedFileURL.path
        var found: [String] = []
        for case let url as URL in enumerator {
            let resolved = url.resolvingSymlinksInPath().standardizedFileURL
            guard resolved.path.hasPrefix(rootPath + "/") else {
                enumerator.skipDescendants()
                continue
            }
            let values = try? resolved.resourceValues(forKeys: Set(keys))
            guard values?.isRegularFile == true else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base + "/") else { continue }
            found.append(String(full.dropFirst(base.count + 1)))
        }
        return found.sorted()
    }
}
