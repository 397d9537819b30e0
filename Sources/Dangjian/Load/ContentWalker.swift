import Foundation

/// Lists the files under `content/`, sorted, as paths relative to it. Hidden files are skipped
/// and so are links that lead outside the site root: nothing outside the root is read.
enum ContentWalker {
    static func files(in content: URL, root: URL) -> [String] {
        guard let rootPath = FileTree.realPath(root.path), let contentPath = FileTree.realPath(content.path),
              contentPath.hasPrefix(rootPath + "/") else { return [] }
        return FileTree.files(in: content.path) { $0.hasPrefix(rootPath + "/") }
    }
}
