import Foundation

/// Lists the files under `content/`, sorted, as paths relative to it. Hidden files are skipped
/// and so are links that lead outside the site root: nothing outside the root is read.
/// Names that are not UTF-8 are left out and reported through `undecodable`.
enum ContentWalker {
    static func files(in content: URL, root: URL, undecodable: (FileTree.UndecodableName) -> Void = { _ in }) -> [String] {
        guard let rootPath = FileTree.realPath(root.path), let contentPath = FileTree.realPath(content.path),
              contentPath.hasPrefix(rootPath + "/") else { return [] }
        return FileTree.files(in: content.path, allowLink: { $0.hasPrefix(rootPath + "/") }, undecodable: undecodable)
    }
}
