import Foundation

/// What a build leaves beside its output (`.site.dangjian-deps` next to `site/`) for the next one:
/// the build that made it (dangjian's version and program, the options), the day it built for, every
/// input file with its stamp and fingerprint, and every file of the site with its fingerprint, the
/// stamp it had once in place and, for a page, the fingerprint of the values it was rendered from. A later build links the files whose bytes it would write again
/// instead of writing them; when no input changed it links them all without reading the content,
/// and tells the problems and summary recorded here again.
struct DependencyRecord: Equatable {
    struct Input: Equatable {
        let stamp: FileStamp
        let hash: String
    }

    struct Output: Equatable {
        let hash: String
        /// The file in the output folder as it was once the site was in place.
        let stamp: FileStamp
        /// For a page rendered from template values: their fingerprint (a later build whose values
        /// for the page have the same one links the file without rendering it); else empty.
        var values = ""
    }

    /// dangjian's version, its program file and the build's options: a record of another build is not used.
    var build: String
    /// The site's time zone and the day built for ("today" ends the statistics' current run).
    var today: String
    var inputs: [String: Input] = [:]
    var outputs: [String: Output] = [:]
    var diagnostics: [Diagnostic] = []
    var summary: [SummaryCount] = []
    var pageCount = 0
    var fileCount = 0

    static let header = "dangjian-deps 2"

    static func file(of output: URL) -> URL {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).dangjian-deps")
    }

    /// The build of this program with these options; nil when its catalog is not the standard one
    /// (a test's declared kinds): such builds keep no record.
    static func buildKey(_ options: BuildOptions) -> String? {
        let standard = KindCatalog.standard.kinds
        guard options.catalog.kinds.count == standard.count,
              zip(options.catalog.kinds, standard).allSatisfy({ $0 === $1 }) else { return nil }
        let program = FileTree.realPath("/proc/self/exe").flatMap { path -> String? in
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            let stamp = FileStamp(info)
            return "\(path) \(stamp.size) \(stamp.modified)"
        } ?? "?"
        return "\(DangjianVersion.current) \(program) drafts=\(options.includeDrafts) future=\(options.includeFuture)"
    }

    static func today(_ options: BuildOptions, timeZone: TimeZone) -> String {
        let day = EntryDate.of(options.now, in: timeZone)
        return "\(timeZone.identifier) \(day.year)-\(day.month)-\(day.day)"
    }

    /// The record's time zone, to tell whether today is still the day it was built for.
    var timeZone: TimeZone? {
        today.split(separator: " ").first.flatMap { TimeZone(identifier: String($0)) }
    }
}
