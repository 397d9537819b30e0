import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// Video lessons (视频微党课) built from real videos ffmpeg makes in the test: their pages, cards,
/// series, tag, search and bulletin listings, videos in bodies, the probe cache, and a page that
/// plays in headless Chromium from file://. Needs ffmpeg and chromium (scripts/ensure-deps).
@Suite("Video lessons", .serialized)
struct VideoLessonTests {
    static let lessons = Fixtures.siteYML + """

    base_url: http://intranet.example/dangjian/
    -- content/lessons/hong-chuan.md --
    ---
    title: 红船精神微党课
    date: 2026-09-10
    speaker: 王建华
    series: 党课团课
    branch: jiguan-1
    tags: [党史学习]
    summary: 红船精神的由来。
    ---
    讲稿：开天辟地、敢为人先的首创精神。
    -- content/lessons/jia-feng.md --
    ---
    title: 清廉家风一课
    date: 2026-09-18
    speaker: 陈国栋
    video: 清廉家风 微课.webm
    tags: [党史学习]
    ---
    一封家书里的廉洁故事。

    ![办税小贴士](小贴士.mp4)
    -- content/talks/2026/09/08-a.md --
    \(Fixtures.talk("tags: [党史学习]", date: "2026-09-08", body: "晨学正文，播放一段：\\n\\n![晨学片段](../../../lessons/小贴士.mp4)"))
    """

    /// The site with its videos: 75 s (1分15秒), 12 s and 5 s.
    func site(_ text: String = lessons) throws -> TestSite {
        let site = try TestSite(text)
        try TestVideo.make(site.root.appendingPathComponent("content/lessons/hong-chuan.mp4"), seconds: 75)
        try TestVideo.make(site.root.appendingPathComponent("content/lessons/清廉家风 微课.webm"), seconds: 12, webm: true)
        try TestVideo.make(site.root.appendingPathComponent("content/lessons/小贴士.mp4"), seconds: 5)
        return site
    }

    @Test("a lesson's page plays its own copy of the video, with the poster frame and the duration from the file")
    func lessonPage() throws {
        let site = try site()
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics.map(DiagnosticFormatter.compilerStyle))")
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(DiagnosticFormatter.compilerStyle))")
        let page = try #require(site.page("lessons/hong-chuan/index.html"))
        #expect(page.contains(#"<video class="video-player" controls preload="metadata" poster="../../lessons/hong-chuan/hong-chuan.mp4.poster.jpg" width="160" height="90"><source src="../../lessons/hong-chuan/hong-chuan.mp4" type="video/mp4">"#))
        #expect(page.contains(#"<time class="video-duration" datetime="PT1M15S">1分15秒</time>"#))
        let copied = try Data(contentsOf: site.output.appendingPathComponent("lessons/hong-chuan/hong-chuan.mp4"))
        #expect(copied == (try Data(contentsOf: site.root.appendingPathComponent("content/lessons/hong-chuan.mp4"))))
        let poster = try Data(contentsOf: site.output.appendingPathComponent("lessons/hong-chuan/hong-chuan.mp4.poster.jpg"))
        #expect(poster.starts(with: [0xFF, 0xD8]))
        #expect(ImageHeader.read(site.output.appendingPathComponent("lessons/hong-chuan/hong-chuan.mp4.poster.jpg"))?.width == 160)
        #expect(!page.contains(#"src="http"#) && !page.contains(#"src="//"#), "no player or file from outside")
        let named = try #require(site.page("lessons/jia-feng/index.html"))
        #expect(named.contains(#"<source src="../../lessons/jia-feng/%E6%B8%85%E5%BB%89%E5%AE%B6%E9%A3%8E%20%E5%BE%AE%E8%AF%BE.webm" type="video/webm">"#))
        #expect(site.exists("lessons/jia-feng/清廉家风 微课.webm"))
        #expect(named.contains("12秒"))
    }

    @Test("![](x.mp4) in any body becomes a player with its caption, the video copied beside the page")
    func bodyPlayer() throws {
        let site = try site()
        #expect(site.build().succeeded)
        let lesson = try #require(site.page("lessons/jia-feng/index.html"))
        #expect(lesson.contains(#"<figure class="video-figure"><video class="video-player" controls preload="metadata" poster="%E5%B0%8F%E8%B4%B4%E5%A3%AB.mp4.poster.jpg" width="160" height="90"><source src="%E5%B0%8F%E8%B4%B4%E5%A3%AB.mp4" type="video/mp4">"#))
        #expect(lesson.contains(#"<figcaption>办税小贴士 <span class="video-duration">5秒</span></figcaption></figure>"#))
        #expect(!lesson.contains("<p><figure"), "a player alone in its paragraph replaces the paragraph")
        let talk = try #require(site.page("talks/2026/09/08-a/index.html"))
        #expect(talk.contains(#"<source src="files/%E5%B0%8F%E8%B4%B4%E5%A3%AB.mp4" type="video/mp4">"#))
        #expect(site.exists("talks/2026/09/08-a/files/小贴士.mp4"))
        #expect(site.exists("talks/2026/09/08-a/files/小贴士.mp4.poster.jpg"))
        #expect(!talk.contains("<img src=\"files/"), "not a picture any more")
    }

    @Test("lessons are on their index, the home page, the series, tag, year and speaker pages, in search and the feed")
    func listings() throws {
        let site = try site()
        #expect(site.build().succeeded)
        let index = try #require(site.page("lessons/index.html"))
        #expect(index.contains("共 2 讲") && index.contains("红船精神微党课") && index.contains("1分15秒"))
        #expect(index.contains(#"<span class="card-duration">1分15秒</span>"#))
        #expect(site.page("index.html")?.contains("红船精神微党课") == true)
        #expect(site.page("index.html")?.contains(#"<a href="lessons/index.html">视频微党课</a>"#) == true)
        let series = try #require(site.page("series/dang-ke-tuan-ke/index.html"))
        #expect(series.contains("红船精神微党课"))
        let tag = try #require(site.page("tags/dang-shi-xue-xi/index.html"))
        #expect(tag.contains("红船精神微党课") && tag.contains("清廉家风一课") && tag.contains("晨学一讲"))
        #expect(site.page("2026/index.html")?.contains("清廉家风一课") == true)
        #expect(site.page("feed.xml")?.contains(#"<category term="lesson" label="视频微党课"/>"#) == true)
        let documents = site.outputFiles().filter { $0.hasPrefix("search/doc/") }.compactMap { site.page($0) }.joined()
        #expect(documents.contains(#""t":"红船精神微党课""#) && documents.contains(#""k":"视频微党课""#))
    }

    @Test("search finds a lesson by a phrase of its transcript, in the browser, opened as files")
    func searchTranscript() throws {
        let site = try site()
        #expect(site.build().succeeded)
        let prefix = BrowserCrawl.fileURL(site.output)
        let query = prefix + "search/index.html?q=%E9%A6%96%E5%88%9B%E7%B2%BE%E7%A5%9E" // 首创精神
        let result = try BrowserCrawl.run([query], prefix: prefix, probe: true)
        let probe = try #require(result.probes[query])
        #expect(probe.state == "done")
        #expect(probe.titles == ["红船精神微党课"], "\(probe.titles)")
    }

    @Test("the month's bulletin lists each lesson with its poster, duration and a QR code to its page")
    func bulletin() throws {
        let site = try site()
        #expect(site.build().succeeded)
        let bulletin = try #require(site.page("bulletins/2026-09/index.html"))
        let part = try #require(bulletin.range(of: #"<div class="bulletin-part">视频微党课</div>"#))
        let section = String(bulletin[part.upperBound...].prefix(12_000))
        #expect(section.contains("红船精神微党课") && section.contains("时长 1分15秒"))
        #expect(section.contains(#"<figcaption>扫码观看视频</figcaption>"#))
        #expect(section.contains("http://intranet.example/dangjian/lessons/hong-chuan/index.html"))
        #expect(section.contains(#"<img class="bulletin-poster" src="../../lessons/hong-chuan/hong-chuan.mp4.poster.jpg""#))
        #expect(bulletin.contains("视频微党课 2 讲"))
    }

    @Test("a second build takes the probe from the cache: ffprobe is not run again")
    func cache() throws {
        let site = try site()
        #expect(site.build().succeeded)
        let cached = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent(".dangjian-cache/video").path)
        #expect(cached.filter { $0.hasSuffix(".json") }.count == 3)
        #expect(cached.filter { $0.hasSuffix(".jpg") }.count == 3)
        let first = try #require(site.page("lessons/hong-chuan/index.html"))
        // Without ffmpeg on the PATH, only the cache can know the duration and the poster.
        let run = try CommandLine.run(["build", "--root", site.root.path], path: "/nonexistent")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("ffmpeg"), "\(run.stderr)")
        #expect(site.page("lessons/hong-chuan/index.html") == first)
    }

    @Test("without ffmpeg the site still builds and plays, and one warning says to install it")
    func withoutFFmpeg() throws {
        let site = try site()
        let run = try CommandLine.run(["build", "--root", site.root.path], path: "/nonexistent")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.components(separatedBy: "没有安装 ffmpeg").count == 2, "once, not once per lesson: \(run.stderr)")
        #expect(run.stderr.contains("sudo apt-get install ffmpeg"))
        let page = try #require(site.page("lessons/hong-chuan/index.html"))
        #expect(page.contains(#"<source src="../../lessons/hong-chuan/hong-chuan.mp4" type="video/mp4">"#))
        #expect(!page.contains("poster="))
    }

    @Test("opened from file:// in a folder named with spaces and Chinese, the video loads and its duration matches")
    func playsInBrowser() throws {
        let site = try site()
        #expect(site.build().succeeded)
        let folder = site.root.appendingPathComponent("共享 盘/党建 档案")
        try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: site.output, to: folder)
        let prefix = BrowserCrawl.fileURL(folder)
        let lesson = try BrowserVideo.open(prefix + "lessons/hong-chuan/index.html", prefix: prefix)
        #expect(lesson.count == 1)
        let video = try #require(lesson.first)
        #expect(video.error == nil && video.readyState >= 1, "\(video)")
        #expect(abs((video.duration ?? 0) - 75) < 0.5, "\(String(describing: video.duration))")
        #expect(video.currentSrc.hasPrefix(prefix) && video.poster.hasPrefix(prefix))
        #expect(video.external.isEmpty, "\(video.external)")
        let named = try BrowserVideo.open(prefix + "lessons/jia-feng/index.html", prefix: prefix)
        #expect(named.count == 2)
        #expect(named.allSatisfy { $0.readyState >= 1 && $0.error == nil }, "\(named)")
        #expect(abs((named.first?.duration ?? 0) - 12) < 0.5)
        #expect(abs((named.last?.duration ?? 0) - 5) < 0.5)
    }
}

/// Runs the `dangjian` executable with a PATH of its own.
enum CommandLine {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], path: String) throws -> Run {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = path
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }
}
