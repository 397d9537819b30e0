import Foundation

/// `build` (and `print`): renders every page and writes the site into a staging folder beside the
/// output, runs its further steps (printing) on what was rendered, then swaps the staged site in.
/// A failed step leaves the previous site as it was. One build at a time per output folder: the
/// output's `OutputLock` is taken before the content is read and let go when the build ends.
struct SiteOutput: SiteConsumer {
    let output: URL
    let root: URL
    /// Steps that see the rendered files and add files of their own before the swap.
    var steps: [any StagingStep] = []
    /// Web versions of pictures, kept beside the output between builds.
    var pictureWork: PictureWork { .cached(PictureCache(besideOutput: output)) }
    /// The previous build's record and this one's (nil: every file is written and no record kept, as for `print`).
    var incremental: IncrementalBuild?

    func begin(log: DiagnosticLog) -> RunSession? {
        guard let lock = OutputLock.acquire(output: output, log: log) else { return nil }
        return RunSession(lock: lock, pending: [SiteWriter.removeLeftovers(besides: output)])
    }

    func consume(_ site: SiteRenderer, options: BuildOptions, log: DiagnosticLog, clock: inout PhaseClock) -> ConsumerOutcome {
        let reuse = incremental?.makeReuse()
        let spare = incremental?.spare(clock: &clock)
        guard let writer = SiteWriter(output: output, root: root, log: log, reuse: reuse, spare: spare) else {
            return ConsumerOutcome(succeeded: false, fileCount: 0)
        }
        // The index's files are written as they are made, not held until the pages are rendered.
        // Bodies' plain texts are let go as they are indexed: no later phase reads them.
        let search = clock.time("search index") {
            site.hasSearch ? SearchIndex.build(site.site, releasingTexts: true, emit: writer.enqueue) : nil
        }
        if !site.hasSearch { site.site.releasePlainTexts() }
        let history = HistoryRecord(site.site)
        let notes = HistoryRecord(readingFrom: output).map { history.changes(since: $0, catalog: site.site.catalog) } ?? []
        for step in steps { step.start(site) }
        var fileCount = 0
        clock.time("render and write") {
            var rendered = 0
            // Without printing, pages whose values are what the previous build rendered them from are linked, not rendered.
            site.renderPages(keeping: steps.isEmpty ? reuse : nil) { pages, kept in
                fileCount += pages.count + kept.count
                rendered += pages.count + kept.count
                options.progress?(rendered, site.jobCount)
                for step in steps { step.observe(pages) }
                return writer.enqueue(pages, kept: kept)
            }
            let generated = site.copiedFiles() + [history.file]
            for step in steps { step.observe(generated) }
            fileCount += generated.count + (search?.fileCount ?? 0)
            writer.write(generated)
        }
        var succeeded = !log.hasErrors
        for step in steps where succeeded {
            let made = clock.time(step.name) { step.run(site, log: log) }
            fileCount += made?.count ?? 0
            succeeded = made.map { writer.write($0) } ?? false
            succeeded = succeeded && !log.hasErrors
        }
        guard succeeded else {
            writer.abandon()
            return ConsumerOutcome(succeeded: false, fileCount: fileCount)
        }
        // The record describes the site in place: it goes before the swap, the new one comes after it.
        incremental?.removeRecord() ?? DependencyRecord.remove(besides: output)
        let committed = clock.time("swap") { writer.commit() }
        var outcome = ConsumerOutcome(succeeded: committed, fileCount: fileCount, notes: (incremental?.notes ?? []) + notes)
        guard committed else { return outcome }
        if let incremental, let reuse {
            outcome.notes += reuse.changedSinceRecord > 0
                ? ["site/ 中有 \(reuse.changedSinceRecord) 个文件在上次生成后被改动或删除，已重新写入。"] : []
            outcome.reused = reuse.linked
            outcome.kept = reuse.keptCount
            let record = incremental.record(site.site.model, options: options, outputs: reuse.outputs, diagnostics: log.diagnostics,
                                            summary: site.summary, pageCount: site.pageCount, fileCount: fileCount)
            // The previous site is kept as the next build's spare, brought in line by linking what this
            // build wrote: fewer operations than removing it and making a whole new tree next time
            // (after `--full`, which rewrites every file, it is removed).
            if let record, let saved = incremental.save(record), incremental.readsPrevious {
                clock.time("update spare") {
                    writer.keepPreviousSiteAsSpare(outputs: record.outputs, record: saved, previous: incremental.previousSite)
                }
            }
        }
        clock.time("remove old site") { writer.removePreviousSite() }
        return outcome
    }
}

/// A step of a build between writing the site and swapping it in: it learns the site's plan, is
/// shown the files as they are made, then adds files of its own (nil when it failed; its problems
/// are in the log).
protocol StagingStep: Sendable {
    var name: String { get }
    func start(_ site: SiteRenderer)
    func observe(_ files: [OutputFile])
    func run(_ site: SiteRenderer, log: DiagnosticLog) -> [OutputFile]?
}

/// `print`: keeps the printable pages as they are rendered, and the pictures and theme files they
/// show, then prints them to PDF from memory (`PDFPrinter`): the PDFs are made of exactly the pages
/// being written, and nothing is read back from the staging folder.
final class PrintStep: StagingStep, @unchecked Sendable {
    let name = "print"
    /// What prints badly (a page wider than its paper, a board that does not fit, a blurred cover)
    /// fails the print instead of warning.
    let strict: Bool
    private let lock = NSLock()
    private var targets: [PrintTarget] = []
    private var pages = Set<String>()
    private var files: [String: OutputFile.Content] = [:]

    init(strict: Bool = false) { self.strict = strict }

    func start(_ site: SiteRenderer) {
        targets = site.printTargets
        pages = Set(targets.map(\.page))
    }

    func observe(_ batch: [OutputFile]) {
        lock.withLock {
            for file in batch {
                switch file.content {
                case .text where pages.contains(file.path), .copy, .data: files[file.path] = file.content
                case .text: break
                }
            }
        }
    }

    func run(_ site: SiteRenderer, log: DiagnosticLog) -> [OutputFile]? {
        let found = DiagnosticLog()
        let printed = PDFPrinter.print(targets, files: lock.withLock { files }, sourceRoot: FileTree.realPath(site.site.model.root.path),
                                       log: found)
        for diagnostic in found.diagnostics {
            guard strict, !diagnostic.isError, PrintError.qualityCodes.contains(diagnostic.code) else {
                log.report(diagnostic)
                continue
            }
            log.report(Diagnostic(.error, code: diagnostic.code, file: diagnostic.file, line: diagnostic.line,
                                  column: diagnostic.column, message: diagnostic.message + "（--strict：按错误处理）"))
        }
        return printed
    }
}
