import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// Every kind of bad input of the catalogue (`BadInput.all`) through the real `dangjian` binary, so
/// a trap is a failed row and not a crashed test run: `build` then `check --format json` on a site
/// that built before, each asserting the exit status, the problem's code with its file and line,
/// a compiler-style line in Chinese, the time taken, and that nothing was written where it must not be.
@Suite("Bad-input catalogue: the real binary on each kind of bad input")
struct BadInputCatalogueTests {
    @Test("bad input is told with its file and line, in bounded time, and changes nothing", arguments: BadInput.all)
    func catalogue(_ row: BadInput) throws {
        let site = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk())
        #expect(site.build().succeeded, "the good site builds first")
        try write(row, into: site)
        let before = Self.snapshot(site.root)

        let build = try BinaryRun(["build", "--root", site.root.path], limit: row.seconds)
        let check = try BinaryRun(["check", "--root", site.root.path, "--format", "json"], limit: row.seconds)
        for run in [build, check] {
            #expect(!run.trapped, "\(row.kind): \(run.arguments[0]) was killed by signal \(run.status)\n\(run.stderr.suffix(2_000))")
            #expect(run.seconds < row.seconds, "\(row.kind): \(run.arguments[0]) took \(run.seconds) s")
        }
        let diagnostics = check.diagnostics()
        #expect(check.trapped || !diagnostics.isEmpty || row.outcome == .builds, "\(row.kind): no JSON from check: \(check.stdout.prefix(500))")
        let after = Self.snapshot(site.root)
        switch row.outcome {
        case .error:
            #expect(build.status == 1 && check.status == 1, "\(row.kind): statuses \(build.status), \(check.status)\n\(build.stderr)")
            #expect(after == before, "\(row.kind): a failed build changed \(Self.changed(before, after))")
        case .warning, .builds:
            #expect(build.status == 0 && check.status == 0, "\(row.kind): statuses \(build.status), \(check.status)\n\(build.stderr)")
            let sources = { (files: [String: Data]) in files.filter { !$0.key.hasPrefix("site/") && !$0.key.hasPrefix(".site.") } }
            #expect(sources(after) == sources(before), "\(row.kind): content or theme changed")
            #expect(site.exists("index.html"))
        }
        if row.outcome == .builds {
            #expect(diagnostics.filter { $0.severity == "error" }.isEmpty, "\(row.kind): \(build.stderr)")
        } else {
            try expectReported(row, in: diagnostics, stderr: build.stderr)
        }
        let held = diagnostics.filter { row.heldBack.contains($0.code) }
        #expect(held.isEmpty, "\(row.kind): should wait for site.yml: \(held.map(\.code))")
    }

    @Test("the preview survives typos made while it runs: a series twice, huge numbers, an alias bomb, a broken site.yml")
    func previewSurvives() throws {
        let site = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk())
        let cache = BuildCache()
        let options = BuildOptions(now: TestSite.today)
        let edits: [(path: String, text: String, code: String)] = [
            ("content/site.yml", Bad.siteYML("").dropFirst("-- content/site.yml --\n".count)
                .replacingOccurrences(of: "政策法规, 会议文件", with: "政策法规, 政策法规, 会议文件"), "duplicate-vocabulary-value"),
            (Bad.talkPath, Fixtures.talk("minutes: 1e20", date: "2024-03-07"), "number-out-of-range"),
            ("content/salons/001-a.md", String(Bad.salon("001-a", "attendance: 9223372036854775807").drop { $0 != "\n" }.dropFirst()),
             "number-out-of-range"),
            (Bad.talkPath, Fixtures.talk(Bad.aliasBomb(), date: "2024-03-07"), "yaml-alias"),
            ("content/site.yml", "title: [甲\n", "yaml-syntax"),
        ]
        for edit in edits {
            try site.write(edit.path, edit.text)
            let start = Date()
            let (report, shown) = SiteBuilder.buildOnDemand(root: site.root, options: options, cache: cache)
            #expect(report.diagnostics.contains { $0.code == edit.code }, "\(edit.code): \(report.diagnostics.map(\.code))")
            if report.succeeded { #expect(!(try #require(shown).allFiles()).isEmpty) }
            #expect(Date().timeIntervalSince(start) < 20)
        }
    }

    /// The row's code at its file and line, in the JSON of `check` and as a Chinese line of `build`.
    private func expectReported(_ row: BadInput, in diagnostics: [Reported], stderr: String) throws {
        let (file, line) = Self.place(row.at)
        let found = diagnostics.first { $0.code == row.code && $0.file == file && (line == nil || $0.line == line) }
        #expect(found != nil, "\(row.kind): wanted \(row.code) at \(row.at), got \(diagnostics.map { "\($0.code) \($0.file):\($0.line)" })")
        guard let found else { return }
        #expect(found.severity == (row.outcome == .error ? "error" : "warning"), "\(row.kind)")
        #expect(found.message.unicodeScalars.contains(where: CJKProbe.isHan), "\(row.kind): not in Chinese: \(found.message)")
        let place = line.map { "\(file):\($0):" } ?? "\(file): "
        #expect(stderr.contains(place), "\(row.kind): build printed no line for \(place)\n\(stderr)")
    }

    private func write(_ row: BadInput, into site: TestSite) throws {
        for path in row.removed { try site.remove(path) }
        for (path, text) in TestSite.parse(row.input) { try site.write(path, text) }
        for file in row.raw { try Self.writeRaw(file, under: site.root) }
    }

    /// Writes a file whose path may not be valid UTF-8, making its folders (with plain system calls).
    static func writeRaw(_ file: BadInput.RawFile, under root: URL) throws {
        let full = Array(root.path.utf8) + [UInt8(ascii: "/")] + file.path
        for (index, byte) in full.enumerated() where byte == UInt8(ascii: "/") && index > 0 {
            _ = (Array(full[..<index]) + [0]).withUnsafeBufferPointer { mkdir(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), 0o755) }
        }
        let descriptor = (full + [0]).withUnsafeBufferPointer {
            open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(descriptor) }
        let written = file.bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == file.bytes.count else { throw CocoaError(.fileWriteUnknown) }
    }

    static func place(_ at: String) -> (file: String, line: Int?) {
        guard let colon = at.lastIndex(of: ":"), let line = Int(at[at.index(after: colon)...]) else { return (at, nil) }
        return (String(at[..<colon]), line)
    }

    /// Every file under `root` (hidden ones too) with its bytes, by path relative to `root`.
    static func snapshot(_ root: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in TestSite.files(under: root) { files[path] = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) }
        return files
    }

    static func changed(_ before: [String: Data], _ after: [String: Data]) -> [String] {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted().prefix(5).map { $0 }
    }
}

/// A diagnostic as `check --format json` prints it.
struct Reported: Decodable {
    let file: String
    let line: Int
    let severity: String
    let code: String
    let message: String
}

enum CJKProbe {
    static func isHan(_ scalar: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(scalar.value) }
}

/// The `dangjian` binary run to its end (or stopped at twice its time limit), output kept in files
/// so a large output never blocks it.
struct BinaryRun {
    let arguments: [String]
    let status: Int32
    /// Ended by a signal (a Swift trap is SIGILL or SIGTRAP), or stopped for taking too long.
    let trapped: Bool
    let stdout: String
    let stderr: String
    let seconds: Double

    /// The built `dangjian`, or another one named by DANGJIAN_CATALOGUE_BINARY (to see what an older version did).
    static var executable: URL {
        ProcessInfo.processInfo.environment["DANGJIAN_CATALOGUE_BINARY"].map { URL(fileURLWithPath: $0) } ?? CommandLineTests.executable
    }

    init(_ arguments: [String], limit: Double) throws {
        self.arguments = arguments
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out"), err = folder.appendingPathComponent("err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        let start = Date()
        try process.run()
        let stopped = ended.wait(timeout: .now() + limit * 2) == .timedOut
        if stopped {
            kill(process.processIdentifier, SIGKILL)
            ended.wait()
        }
        seconds = Date().timeIntervalSince(start)
        status = process.terminationStatus
        trapped = stopped || process.terminationReason == .uncaughtSignal
        stdout = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        stderr = String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self)
    }

    /// What `check --format json` reported (nothing when its output is not that JSON).
    func diagnostics() -> [Reported] {
        (try? JSONDecoder().decode([Reported].self, from: Data(stdout.utf8))) ?? []
    }
}
