import Foundation

/// Writes a list of output files into a fresh folder: folders first, then files in parallel. Every
/// file is written as a new regular file; copies of pictures and theme files are read through
/// `SafeFile` (never a link, never from outside the site root), so no link ever reaches the site.
enum StagingFolder {
    /// Where copied files may come from, and how the output folder is named in messages.
    struct Places {
        /// The site root's real path: no file is copied from outside it.
        let root: String?
        /// The site root as given, to name copied files relative to it (`content/talks/a.png`).
        let rootShown: String
        /// The output folder (`site`), named when the disk is full.
        let output: String
        /// The picture cache beside the output: web versions are copied from it, and from nowhere else outside the root.
        var pictureCache: String? = nil
        /// Writing into the spare (`SpareSite`): what is at a file's or folder's place is replaced.
        var replacing = false
    }

    /// Every folder the files need, parents before children (a parent sorts before its children).
    static func allFolders(of paths: [String]) -> [String] {
        folderSet(of: paths).sorted()
    }

    /// Every folder the files need, in no order.
    static func folderSet(of paths: some Sequence<String>) -> Set<String> {
        var folders = Set<String>()
        for path in paths {
            var end = path.utf8.lastIndex(of: UInt8(ascii: "/"))
            while let slash = end, folders.insert(String(path[..<slash])).inserted {
                end = path.utf8[..<slash].lastIndex(of: UInt8(ascii: "/"))
            }
        }
        return folders
    }

    /// Plain open/write/close: the staging folder is swapped in whole, so each file needs no fsync
    /// of its own (Foundation's `Data.write` syncs every file, which dominated the write phase).
    /// Returns 0 or the `errno` that failed.
    static func writeFile(_ path: String, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return errno }
        let failure = SafeFile.writeAll(descriptor, bytes)
        // A full disk may only be noticed when the file is closed (on network file systems).
        return close(descriptor) != 0 && failure == 0 ? errno : failure
    }

    /// Writes `files` below `folder`, creating the folders they need that are not in `existingFolders` yet.
    /// With `reuse`, a file whose bytes the previous site already holds is hard-linked from it instead,
    /// and so is each of the `kept` pages (which were not rendered again).
    static func fill(_ folder: URL, with files: [OutputFile], kept: [KeptPage] = [], existingFolders: inout Set<String>,
                     places: Places, reuse: OutputReuse? = nil) throws {
        try makeFolders(in: folder, for: files.map(\.path) + kept.map(\.path), existingFolders: &existingFolders, places: places)
        if let reuse, let lost = kept.parallelMap({ reuse.keep($0, to: folder.path + "/" + $0.path) ? nil : $0.path })
            .compactMap({ $0 }).first {
            throw WriteError.keptFileChanged(path: lost, output: places.output)
        }
        let failures = files.parallelMap { file -> WriteError? in
            let target = folder.path + "/" + file.path
            let hash = reuse == nil ? nil : OutputReuse.fingerprint(file, pictureCache: places.pictureCache)
            if let reuse, reuse.link(file.path, hash: hash, values: file.values, to: target) { return nil }
            if places.replacing { clearPlace(target) }
            let failure: Int32
            switch file.content {
            case var .text(text): failure = text.withUTF8 { writeFile(target, UnsafeRawBufferPointer($0)) }
            case let .data(data): failure = data.withUnsafeBytes { writeFile(target, $0) }
            case let .copy(source):
                let inCache = places.pictureCache.map { source.path.hasPrefix($0 + "/") } ?? false
                // A web version is a second name of the cache's file (the cache never rewrites a file in place).
                var info = stat()
                if inCache, lstat(source.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Glibc.link(source.path, target) == 0 {
                    reuse?.wrote(file.path, hash: hash, values: file.values, at: target)
                    return nil
                }
                switch SafeFile.copy(source.path, root: inCache ? places.pictureCache : places.root, to: target) {
                case nil: failure = 0
                case let .target(code)?: failure = code
                case let .source(problem)?: return sourceProblem(problem, source: source, places: places)
                }
            }
            guard failure == 0 else { return problem(failure, writing: file.path, places: places) }
            reuse?.wrote(file.path, hash: hash, values: file.values, at: target)
            return nil
        }
        // A full disk is the one thing to say when it is among the failures.
        if let failure = failures.first(where: { if case .diskFull = $0 { true } else { false } }) ?? failures.compactMap({ $0 }).first {
            throw failure
        }
    }

    static func makeFolders(in folder: URL, for paths: [String], existingFolders: inout Set<String>, places: Places) throws {
        for relative in allFolders(of: paths) where existingFolders.insert(relative).inserted {
            let path = folder.path + "/" + relative
            if mkdir(path, 0o755) == 0 { continue }
            guard errno == EEXIST else { throw problem(errno, writing: relative, places: places) }
            var info = stat()
            // In the spare, a file may stand where this site has a folder.
            guard places.replacing, lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { continue }
            unlink(path)
            guard mkdir(path, 0o755) == 0 else { throw problem(errno, writing: relative, places: places) }
        }
    }

    /// Removes what is at `path` (in the spare: the previous site's file, or a folder where this site has a file).
    static func clearPlace(_ path: String) {
        guard unlink(path) != 0, errno == EISDIR || errno == EPERM else { return }
        FolderRemoval.remove(URL(fileURLWithPath: path))
    }

    /// Hard-links every file of `outputs` from the previous site (`reuse`) into `folder`: false as soon
    /// as one is missing or changed since it was recorded.
    static func link(_ outputs: [String: DependencyRecord.Output], into folder: URL, existingFolders: inout Set<String>,
                     places: Places, reuse: OutputReuse) throws -> Bool {
        let paths = outputs.keys.sorted()
        try makeFolders(in: folder, for: paths, existingFolders: &existingFolders, places: places)
        let linked = paths.parallelMap { reuse.link($0, hash: outputs[$0]?.hash, values: outputs[$0]?.values, to: folder.path + "/" + $0) }
        return !linked.contains(false)
    }

    private static func problem(_ code: Int32, writing path: String, places: Places) -> WriteError {
        SystemError.isDiskFull(code) ? .diskFull(path: places.output) : .cannotWrite(path: path, reason: SystemError.reason(code))
    }

    /// A picture or theme file that became unreadable, or a link out of the root, after it was listed.
    private static func sourceProblem(_ problem: SafeFile.Failure, source: URL, places: Places) -> WriteError {
        let path = source.path
        let shown = path.hasPrefix(places.rootShown + "/") ? String(path.dropFirst(places.rootShown.count + 1)) : path
        switch problem {
        case let .refused(refusal): return .refusedSource(file: shown, refusal: refusal)
        case let .system(code): return .unreadableSource(file: shown, reason: SystemError.reason(code))
        }
    }
}
