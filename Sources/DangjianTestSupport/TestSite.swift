import Dangjian
import Foundation

/// A whole site written inline as text, built into a temporary folder:
///
///     -- content/site.yml --
///     title: 测试站点
///     -- content/talks/2024/03/06-a.md --
///     ---
///     title: 第一讲
///     ...
///
/// Unless the text names files under `templates/`, the repository's default theme is used.
public final class TestSite: @unchecked Sendable {
    public let root: URL
    public private(set) var report: BuildReport?

    /// "Today" for every build of a test site, so future-dated entries are decided the same way each run.
    public static let today = Date(timeIntervalSince1970: 1_795_392_000) // 2026-11-23 00:00 UTC

    public init(_ text: String, defaultTheme: Bool = true, function: String = #function) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("dangjian-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let files = Self.parse(text)
        if defaultTheme && !files.keys.contains(where: { $0.hasPrefix("templates/") }) {
            try FileManager.default.copyItem(at: Repository.templates, to: root.appendingPathComponent("templates"))
        }
        for (path, contents) in files { try write(path, contents) }
    }

    /// A site made of a folder that already exists (the sample site, a generated corpus): copied, never touched.
    public init(copying folder: URL, templates: URL = Repository.templates) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: folder.appendingPathComponent("content"), to: root.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: templates, to: root.appendingPathComponent("templates"))
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    public var output: URL { root.appendingPathComponent("site") }

    @discardableResult
    public func build(drafts: Bool = false, future: Bool = false) -> BuildReport {
        let result = SiteBuilder.build(root: root, options: BuildOptions(includeDrafts: drafts, includeFuture: future, now: Self.today))
        report = result
        return result
    }

    /// `dangjian print`: the build plus PDFs of every bulletin, board and the album under `print/`.
    @discardableResult
    public func buildAndPrint() -> BuildReport {
        let result = SiteBuilder.buildAndPrint(root: root, options: BuildOptions(now: Self.today))
        report = result
        return result
    }

    public func check() -> BuildReport {
        SiteBuilder.check(root: root, options: BuildOptions(now: Self.today))
    }

    public func write(_ path: String, _ contents: String) throws {
        try write(path, data: Data(contents.utf8))
    }

    public func write(_ path: String, data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    /// The text of a generated file, or nil when it was not written.
    public func page(_ path: String) -> String? {
        try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    /// Every file of the generated site, relative to it, sorted.
    public func outputFiles() -> [String] {
        Self.files(under: output)
    }

    public static func files(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let base = folder.standardizedFileURL.path + "/"
        var files: [String] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append(String(url.standardizedFileURL.path.dropFirst(base.count)))
        }
        return files.sorted()
    }

    /// Splits `-- path --` headers and their contents.
    public static func parse(_ text: String) -> [String: String] {
        var files: [String: String] = [:]
        var current: String?
        var lines: [Substring] = []
        func flush() {
            if let current { files[current] = lines.joined(separator: "\n") + "\n" }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                flush()
                current = String(line.dropFirst(3).dropLast(3))
                lines = []
            } else {
                lines.append(line)
            }
        }
        flush()
        return files
    }
}

/// Places in this repository that tests read.
public enum Repository {
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    public static var templates: URL { root.appendingPathComponent("templates") }
    public static var sampleSite: URL { root }
    /// The shared benchmark kit, beside the repository.
    public static var benchKit: URL { root.deletingLastPathComponent().appendingPathComponent("shared/bench") }
}
