import Foundation

/// Where web versions are kept between builds: a folder beside the output (`.site.dangjian-cache/`
/// beside `site/`), never inside `content/`. A version is named by the SHA-256 of the original's
/// bytes and its width, below a folder named after the recipe, so a changed picture or recipe
/// never finds an old version. An index (`index.tsv`) remembers each original's size, modification
/// time and inode with its hash and sizes, so a rebuild hashes only pictures that changed. After a
/// build, versions no picture uses any more are removed.
///
/// The preview server keeps one in memory instead (`inMemory`): versions held as bytes, reused from
/// one rebuild to the next while the original's stamp is unchanged, nothing written to disk.
public final class PictureCache: @unchecked Sendable {
    let folder: URL
    let inMemory: Bool
    private let lock = NSLock()
    private var known: [String: IndexLine] = [:]
    private var used: [String: IndexLine] = [:]

    struct IndexLine: Equatable {
        let stamp: FileStamp
        let picture: ProcessedPicture
    }

    /// The cache for the output folder `output` (`site/` → `.site.dangjian-cache/pictures-<recipe>/`).
    init(besideOutput output: URL) {
        folder = Self.folder(besideOutput: output)
        inMemory = false
        known = Self.readIndex(folder.appendingPathComponent("index.tsv"))
    }

    /// A cache of the preview server's: in memory only.
    public init() {
        folder = URL(fileURLWithPath: "/nonexistent")
        inMemory = true
    }

    /// After a preview rebuild: what this one used is what the next one may reuse.
    func carryOver() {
        lock.withLock {
            known = used
            used = [:]
        }
    }

    static func folder(besideOutput output: URL) -> URL {
        let name = "." + output.standardizedFileURL.lastPathComponent + ".dangjian-cache"
        return output.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(name)
            .appendingPathComponent("pictures-" + PictureRecipe.version)
    }

    func fileURL(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// The picture made from the file at `source` when it has not changed since (and its versions are there).
    func reuse(_ source: String, stamp: FileStamp) -> ProcessedPicture? {
        let line = lock.withLock { known[source] }
        guard let line, line.stamp.sameContent(as: stamp) else { return nil }
        guard inMemory || line.picture.versions.allSatisfy({ FileManager.default.fileExists(atPath: fileURL(name(of: $0)).path) }) else { return nil }
        lock.withLock { used[source] = line }
        return line.picture
    }

    /// An already made version of the picture with `hash` (the same bytes under another name or time).
    func existing(_ name: String) -> Bool { !inMemory && FileManager.default.fileExists(atPath: fileURL(name).path) }

    /// Writes a version's bytes under `name` (through a temporary name, so a killed build leaves no half file).
    func store(_ bytes: Data, as name: String) -> Bool {
        guard !inMemory else { return false }
        let target = fileURL(name)
        // A name of its own per write: two pictures with the same bytes may be made at once, and
        // rename(2) puts either one in place whole.
        let temporary = folder.appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
        do {
            try bytes.write(to: temporary)
            guard rename(temporary.path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            return true
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            return false
        }
    }

    func remember(_ source: String, stamp: FileStamp, picture: ProcessedPicture) {
        lock.withLock { used[source] = IndexLine(stamp: stamp, picture: picture) }
    }

    /// Creates the folder; false when it cannot be made (the build then keeps versions in memory).
    func prepare() -> Bool {
        inMemory || (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil
    }

    /// Writes the index of the pictures used by this build and removes every other file of the
    /// folder (versions no page uses now, old recipes' folders beside it).
    /// With `clean` false (a build that failed), nothing is removed and pictures not used this time stay in the index.
    func finish(clean: Bool) {
        var lines = lock.withLock { used }
        if !clean {
            lines.merge(known) { current, _ in current }
            let text = lines.keys.sorted().map { Self.format($0, lines[$0]!) }.joined()
            _ = store(Data(text.utf8), as: "index.tsv")
            return
        }
        var keep: Set<String> = ["index.tsv"]
        for line in lines.values { for version in line.picture.versions { keep.insert(name(of: version)) } }
        let text = lines.keys.sorted().map { Self.format($0, lines[$0]!) }.joined()
        _ = store(Data(text.utf8), as: "index.tsv")
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] where !keep.contains(name) {
            try? manager.removeItem(at: folder.appendingPathComponent(name))
        }
        let parent = folder.deletingLastPathComponent()
        for name in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? []
        where name.hasPrefix("pictures-") && name != folder.lastPathComponent {
            try? manager.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    func name(of version: PictureVersion) -> String { String(version.path.split(separator: "/").last ?? "") }

    private static func format(_ source: String, _ line: IndexLine) -> String {
        let picture = line.picture, header = picture.header
        let versions = picture.versions.map { "\($0.role.rawValue):\($0.width)x\($0.height)" }.joined(separator: ",")
        return [source, "\(line.stamp.size)", "\(line.stamp.modified)", "\(line.stamp.inode)", picture.hash, header.format,
                "\(header.width)", "\(header.height)", "\(header.orientation)", versions].joined(separator: "\t") + "\n"
    }

    private static func readIndex(_ url: URL) -> [String: IndexLine] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var lines: [String: IndexLine] = [:]
        for row in text.split(separator: "\n") {
            let cells = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 10, let size = Int(cells[1]), let modified = Int(cells[2]), let inode = UInt64(cells[3]),
                  let width = Int(cells[6]), let height = Int(cells[7]), let orientation = Int(cells[8]) else { continue }
            let header = PictureHeaderInfo(format: cells[5], width: width, height: height, orientation: orientation)
            let versions = cells[9].split(separator: ",").compactMap { PictureMaker.version(parsing: String($0), hash: cells[4]) }
            guard !versions.isEmpty else { continue }
            let picture = ProcessedPicture(hash: cells[4], header: header,
                                           versions: versions.map { $0.withContent(.copy(url.deletingLastPathComponent().appendingPathComponent(String($0.path.split(separator: "/").last!)))) })
            lines[cells[0]] = IndexLine(stamp: FileStamp(size: Int64(size), modified: Int64(modified), changed: 0, inode: inode), picture: picture)
        }
        return lines
    }
}
