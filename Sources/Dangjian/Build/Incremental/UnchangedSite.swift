import Foundation

extension SiteOutput {
    /// When no input changed since the previous build (same program and options, same day, every
    /// file of `content/` and `templates/` as recorded) and the site in place is exactly the one it
    /// recorded (the same files, none added, each with its recorded size, time and inode), there is
    /// nothing to do: the site stays as it is, untouched, and the problems and summary that build
    /// reported are reported again. Should the site have been changed by hand, its recorded files are
    /// linked into a staging folder and swapped in as in any build; when one of them is missing or
    /// changed, nil: the build goes on in full.
    func unchangedSite(options: BuildOptions, log: DiagnosticLog, clock: inout PhaseClock) -> BuildReport? {
        guard let incremental else { return nil }
        let unchanged = clock.time("check changes") { () -> Bool in
            incremental.start()
            return incremental.inputsUnchanged(options)
        }
        guard unchanged, let previous = incremental.previous else { return nil }
        let inPlace = clock.time("check site") { Self.matches(InputListing(files: output), previous.outputs) }
        var reused = previous.outputs.count - (previous.outputs[SiteWriter.markerName] == nil ? 0 : 1)
        if inPlace { incremental.tidySpare(clock: &clock) }
        if !inPlace {
            guard let linked = relink(previous, incremental: incremental, options: options, clock: &clock) else { return nil }
            reused = linked
        }
        var report = BuildReport(diagnostics: log.diagnostics + previous.diagnostics, succeeded: true, summary: previous.summary,
                                 pageCount: previous.pageCount, fileCount: previous.fileCount, phases: clock.phases)
        report.reusedFiles = reused
        if inPlace { report.notes = ["内容和模板都没有改动，\(output.lastPathComponent)/ 保持原样。"] }
        return report
    }

    private static func matches(_ site: InputListing, _ outputs: [String: DependencyRecord.Output]) -> Bool {
        site.exact && site.files.count == outputs.count
            && site.files.allSatisfy { path, stamp in outputs[path].map { stamp.sameContent(as: $0.stamp) } ?? false }
    }

    /// The recorded files linked from the site in place into a staging folder and swapped in (files
    /// someone added to `site/` go); the number linked, or nil when one of them is not as recorded.
    private func relink(_ previous: DependencyRecord, incremental: IncrementalBuild, options: BuildOptions,
                        clock: inout PhaseClock) -> Int? {
        guard let reuse = incremental.makeReuse(),
              let writer = SiteWriter(output: output, root: root, log: DiagnosticLog(), reuse: reuse) else { return nil }
        guard clock.time("link unchanged", { writer.linkRecorded(previous.outputs) }) else {
            writer.abandon()
            return nil
        }
        incremental.removeRecord()
        guard clock.time("swap", { writer.commit() }) else { return nil }
        let record = incremental.record(nil, options: options, outputs: reuse.outputs, diagnostics: previous.diagnostics,
                                        summary: previous.summary, pageCount: previous.pageCount, fileCount: previous.fileCount)
        record.map(incremental.save)
        clock.time("remove old site") { writer.removePreviousSite() }
        return reuse.linked
    }
}

extension DependencyRecord {
    /// Removes the record beside `output` (a build that keeps none, `print`, replaces the site it describes).
    static func remove(besides output: URL) {
        unlink(file(of: output).path)
    }
}
