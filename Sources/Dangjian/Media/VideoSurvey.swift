import Foundation

/// The media step, between model and link: every lesson's video is checked and probed (in parallel,
/// through the shelf's cache), each problem reported at the lesson's `video:` line (or its first line
/// when the video is found by the entry's name). Videos in bodies are checked by the link stage
/// through the same shelf; `reportTools` then says once if ffmpeg was missing.
enum VideoSurvey {
    static func shelf(for model: SiteModel) -> VideoShelf {
        VideoShelf(root: model.root, limit: model.config.videoLimitBytes, cacheFolder: VideoShelf.cacheFolder(root: model.root))
    }

    static func check(_ model: SiteModel, shelf: VideoShelf, log: DiagnosticLog) {
        let uses: [(Entry, FieldSpec, String)] = model.entries.compactMap { entry in
            guard let field = entry.kind.field(with: .video), case let .asset(path)? = entry.value(field.name) else { return nil }
            return (entry, field, path)
        }
        let problems = uses.parallelMap { entry, field, path -> Diagnostic? in
            guard case let .failure(problem) = shelf.check(path) else { return nil }
            let location = entry.fieldLocations[field.name] ?? SourceLocation(file: entry.path, line: 1, column: 1)
            let written = String(path.split(separator: "/").last ?? Substring(path))
            return VideoError.problem(location: location, path: written, problem).diagnostic
        }
        problems.compactMap { $0 }.forEach { log.report($0) }
    }

    /// One warning when ffmpeg was missing, at the first entry (by path) that uses a video.
    static func reportTools(_ linked: LinkedSite, shelf: VideoShelf, log: DiagnosticLog) {
        guard shelf.ffmpegMissing else { return }
        let users = linked.entries.indices.filter { index in
            linked.bodies[index].assets.contains { VideoFormat.of($0.source) != nil }
        }
        log.report(VideoError.toolsMissing(file: users.first.map { linked.entries[$0].path } ?? "content/"))
    }
}
