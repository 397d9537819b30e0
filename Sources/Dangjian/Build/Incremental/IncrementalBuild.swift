import Foundation

/// An incremental `build`: what the previous build recorded beside the output, what the inputs are
/// now, and the record this build leaves. Only one build at a time touches the record (it is read
/// and written under the output's lock). A record that is missing, damaged, or written by another
/// program or with other options is not used: the build then renders and writes every file, as
/// with `--full`, and says so in one line.
final class IncrementalBuild: @unchecked Sendable {
    let output: URL
    let root: URL
    /// Nil for builds that keep no record (another catalog than the standard one).
    let buildKey: String?
    /// False for `--full`: the previous record is not read (a new one is still written).
    let readsPrevious: Bool
    private(set) var previous: DependencyRecord?
    /// The stamp of the previous record's file: the spare in line with it says so (`SpareSite`).
    private(set) var previousStamp: FileStamp?
    private(set) var notes: [String] = []
    private var listing = InputListing()
    private var hashes: [String: String] = [:]

    init(output: URL, root: URL, options: BuildOptions, full: Bool) {
        self.output = output.standardizedFileURL
        self.root = root.standardizedFileURL
        buildKey = DependencyRecord.buildKey(options)
        readsPrevious = !full
    }

    var recordFile: URL { DependencyRecord.file(of: output) }

    /// Inputs larger than this get no fingerprint: only a changed stamp tells they changed.
    static let largestHashed: Int64 = 32 << 20

    /// Under the output's lock and before the content is read: lists the inputs, reads the previous
    /// record and fingerprints the inputs it knows whose stamp changed (only those can still be
    /// "unchanged"). Inputs it does not know are fingerprinted when the record is written, after the
    /// content was read: a first build does not read every file twice.
    func start() {
        guard let buildKey else { return }
        removeStaleTemporaries()
        listing = InputListing(root: root)
        if readsPrevious { readPrevious(buildKey) }
        let known = previous?.inputs ?? [:]
        hashes = fingerprints(of: listing.files.keys.filter { known[$0] != nil }.sorted(), known: known)
    }

    /// The fingerprint of each of `paths`: the recorded one while the stamp is the same, else made from the bytes.
    private func fingerprints(of paths: [String], known: [String: DependencyRecord.Input]) -> [String: String] {
        let realRoot = FileTree.realPath(root.path)
        let listed = listing.files
        let made = paths.parallelMap { path -> String in
            if let old = known[path], old.stamp == listed[path], !old.hash.isEmpty { return old.hash }
            // A video of hundreds of megabytes is not read just to fingerprint it: its stamp decides.
            guard let stamp = listed[path], stamp.size <= Self.largestHashed else { return "" }
            let file = root.path + "/" + path
            guard case let .success(bytes) = SafeFile.read(file, root: realRoot) else { return "" }
            // Edited since it was listed (or since the build read it): no fingerprint, the next build reads it again.
            guard FileStamp.of(file) == stamp else { return "" }
            return bytes.withUnsafeBytes { ContentHash.of($0) }
        }
        return Dictionary(uniqueKeysWithValues: zip(paths, made))
    }

    /// Records half-written by builds that were killed.
    private func removeStaleTemporaries() {
        let folder = recordFile.deletingLastPathComponent()
        let prefix = recordFile.lastPathComponent + "."
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(prefix) {
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    private func readPrevious(_ buildKey: String) {
        guard let data = try? Data(contentsOf: recordFile) else {
            if FileManager.default.fileExists(atPath: output.appendingPathComponent(SiteWriter.markerName).path) {
                notes.append("没有找到上次生成留下的依赖记录（\(recordFile.lastPathComponent)），本次完整生成全部页面。")
            }
            return
        }
        switch DependencyRecord.parse([UInt8](data), build: buildKey) {
        case let .success(record):
            previous = record
            previousStamp = FileStamp.of(recordFile.path)
        case .failure(.otherBuild):
            notes.append("依赖记录 \(recordFile.lastPathComponent) 由另一版本的 dangjian 或以不同的选项写成，本次完整生成全部页面。")
        case .failure:
            notes.append("依赖记录 \(recordFile.lastPathComponent) 不完整或已损坏，本次完整生成全部页面。")
        }
    }

    /// True when every input is as the previous build recorded it (by stamp, or by fingerprint when
    /// only its stamp changed) and it is still the day that build was for.
    func inputsUnchanged(_ options: BuildOptions) -> Bool {
        guard let previous, listing.exact, let timeZone = previous.timeZone,
              DependencyRecord.today(options, timeZone: timeZone) == previous.today,
              previous.inputs.count == listing.files.count else { return false }
        return listing.files.allSatisfy { path, stamp in
            guard let old = previous.inputs[path] else { return false }
            return old.stamp == stamp || (!old.hash.isEmpty && old.hash == hashes[path])
        }
    }

    /// Which files of the site in place may be linked, and what this build makes.
    func makeReuse() -> OutputReuse? {
        buildKey == nil ? nil : OutputReuse(output: output, previous: previous?.outputs ?? [:])
    }

    /// The record of this build. Inputs changed in the last second get no trusted stamp (a file
    /// written again within the file system's clock tick keeps its time): the next build compares
    /// their fingerprints.
    func record(_ site: SiteModel?, options: BuildOptions, outputs: [String: DependencyRecord.Output],
                diagnostics: [Diagnostic], summary: [SummaryCount], pageCount: Int, fileCount: Int) -> DependencyRecord? {
        guard let buildKey else { return nil }
        let timeZone = site?.config.timeZone ?? previous?.timeZone ?? TimeZone(identifier: "Asia/Shanghai")!
        var record = DependencyRecord(build: buildKey, today: DependencyRecord.today(options, timeZone: timeZone))
        hashes.merge(fingerprints(of: listing.files.keys.filter { hashes[$0] == nil }.sorted(), known: [:])) { old, _ in old }
        let recent = (Int64(Date().timeIntervalSince1970) - 2) * 1_000_000_000
        for (path, stamp) in listing.files {
            let trusted = stamp.modified < recent && stamp.changed < recent
            record.inputs[path] = DependencyRecord.Input(
                stamp: trusted ? stamp : FileStamp(size: -1, modified: 0, changed: 0, inode: 0), hash: hashes[path] ?? "")
        }
        record.outputs = outputs
        record.diagnostics = diagnostics
        record.summary = summary
        (record.pageCount, record.fileCount) = (pageCount, fileCount)
        return record
    }

    /// Before the swap: the record describes the site in place, which is about to go.
    func removeRecord() {
        unlink(recordFile.path)
    }

    /// After the swap: written whole beside the output, then renamed into place. The stamp of the
    /// record's file, or nil when it could not be written.
    @discardableResult
    func save(_ record: DependencyRecord) -> FileStamp? {
        let temporary = recordFile.path + ".\(getpid())"
        unlink(temporary)
        let text = record.text
        let failure = text.utf8.withContiguousStorageIfAvailable { StagingFolder.writeFile(temporary, UnsafeRawBufferPointer($0)) }
            ?? Array(text.utf8).withUnsafeBytes { StagingFolder.writeFile(temporary, $0) }
        guard failure == 0, rename(temporary, recordFile.path) == 0 else {
            unlink(temporary)
            return nil
        }
        return FileStamp.of(recordFile.path)
    }

    /// The previous record's files and its file's stamp: what the site in place was, for bringing it
    /// in line as the next spare once swapped out.
    var previousSite: (outputs: [String: DependencyRecord.Output], stamp: FileStamp)? {
        guard let previous, let previousStamp else { return nil }
        return (previous.outputs, previousStamp)
    }

    /// When nothing changed: a spare a killed build left out of line with the site in place is put
    /// in order now, so every build that succeeds leaves a spare the next one can trust.
    func tidySpare(clock: inout PhaseClock) {
        let spare = SpareSite(besides: output)
        guard buildKey != nil, let previousStamp, spare.exists, !spare.isCurrent(record: previousStamp),
              inLine(spare, clock: &clock) else { return }
        spare.markCurrent(record: previousStamp)
    }

    /// The spare to write this build into (see `SpareSite`), taken only with the previous record to go
    /// by: as it is when it is in line with that record, else once brought in line. A spare without a
    /// record, or that cannot be put in order, is removed.
    func spare(clock: inout PhaseClock) -> SpareSite? {
        let spare = SpareSite(besides: output)
        guard buildKey != nil, spare.exists else { return nil }
        guard previous != nil else {
            clock.time("remove spare") { spare.discard() }
            return nil
        }
        return inLine(spare, clock: &clock) && spare.beginChanges() ? spare : nil
    }

    /// True when `spare` holds the previous record's files: its token says so, or it was walked and
    /// put in order. A spare that cannot be put in order is removed.
    private func inLine(_ spare: SpareSite, clock: inout PhaseClock) -> Bool {
        guard let previous else { return false }
        if spare.isCurrent(record: previousStamp) { return true }
        let inOrder = clock.time("check spare") { spare.reconcile(with: previous.outputs) }
        if !inOrder { spare.discard() }
        return inOrder
    }
}
