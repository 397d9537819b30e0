import Foundation

/// What a build, check or print did: its problems, what it made and how long each phase took.
public struct BuildReport: Sendable {
    public let diagnostics: [Diagnostic]
    /// True when the site was written (build, print) or would have been (check).
    public let succeeded: Bool
    /// Entries per kind, then tags, bulletins, boards … (empty when the site could not be planned).
    public let summary: [SummaryCount]
    /// Pages planned (HTML pages, the feed and the sitemap).
    public let pageCount: Int
    /// Files written (or, for a check, that would have been pages).
    public let fileCount: Int
    public let phases: [(name: String, seconds: Double)]
    /// The memory the process held as each phase ended (resident MiB), in the order of `phases`.
    public var memory: [(name: String, mebibytes: Int)] = []
    /// Things the build wants people to know that are not problems (numbers that moved, a full build and why).
    public var notes: [String] = []
    /// Files of the previous site linked into the new one instead of written (an incremental build).
    public var reusedFiles = 0
    /// Of those, the pages not even rendered: the values they are made of were the previous build's.
    public var keptPages = 0

    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }
    public var warnings: [Diagnostic] { diagnostics.filter { !$0.isError } }
}

/// The build as a short list of named phases: load → model → link → prepare, which every use of a
/// site shares (`SitePreparation`), then what the use does with the prepared site (a `SiteConsumer`):
/// nothing more for `check`, render and write for `build`, and print as well for `print`.
public enum SiteBuilder {
    /// Incremental unless `full`: files whose bytes the site in place already holds are linked from
    /// it, and when no input changed nothing is rendered (see `IncrementalBuild`).
    public static func build(root: URL, output: URL? = nil, options: BuildOptions = BuildOptions(), full: Bool = false) -> BuildReport {
        let output = output ?? root.appendingPathComponent("site")
        var consumer = SiteOutput(output: output, root: root)
        consumer.incremental = IncrementalBuild(output: output, root: root, options: options, full: full)
        return run(root: root, options: options, consumer: consumer)
    }

    /// Every validation of a build, without writing anything.
    public static func check(root: URL, options: BuildOptions = BuildOptions()) -> BuildReport {
        run(root: root, options: options, consumer: Validation())
    }

    /// A build that also prints every bulletin, board and the album to PDF under `print/`, from the
    /// pages it rendered, before the site is swapped in: the PDFs always match the pages beside them.
    /// With `strict`, what would print badly (see `PrintError.qualityCodes`) is an error: nothing is swapped in.
    public static func buildAndPrint(root: URL, output: URL? = nil, options: BuildOptions = BuildOptions(),
                                     strict: Bool = false) -> BuildReport {
        var consumer = SiteOutput(output: output ?? root.appendingPathComponent("site"), root: root)
        consumer.steps = [PrintStep(strict: strict)]
        return run(root: root, options: options, consumer: consumer)
    }

    /// The whole site rendered in memory, as a build would write it (tests compare it with the preview's).
    public static func buildInMemory(root: URL, options: BuildOptions = BuildOptions()) -> (BuildReport, [OutputFile]) {
        let collected = InMemoryOutput()
        let report = run(root: root, options: options, consumer: collected)
        return (report, report.succeeded ? collected.files : [])
    }

    private static func run(root: URL, options: BuildOptions, consumer: some SiteConsumer) -> BuildReport {
        let log = DiagnosticLog()
        var clock = PhaseClock()
        guard let session = consumer.begin(log: log) else {
            return BuildReport(diagnostics: log.diagnostics, succeeded: false, summary: [], pageCount: 0, fileCount: 0, phases: [])
        }
        defer { session.end() }
        if let unchanged = consumer.unchangedSite(options: options, log: log, clock: &clock) { return unchanged }
        let pictures = consumer.pictureWork
        defer { if case let .cached(cache) = pictures { cache.finish(clean: !log.hasErrors) } }
        guard let site = SitePreparation.prepare(root: root, options: options, log: log, clock: &clock, pictures: pictures),
              !log.hasErrors else {
            return BuildReport(diagnostics: log.diagnostics, succeeded: false, summary: [], pageCount: 0, fileCount: 0,
                               phases: clock.phases)
        }
        let outcome = consumer.consume(site, options: options, log: log, clock: &clock)
        var report = BuildReport(diagnostics: log.diagnostics, succeeded: outcome.succeeded && !log.hasErrors, summary: site.summary,
                                 pageCount: site.pageCount, fileCount: outcome.fileCount, phases: clock.phases)
        report.memory = clock.memory
        report.notes = outcome.notes
        report.reusedFiles = outcome.reused
        report.keptPages = outcome.kept
        return report
    }
}

/// The phases every use of a site shares. With `caches` (the preview server's), unchanged files,
/// entries and bodies are reused.
enum SitePreparation {
    static func prepare(root: URL, options: BuildOptions, log: DiagnosticLog, clock: inout PhaseClock,
                        caches: BuildCache? = nil, pictures: PictureWork = .memory) -> SiteRenderer? {
        var linked = link(root: root, options: options, log: log, clock: &clock, caches: caches)
        linked.pictures = clock.time("pictures") { PictureStep.run(linked, work: pictures, log: log) }
        // Not a site at all: that is the one thing to say, not also that its theme is missing.
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("content").path) else { return nil }
        return clock.time("prepare") {
            SiteRenderer(linked, templatesFolder: root.appendingPathComponent("templates"), log: log, parsed: caches?.templates)
        }
    }
}

extension SitePreparation {
    /// Load, model and link: the site as data, for uses that need no theme (`export`).
    static func link(root: URL, options: BuildOptions, log: DiagnosticLog, clock: inout PhaseClock,
                     caches: BuildCache? = nil) -> LinkedSite {
        let (model, stageLog) = self.model(root: root, options: options, log: log, clock: &clock, caches: caches)
        let videos = VideoSurvey.shelf(for: model)
        clock.time("media") { VideoSurvey.check(model, shelf: videos, log: stageLog) }
        let linked = clock.time("link") { SiteLinker.link(model, log: stageLog, cache: caches?.links, videos: videos) }
        VideoSurvey.reportTools(linked, shelf: videos, log: stageLog)
        let held = stageLog === log ? 0 : stageLog.diagnostics.count
        if held > 0 { log.report(LoadError.checksHeldBack(file: "content/" + ContentLoader.siteConfigName, count: held)) }
        return linked
    }

    /// Loads and models the content; the loaded files (front matter trees and all) are let go on
    /// return, before linking. Without a usable site.yml every branch, series and category would be
    /// unknown: its own problems go to `log`, what follows from them to a log of its own, told once
    /// it is fixed.
    private static func model(root: URL, options: BuildOptions, log: DiagnosticLog, clock: inout PhaseClock,
                              caches: BuildCache?) -> (SiteModel, DiagnosticLog) {
        let loaded = clock.time("load") { ContentLoader.load(root: root, catalog: options.catalog, log: log, cache: caches?.files) }
        let stageLog = loaded.siteConfig == nil ? DiagnosticLog() : log
        let model = clock.time("model") { ContentModel.build(loaded, options: options, log: stageLog, cache: caches?.entries) }
        return (model, stageLog)
    }
}

/// What a use of a site does after the shared phases.
protocol SiteConsumer {
    /// Called before the content is read: what the run holds until it ends (a build: its output's
    /// lock, and the removal of what killed builds left). Nil, with the problem in `log`, when the run must not go on.
    func begin(log: DiagnosticLog) -> RunSession?
    func consume(_ site: SiteRenderer, options: BuildOptions, log: DiagnosticLog, clock: inout PhaseClock) -> ConsumerOutcome
    /// Where the run's web versions of pictures are made and kept.
    var pictureWork: PictureWork { get }
    /// Called before the content is read: the whole report when the previous output can stand as
    /// it is (an incremental build where no input changed), else nil and the run goes on.
    func unchangedSite(options: BuildOptions, log: DiagnosticLog, clock: inout PhaseClock) -> BuildReport?
}

extension SiteConsumer {
    var pictureWork: PictureWork { .memory }
    func unchangedSite(options: BuildOptions, log: DiagnosticLog, clock: inout PhaseClock) -> BuildReport? { nil }
}

/// What a run holds from before the content is read until it ends.
final class RunSession {
    let lock: OutputLock?
    /// Work started on other threads, waited for before the run ends (and before the lock is let go).
    let pending: [DispatchGroup]

    init(lock: OutputLock? = nil, pending: [DispatchGroup] = []) {
        self.lock = lock
        self.pending = pending
    }

    func end() {
        for group in pending { group.wait() }
        lock?.release()
    }
}

struct ConsumerOutcome {
    let succeeded: Bool
    let fileCount: Int
    var notes: [String] = []
    var reused = 0
    var kept = 0
}

/// `check`: every problem the shared phases find; nothing is rendered or written.
struct Validation: SiteConsumer {
    /// A check reads each picture's header (what it is, its size); it makes no versions.
    var pictureWork: PictureWork { .headersOnly }

    func begin(log: DiagnosticLog) -> RunSession? { RunSession() }

    func consume(_ site: SiteRenderer, options: BuildOptions, log: DiagnosticLog, clock: inout PhaseClock) -> ConsumerOutcome {
        ConsumerOutcome(succeeded: true, fileCount: site.pageCount)
    }
}

/// Every file of the site, rendered and kept in memory.
final class InMemoryOutput: SiteConsumer, @unchecked Sendable {
    private(set) var files: [OutputFile] = []

    func begin(log: DiagnosticLog) -> RunSession? { RunSession() }

    func consume(_ site: SiteRenderer, options: BuildOptions, log: DiagnosticLog, clock: inout PhaseClock) -> ConsumerOutcome {
        site.renderPages { files += $0; return true }
        files += (site.hasSearch ? SearchIndex.build(site.site).files : []) + site.copiedFiles()
        return ConsumerOutcome(succeeded: true, fileCount: files.count)
    }
}

/// Times named phases with a monotonic clock, and notes the memory held as each ends.
struct PhaseClock {
    private(set) var phases: [(name: String, seconds: Double)] = []
    private(set) var memory: [(name: String, mebibytes: Int)] = []

    mutating func time<T>(_ name: String, _ work: () -> T) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = work()
        phases.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        memory.append((name, Self.residentMebibytes()))
        return result
    }

    /// The process's resident memory now (the second figure of /proc/self/statm, in pages); 0 where unknown.
    static func residentMebibytes() -> Int {
        // Read with read(2): /proc files have no size, which Foundation's readers go by.
        let descriptor = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return 0 }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 128)
        let count = read(descriptor, &bytes, bytes.count)
        guard count > 0 else { return 0 }
        let fields = bytes[..<count].split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return (pages * Int(sysconf(Int32(_SC_PAGESIZE)))) >> 20
    }
}
