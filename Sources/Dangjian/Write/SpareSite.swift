import Foundation

/// The site's second copy beside it (`.site.dangjian-spare` for `site/`), kept between incremental
/// builds: each of its files is a second name (hard link) of the site's own, so it costs folders, not
/// disk space. An incremental build changes only what changed in the spare and swaps it in whole;
/// the previous site, now in the spare's place, is then brought up to date by the difference of the
/// two builds' records (`update`). Building a whole new tree of folders and links for every build,
/// and removing the old one, cost seconds of kernel time on 10,000 entries; this costs a few
/// operations per changed file and one `lstat` per folder.
///
/// The spare is trusted only while the token in it names the dependency record of the site in place
/// (the record file's stamp: every save is a new file). A build removes the token before it changes
/// anything in the spare, so a spare a killed build left half-changed is walked and brought back in
/// line with the record (`reconcile`) before it is used. The site in place is never written to:
/// files are replaced in the spare by new ones (never rewritten where a name shared with the site points).
struct SpareSite {
    let folder: URL
    /// The site in place, whose files the spare's are second names of.
    let site: URL
    static let tokenName = ".dangjian-spare"

    init(besides output: URL) {
        site = output.standardizedFileURL
        folder = Self.folder(of: site)
    }

    static func folder(of output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).dangjian-spare")
    }

    var exists: Bool {
        var info = stat()
        return lstat(folder.path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private var tokenPath: String { folder.path + "/" + Self.tokenName }

    private static func token(_ record: FileStamp) -> String {
        "\(record.size) \(record.modified) \(record.changed) \(record.inode)\n"
    }

    /// True when the spare holds exactly the files the record with stamp `record` describes.
    func isCurrent(record: FileStamp?) -> Bool {
        guard let record, let data = FileManager.default.contents(atPath: tokenPath) else { return false }
        return String(decoding: data, as: UTF8.self) == Self.token(record)
    }

    /// Called before anything in the spare is changed: from now on it is not trusted. False when the
    /// token could not be removed (the spare is then not used).
    func beginChanges() -> Bool {
        unlink(tokenPath) == 0 || errno == ENOENT
    }

    /// The spare holds exactly the files of the record with stamp `record`.
    func markCurrent(record: FileStamp) {
        let text = Array(Self.token(record).utf8)
        unlink(tokenPath)
        _ = text.withUnsafeBytes { StagingFolder.writeFile(tokenPath, $0) }
    }

    /// Moves the spare out of the way and removes it.
    func discard() {
        let aside = SiteWriter.leftoverFolder(of: site)
        FolderRemoval.remove(rename(folder.path, aside.path) == 0 ? aside : folder)
    }

    /// Makes the spare hold exactly the files of `outputs`, each a second name of the site's file
    /// with the recorded stamp: what the spare has that the site has not goes (whatever it is), a
    /// file of the site the spare lacks or holds another file for is linked again. A file of the site
    /// changed since it was recorded is left out (the build writing into the spare writes it anew).
    /// False when the spare could not be put in order (it should then be discarded).
    func reconcile(with outputs: [String: DependencyRecord.Output]) -> Bool {
        guard beginChanges() else { return false }
        let found = FolderWalk(folder.path)
        guard found.complete else { return false }
        let wanted = StagingFolder.folderSet(of: outputs.keys)
        // Folders not wanted go whole (what is in them is not wanted either), before the files.
        var removed = Set<String>()
        for path in found.folders.sorted() where !wanted.contains(path) && !Self.isInside(path, removed) {
            FolderRemoval.remove(folder.appendingPathComponent(path))
            removed.insert(path)
        }
        let unwanted = found.others + found.files.keys.filter { outputs[$0] == nil }
        for path in unwanted where !Self.isInside(path, removed) { unlink(folder.path + "/" + path) }
        for path in wanted.sorted() where !found.folders.contains(path) {
            unlink(folder.path + "/" + path)
            guard mkdir(folder.path + "/" + path, 0o755) == 0 || errno == EEXIST else { return false }
        }
        let site = site.path, spare = folder.path
        let inOrder = outputs.sorted { $0.key < $1.key }.parallelMap { path, recorded -> Bool in
            if found.files[path] == recorded.stamp.inode { return true }
            let existing = site + "/" + path
            guard let stamp = FileStamp.of(existing), stamp.sameContent(as: recorded.stamp) else {
                return unlink(spare + "/" + path) == 0 || errno == ENOENT
            }
            return Self.replace(spare + "/" + path, withLinkTo: existing)
        }
        return !inOrder.contains(false)
    }

    /// Brings the spare in line with `outputs` when it holds the site that was in place until this
    /// build's swap, as recorded in `previous` (whose file has the stamp `recorded`): by the
    /// difference of the two records, without walking every folder. What was added to that site by
    /// hand while it was in place is found in the folders changed since the record was written
    /// (every folder the build made was made before): only those are read. Files changed or removed
    /// by hand are among those this build wrote. False when something failed (discard the spare).
    func update(from previous: [String: DependencyRecord.Output], recorded: FileStamp,
                to outputs: [String: DependencyRecord.Output]) -> Bool {
        guard beginChanges() else { return false }
        let previousFolders = StagingFolder.folderSet(of: previous.keys)
        let wanted = StagingFolder.folderSet(of: outputs.keys)
        let spare = folder.path, site = site.path
        let since = max(recorded.modified, recorded.changed)
        // Strays: what a changed folder holds that neither record names.
        let changed = ([""] + previousFolders.sorted()).parallelMap { relative -> String? in
            var info = stat()
            guard lstat(relative.isEmpty ? spare : spare + "/" + relative, &info) == 0 else { return nil }
            let stamp = FileStamp(info)
            return max(stamp.modified, stamp.changed) >= since ? relative : nil
        }.compactMap { $0 }
        for relative in changed {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? spare : spare + "/" + relative)) ?? []
            for name in names where !(relative.isEmpty && name == Self.tokenName) {
                let path = relative.isEmpty ? name : relative + "/" + name
                if previous[path] == nil, outputs[path] == nil, !wanted.contains(path), !previousFolders.contains(path) {
                    FolderRemoval.remove(folder.appendingPathComponent(path))
                }
            }
        }
        let removed = previous.keys.filter { outputs[$0] == nil }
        _ = removed.parallelMap { unlink(spare + "/" + $0) }
        for gone in previousFolders.subtracting(wanted).sorted(by: >) { FolderRemoval.remove(folder.appendingPathComponent(gone)) }
        for made in wanted.subtracting(previousFolders).sorted() {
            unlink(spare + "/" + made)
            guard mkdir(spare + "/" + made, 0o755) == 0 || errno == EEXIST else { return false }
        }
        let relinked = outputs.filter { previous[$0.key]?.stamp.inode != $0.value.stamp.inode }.map(\.key).sorted()
        return !relinked.parallelMap { Self.replace(spare + "/" + $0, withLinkTo: site + "/" + $0) }.contains(false)
    }

    /// True when one of the folders holding `path` is in `folders`.
    private static func isInside(_ path: String, _ folders: Set<String>) -> Bool {
        guard !folders.isEmpty else { return false }
        var parent = Substring(path)
        while let slash = parent.lastIndex(of: "/") {
            parent = parent[..<slash]
            if folders.contains(String(parent)) { return true }
        }
        return false
    }

    /// Puts a second name of `existing` at `target`, in place of what is there, in one rename: a
    /// name that `target` shares with the site is replaced, never written through.
    static func replace(_ target: String, withLinkTo existing: String) -> Bool {
        let temporary = target + ".dangjian-link"
        unlink(temporary)
        guard link(existing, temporary) == 0 else { return false }
        guard rename(temporary, target) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}

/// Every item below a folder, named relative to it: plain files with their inodes, folders, and
/// anything else (links, pipes). The spare's token is left out.
struct FolderWalk {
    private(set) var files: [String: UInt64] = [:]
    private(set) var folders = Set<String>()
    private(set) var others: [String] = []
    private(set) var complete = true

    init(_ path: String) {
        walk(path, relative: "")
    }

    private mutating func walk(_ path: String, relative: String) {
        guard let items = FileTree.items(of: path) else {
            complete = false
            return
        }
        for item in items where !(relative.isEmpty && item.name == SpareSite.tokenName) {
            // A name that is not UTF-8 is no site's, and cannot be removed by a decoded path: the
            // spare is not trusted.
            guard item.decodable else {
                complete = false
                continue
            }
            let named = relative.isEmpty ? item.name : relative + "/" + item.name
            // The folder entry says what it is and its inode (ext4, xfs, btrfs, tmpfs, NFS); only
            // where it does not is the item looked at.
            var type = item.type
            var inode = item.inode
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(path + "/" + item.name, &info) == 0 else {
                    complete = false
                    continue
                }
                let mode = info.st_mode & S_IFMT
                type = mode == S_IFDIR ? Int32(DT_DIR) : mode == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK)
                inode = UInt64(info.st_ino)
            }
            switch type {
            case Int32(DT_DIR):
                folders.insert(named)
                walk(path + "/" + item.name, relative: named)
            case Int32(DT_REG): files[named] = inode
            default: others.append(named)
            }
        }
    }
}
