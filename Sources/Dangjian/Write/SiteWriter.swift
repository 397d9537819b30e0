import CRenameExchange
import Foundation

/// The write stage: files go into a staging folder beside the output folder, batch after batch,
/// and `commit` swaps it into place in one step. Batches handed to `enqueue` are written on a
/// thread of their own while the next batch renders: creating files and folders is mostly kernel
/// time, which then overlaps the rendering instead of following it. A build that fails or is killed leaves the
/// previous site as it was; pages of removed entries disappear because the site is written anew.
/// The previous site is removed right after the swap (`removePreviousSite`). Only one build at a time
/// writes beside an output folder: the build holds its `OutputLock` throughout.
public final class SiteWriter: @unchecked Sendable {
    /// A file in every generated site, so a folder full of someone's documents is never replaced by mistake.
    public static let markerName = ".dangjian-site"

    private let output: URL
    private let staging: URL
    private let places: StagingFolder.Places
    /// Where the previous site was set aside by the swap, until it is removed.
    private var previousSite: URL?
    /// Where the site is being written before it is swapped in.
    public var stagingFolder: URL { staging }
    private let log: DiagnosticLog
    /// The previous site's files that may be linked instead of written, and what was made (nil: write everything, record nothing).
    let reuse: OutputReuse?
    /// The spare the site is written into (nil: a fresh staging folder).
    let spare: SpareSite?
    /// In the spare: the folders of the previous build's files, which the spare holds.
    private var previousFolders = Set<String>()
    // Touched only on `queue`.
    private var folders = Set<String>()
    private var paths = Set<String>()
    private let queue = DispatchQueue(label: "dangjian.site-writer")
    /// At most this many batches wait to be written, so rendering cannot run far ahead of the disk.
    private let room = DispatchSemaphore(value: 2)
    private let failure = NSLock()
    private var failedFlag = false
    private var failed: Bool {
        get { failure.withLock { failedFlag } }
        set { failure.withLock { failedFlag = newValue } }
    }

    /// Nil (with the problem in `log`) when `output` may not be written.
    /// With `spare` (an incremental build, see `SpareSite`), the site is written into the spare, which
    /// holds the previous site: only what changed is written, and what this build does not make is removed.
    init?(output: URL, root: URL, log: DiagnosticLog, reuse: OutputReuse? = nil, spare: SpareSite? = nil) {
        self.output = output.standardizedFileURL
        self.log = log
        self.reuse = reuse
        self.spare = reuse == nil ? nil : spare
        staging = self.spare?.folder ?? Self.stagingFolder(of: self.output)
        let root = root.standardizedFileURL
        places = StagingFolder.Places(root: FileTree.realPath(root.path), rootShown: root.path, output: self.output.path,
                                      pictureCache: PictureCache.folder(besideOutput: self.output).path,
                                      replacing: self.spare != nil)
        guard Self.isSafe(self.output, root: root.standardizedFileURL) else {
            log.report(WriteError.unsafeOutput(path: self.output.path))
            return nil
        }
        guard Self.mayReplace(self.output) else {
            log.report(WriteError.notASite(path: self.output.path))
            return nil
        }
        if let reuse, self.spare != nil {
            // The spare holds the previous build's files and their folders.
            previousFolders = StagingFolder.folderSet(of: reuse.previousPaths)
            folders = previousFolders
            return
        }
        try? FileManager.default.removeItem(at: staging)
        try? FileManager.default.createDirectory(at: staging.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard mkdir(staging.path, 0o755) == 0 else {
            let code = errno
            log.report(SystemError.isDiskFull(code) ? WriteError.diskFull(path: self.output.path)
                : WriteError.cannotWrite(path: staging.path, reason: SystemError.reason(code)))
            return nil
        }
    }

    static func stagingFolder(of output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).dangjian-staging")
    }

    /// Writes a batch of files into the staging folder, after the batches enqueued before it. False
    /// once anything failed.
    @discardableResult
    public func write(_ files: [OutputFile]) -> Bool {
        queue.sync { writeNow(files) }
        return !failed
    }

    /// Hands a batch to the writing thread and returns at once (after waiting while two batches are
    /// still pending). False once anything failed.
    /// `kept`: pages not rendered again, linked from the site in place.
    public func enqueue(_ files: [OutputFile]) -> Bool { enqueue(files, kept: []) }

    func enqueue(_ files: [OutputFile], kept: [KeptPage]) -> Bool {
        guard !failed else { return false }
        room.wait()
        queue.async {
            self.writeNow(files, kept: kept)
            self.room.signal()
        }
        return !failed
    }

    private func writeNow(_ files: [OutputFile], kept: [KeptPage] = []) {
        guard !failed else { return }
        do {
            for path in files.map(\.path) + kept.map(\.path) where !paths.insert(path).inserted { throw WriteError.pathClash(path: path) }
            try StagingFolder.fill(staging, with: files, kept: kept, existingFolders: &folders, places: places, reuse: reuse)
        } catch {
            abandon(error)
        }
    }

    /// Links every file the previous build recorded (but the marker, which `commit` writes) from the
    /// site in place: the whole site when no input changed. False when one of them is missing or was
    /// changed since (nothing is reported: the build then renders the site instead).
    func linkRecorded(_ outputs: [String: DependencyRecord.Output]) -> Bool {
        guard let reuse else { return false }
        let wanted = outputs.filter { $0.key != Self.markerName }
        return queue.sync {
            for path in wanted.keys { paths.insert(path) }
            return (try? StagingFolder.link(wanted, into: staging, existingFolders: &folders, places: places, reuse: reuse)) ?? false
        }
    }

    /// Puts the staged site in place of the output folder.
    public func commit() -> Bool {
        guard write([OutputFile(path: Self.markerName, content: .text("dangjian\n"))]) else { return false }
        queue.sync { removeUnmade() }
        do {
            try swapIntoPlace()
            return true
        } catch {
            abandon(error)
            return false
        }
    }

    /// In the spare: the previous build's files and folders this build did not make. On `queue`.
    private func removeUnmade() {
        guard let spare, let reuse else { return }
        let unmade = reuse.previousPaths.filter { !paths.contains($0) }
        _ = unmade.parallelMap { unlink(spare.folder.path + "/" + $0) }
        let needed = StagingFolder.folderSet(of: paths)
        // Deepest first: a folder sorts before what is in it.
        for folder in previousFolders.subtracting(needed).sorted(by: >) { rmdir(spare.folder.path + "/" + folder) }
    }

    /// Removes the staging folder; the output folder is left as it was. The spare stays, no longer
    /// trusted: the next build puts it in order.
    public func abandon() {
        queue.sync {}
        if spare == nil { try? FileManager.default.removeItem(at: staging) }
    }

    /// On the writing thread, or after it is done.
    private func abandon(_ error: Error) {
        failed = true
        if spare == nil { try? FileManager.default.removeItem(at: staging) }
        log.report(error as? WriteError ?? WriteError.cannotWrite(path: output.path, reason: error.localizedDescription))
    }

    /// Where a previous site (or a staging folder a killed build left) is set aside: a unique hidden folder beside the output.
    static func leftoverFolder(of output: URL) -> URL {
        output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).dangjian-old-\(getpid())-\(UUID().uuidString.prefix(8))")
    }

    /// Removes what killed builds left beside `output` (their staging folder, previous sites they
    /// set aside), on a background thread; wait on the result before the process ends. Only while
    /// holding the output's `OutputLock`: no other build is using them then. The staging folder is
    /// renamed first, at once, so this build can make its own while the old one is being removed.
    public static func removeLeftovers(besides output: URL) -> DispatchGroup {
        let group = DispatchGroup()
        let output = output.standardizedFileURL
        let folder = output.deletingLastPathComponent()
        let staging = stagingFolder(of: output)
        if FileManager.default.fileExists(atPath: staging.path) { rename(staging.path, leftoverFolder(of: output).path) }
        let prefix = ".\(output.lastPathComponent).dangjian-old-"
        let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasPrefix(prefix) }.map { folder.appendingPathComponent($0) }
        guard !leftovers.isEmpty else { return group }
        DispatchQueue.global(qos: .utility).async(group: group) {
            for leftover in leftovers { FolderRemoval.remove(leftover) }
        }
        return group
    }

    /// Removes the previous site the swap set aside (disk use is back to one site once the build ends).
    public func removePreviousSite() {
        guard let previousSite else { return }
        FolderRemoval.remove(previousSite)
        self.previousSite = nil
    }

    /// Keeps the previous site the swap set aside as the spare of the next build, brought in line with
    /// the site just put in place (`outputs`, the record whose file has the stamp `record`).
    /// With `previous` (the record of the site set aside, and its file's stamp), by the difference of the records.
    func keepPreviousSiteAsSpare(outputs: [String: DependencyRecord.Output], record: FileStamp,
                                 previous: (outputs: [String: DependencyRecord.Output], stamp: FileStamp)?) {
        guard let previousSite else { return }
        self.previousSite = nil
        let spare = SpareSite(besides: output)
        if previousSite.standardizedFileURL != spare.folder.standardizedFileURL {
            if spare.exists { spare.discard() }
            guard rename(previousSite.path, spare.folder.path) == 0 else {
                FolderRemoval.remove(previousSite)
                return
            }
        }
        let inLine = previous.map { spare.update(from: $0.outputs, recorded: $0.stamp, to: outputs) } ?? spare.reconcile(with: outputs)
        if inLine { spare.markCurrent(record: record) } else { spare.discard() }
    }

    private static func isSafe(_ output: URL, root: URL) -> Bool {
        let protected = [root, root.appendingPathComponent("content"), root.appendingPathComponent("templates")]
            .map { $0.standardizedFileURL.path }
        let path = output.path
        return !protected.contains { $0 == path || $0.hasPrefix(path + "/") || path.hasPrefix($0 + "/") && $0 != root.path }
    }

    private static func mayReplace(_ output: URL) -> Bool {
        guard let items = try? FileManager.default.contentsOfDirectory(atPath: output.path), !items.isEmpty else { return true }
        return items.contains(markerName)
    }

    private func swapIntoPlace() throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        let aside = Self.leftoverFolder(of: output)
        if dangjian_rename_exchange(staging.path, output.path) == 0 {
            // The spare now holds the previous site, untrusted until brought in line with this one. A
            // staging folder is set aside under a name the next build removes, should this one be
            // killed before `removePreviousSite`.
            previousSite = spare != nil || rename(staging.path, aside.path) != 0 ? staging : aside
            return
        }
        // Without an atomic exchange, move the old site aside first; the window is two renames long.
        try fileManager.moveItem(at: output, to: aside)
        previousSite = aside
        try fileManager.moveItem(at: staging, to: output)
    }
}
