import Foundation

/// Lists the files under `content/` (or the theme's folders), sorted, as paths relative to it.
/// Hidden files are skipped; links that lead outside the site root, link loops and special files
/// (named pipes) are not listed but kept as refused, so that what uses them can say why.
/// Nothing outside the root is read, and a folder that is itself a link out of the root is refused whole.
enum ContentWalker {
    /// The problem with `folder` (shown as `display`, `content/`) when it is a link out of `root`.
    static func outsideRoot(_ folder: URL, root: URL, display: String) -> LoadError? {
        guard let rootPath = FileTree.realPath(root.path), let folderPath = FileTree.realPath(folder.path),
              !SafeFile.isInside(folderPath, root: rootPath) else { return nil }
        return .folderOutsideRoot(folder: display, target: folderPath)
    }

    /// The listing of `folder` with its problems reported: nil when it is a link out of the root;
    /// folders that could not be opened are errors (their files would silently be missing from the site).
    static func listing(of folder: URL, root: URL, display: String, log: DiagnosticLog) -> FileTree.Listing? {
        if let problem = outsideRoot(folder, root: root, display: display) {
            log.report(problem)
            return nil
        }
        guard let rootPath = FileTree.realPath(root.path), FileTree.realPath(folder.path) != nil else { return FileTree.Listing() }
        let listing = FileTree.listing(in: folder.path, root: rootPath)
        for unreadable in listing.unreadable {
            let relative = unreadable == folder.path ? "" : String(unreadable.dropFirst(folder.path.count + 1)) + "/"
            log.report(LoadError.unreadableFolder(folder: display + relative))
        }
        return listing
    }
}
