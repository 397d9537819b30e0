import Foundation

/// What `dangjian init` was asked for. Values left nil are given defaults a new office can change later.
public struct SiteInitRequest: Sendable {
    public var folder: URL
    public var organization: String
    public var title: String
    /// Branches as `(id, name)`; at least one.
    public var branches: [(id: String, name: String)]
    public var series: [String]

    public init(folder: URL, organization: String, title: String, branches: [(id: String, name: String)], series: [String]) {
        self.folder = folder
        self.organization = organization
        self.title = title
        self.branches = branches
        self.series = series
    }

    public static let defaultSeries = ["理论摘编", "伦理典故", "政策法规", "会议文件", "廉政建设", "道德讲堂", "读书集萃", "党课团课", "健康知识"]
    public static let defaultBranches: [(id: String, name: String)] = [("jiguan-1", "机关第一党支部"), ("jiguan-2", "机关第二党支部")]
}

/// `dangjian init`: a new site — `content/` with its `site.yml` and one example of each kind, which
/// `check` passes, and the default theme in `templates/`. Everything is made in a hidden folder beside
/// the target and moved in at the end, so a failure leaves nothing half-written; an existing site is
/// never touched.
public enum SiteInit {
    /// The files written (relative to the new site), or the problems (nothing written then).
    public static func create(_ request: SiteInitRequest, theme: URL, now: Date = Date()) -> Result<[String], ScaffoldFailure> {
        var problems = check(request, theme: theme)
        guard problems.isEmpty else { return .failure(ScaffoldFailure(problems)) }
        let fileManager = FileManager.default
        let folder = request.folder.standardizedFileURL
        let staging = folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).dangjian-init-\(getpid())")
        do {
            try? fileManager.removeItem(at: staging)
            try fileManager.createDirectory(at: staging.appendingPathComponent("content"), withIntermediateDirectories: true)
            let today = EntryDate.of(now, in: TimeZone(identifier: "Asia/Shanghai")!).dayOnly
            var written: [String] = []
            for (path, text) in SiteExamples.files(request, today: today) {
                let url = staging.appendingPathComponent(path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
                written.append(path)
            }
            try fileManager.copyItem(at: theme, to: staging.appendingPathComponent("templates"))
            written.append("templates/")
            try moveIn(staging, to: folder)
            return .success(written)
        } catch {
            try? fileManager.removeItem(at: staging)
            problems.append(ScaffoldError.cannotCreateSite(folder: folder.path, reason: error.localizedDescription).diagnostic)
            return .failure(ScaffoldFailure(problems))
        }
    }

    /// The target may be new or an existing folder without a site in it; it must be writable.
    private static func check(_ request: SiteInitRequest, theme: URL) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let fileManager = FileManager.default
        let folder = request.folder.standardizedFileURL
        if fileManager.fileExists(atPath: folder.appendingPathComponent("content").path)
            || fileManager.fileExists(atPath: folder.appendingPathComponent("templates").path) {
            problems.append(ScaffoldError.siteExists(folder: folder.path).diagnostic)
        }
        let parent = fileManager.fileExists(atPath: folder.path) ? folder : folder.deletingLastPathComponent()
        if !fileManager.isWritableFile(atPath: parent.path) || !fileManager.isWritableFile(atPath: folder.deletingLastPathComponent().path) {
            problems.append(ScaffoldError.folderNotWritable(folder: parent.path).diagnostic)
        }
        if !fileManager.fileExists(atPath: theme.appendingPathComponent("base.mustache").path) {
            problems.append(ScaffoldError.themeMissing(path: theme.path).diagnostic)
        }
        if request.branches.isEmpty { problems.append(ScaffoldError.noBranches.diagnostic) }
        for branch in request.branches where !Slug.isValid(branch.id) {
            problems.append(ScaffoldError.invalidBranchID(id: branch.id).diagnostic)
        }
        if request.title.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(ScaffoldError.emptyTitle.diagnostic) }
        return problems
    }

    /// The staged `content/` and `templates/` into `folder`: the folder itself when it is new.
    private static func moveIn(_ staging: URL, to folder: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: folder.path) else {
            try fileManager.moveItem(at: staging, to: folder)
            return
        }
        for part in ["content", "templates"] {
            try fileManager.moveItem(at: staging.appendingPathComponent(part), to: folder.appendingPathComponent(part))
        }
        try fileManager.removeItem(at: staging)
    }
}

/// Where the default theme is: `DANGJIAN_THEME`, else beside the installed program
/// (`/usr/share/dangjian/templates` for `/usr/bin/dangjian`), else the source checkout it was built in.
public enum ThemeLocator {
    public static func defaultTheme() -> URL? {
        let fileManager = FileManager.default
        let isTheme = { (url: URL) in fileManager.fileExists(atPath: url.appendingPathComponent("base.mustache").path) }
        if let chosen = ProcessInfo.processInfo.environment["DANGJIAN_THEME"], !chosen.isEmpty {
            return isTheme(URL(fileURLWithPath: chosen)) ? URL(fileURLWithPath: chosen) : nil
        }
        let executable = URL(fileURLWithPath: (try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]).standardizedFileURL
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<5 {
            for candidate in [folder.appendingPathComponent("share/dangjian/templates"), folder.appendingPathComponent("templates")]
                where isTheme(candidate) {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }
}
