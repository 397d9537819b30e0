import Foundation

/// What a build or check did: its problems, what it wrote and how long each phase took.
public struct BuildReport: Sendable {
    public let diagnostics: [Diagnostic]
    /// True when the site was written (build) or would have been (check).
    public let succeeded: Bool
    /// Pages written per top-level folder (`talks`, `tags` …; the home page counts as `index`).
    public let pageCounts: [String: Int]
    public let fileCount: Int
    public let phases: [(name: String, seconds: Double)]

    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }
    public var warnings: [Diagnostic] { diagnostics.filter { !$0.isError } }
    public var pageCount: Int { pageCounts.values.reduce(0, +) }
}

/// The build as a short list of named phases: load → model → link → render → write.
public enum SiteBuilder {
    public static func build(root: URL, output: URL? = nil, options: BuildOptions = BuildOptions()) -> BuildReport {
        run(root: root, output: output ?? root.appendingPathComponent("site"), options: options, writing: true)
    }

    /// Every validation of a build, without writing anything.
    public static func check(root: URL, options: BuildOptions = BuildOptions()) -> BuildReport {
        run(root: root, output: nil, options: options, writing: false)
    }

    /// A build that also prints every bulletin, board and the album to PDF under `print/`, from the
    /// staged site before it is swapped in: the PDFs always match the pages beside them.
    public static func buildAndPrint(root: URL, output: URL? = nil, options: BuildOptions = BuildOptions()) -> BuildReport {
        run(root: root, output: output ?? root.appendingPathComponent("site"), options: options, writing: true, printing: true)
    }

    /// The whole site built in memory, for the preview server: nothing is written.
    public static func buildInMemory(root: URL, options: BuildOptions = BuildOptions()) -> (BuildReport, [OutputFile]) {
        let collected = FileCollector()
        let report = run(root: root, output: nil, options: options, writing: false, collect: collected.add)
        return (report, report.succeeded ? collected.files : [])
    }

    private static func run(root: URL, output: URL?, options: BuildOptions, writing: Bool, printing: Bool = false,
                            collect: (([OutputFile]) -> Void)? = nil) -> BuildReport {
        let log = DiagnosticLog()
        var clock = PhaseClock()
        let cleanup = writing ? SiteWriter.removeLeftovers(besides: output ?? root.appendingPathComponent("site")) : DispatchGroup()
        defer { cleanup.wait() }
        let loaded = clock.time("load") { ContentLoader.load(root: root, log: log) }
        let model = clock.time("model") { ContentModel.build(loaded, options: options, log: log) }
        let linked = clock.time("link") { SiteLinker.link(model, log: log) }
        let search = clock.time("search index") { SearchIndex.build(linked) }
        let renderer = clock.time("prepare") {
            SiteRenderer(linked, search: search, templatesFolder: root.appendingPathComponent("templates"), log: log)
        }
        guard let renderer, !log.hasErrors else {
            return BuildReport(diagnostics: log.diagnostics, succeeded: false, pageCounts: [:], fileCount: 0, phases: clock.phases)
        }
        // Pages are rendered and written batch after batch into the staging folder; `check` renders
        // them the same way and writes nothing.
        let writer = writing ? SiteWriter(output: output ?? root.appendingPathComponent("site"), root: root, log: log) : nil
        var pagePaths: [String] = []
        var fileCount = 0
        clock.time("render and write") {
            guard !writing || writer != nil else { return }
            renderer.renderPages { pages in
                pagePaths += pages.map(\.path)
                fileCount += pages.count
                options.progress?(pagePaths.count, renderer.pageCount)
                collect?(pages)
                return writer?.enqueue(pages) ?? true
            }
            let generated = renderer.siteFiles(pages: pagePaths)
            fileCount += generated.count
            collect?(generated)
            writer?.write(generated)
            let copies = renderer.copiedFiles()
            fileCount += copies.count
            collect?(copies)
            writer?.write(copies)
        }
        var succeeded = !log.hasErrors && (!writing || writer != nil)
        if succeeded, printing, let writer {
            let pdfs = clock.time("print") { PDFPrinter.print(renderer.printTargets(), from: writer.stagingFolder, log: log) }
            fileCount += pdfs?.count ?? 0
            succeeded = pdfs.map { writer.write($0) } ?? false
            succeeded = succeeded && !log.hasErrors
        }
        if let writer {
            succeeded = succeeded ? clock.time("swap") { writer.commit() } : { writer.abandon(); return false }()
        }
        return BuildReport(diagnostics: log.diagnostics, succeeded: succeeded, pageCounts: countBySection(pagePaths),
                           fileCount: fileCount, phases: clock.phases)
    }

    static func countBySection(_ pages: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for page in pages {
            let section = page.split(separator: "/").first.map(String.init) ?? page
            let key = section == "index.html" ? "index" : section.count == 4 && section.allSatisfy(\.isNumber) ? "years" : section
            counts[key, default: 0] += 1
        }
        return counts
    }
}

/// Gathers the files of an in-memory build.
private final class FileCollector {
    private(set) var files: [OutputFile] = []
    func add(_ batch: [OutputFile]) { files += batch }
}

/// Times named phases with a monotonic clock.
struct PhaseClock {
    private(set) var phases: [(name: String, seconds: Double)] = []

    mutating func time<T>(_ name: String, _ work: () -> T) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = work()
        phases.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        return result
    }
}
