import Foundation

extension SiteOutput {
    /// When no input changed since the previous build (same program and options, same day, every
    /// file of `content/` and `templates/` as recorded), the new site is the previous one's files,
    /// linked into the staging folder and swapped in as any build's: nothing is read or rendered,
    /// and the problems and summary that build reported are reported again. Nil when something
    /// changed, or a file of the site in place is not as recorded: the build then goes on in full.
    func unchangedSite(options: BuildOptions, log: DiagnosticLog, clock: inout PhaseClock) -> BuildReport? {
        guard let incremental else { return nil }
        let unchanged = clock.time("check changes") { () -> Bool in
            incremental.start()
            return incremental.inputsUnchanged(options)
        }
        guard unchanged, let previous = incremental.previous, let reuse = incremental.makeReuse(),
              let writer = SiteWriter(output: output, root: root, log: DiagnosticLog(), reuse: reuse) else { return nil }
        let linked = clock.time("link unchanged") { writer.linkRecorded(previous.outputs) }
        guard linked else {
            writer.abandon()
            return nil
        }
        incremental.removeRecord()
        guard clock.time("swap", { writer.commit() }) else { return nil }
        let record = incremental.record(nil, options: options, outputs: reuse.outputs, diagnostics: previous.diagnostics,
                                        summary: previous.summary, pageCount: previous.pageCount, fileCount: previous.fileCount)
        record.map(incremental.save)
        clock.time("remove old site") { writer.removePreviousSite() }
        var report = BuildReport(diagnostics: log.diagnostics + previous.diagnostics, succeeded: true, summary: previous.summary,
                                 pageCount: previous.pageCount, fileCount: previous.fileCount, phases: clock.phases)
        report.reusedFiles = reuse.linked
        return report
    }
}

extension DependencyRecord {
    /// Removes the record beside `output` (a build that keeps none, `print`, replaces the site it describes).
    static func remove(besides output: URL) {
        unlink(file(of: output).path)
    }
}
