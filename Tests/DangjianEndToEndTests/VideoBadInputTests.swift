import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// Each kind of bad video is an error naming the entry file and line, the other lessons still
/// checked, nothing written. Videos are made by ffmpeg in the test.
@Suite("Video lessons: bad input", .serialized)
struct VideoBadInputTests {
    /// A good lesson beside the bad one, so each test also shows the build went on with the others.
    static func site(_ lesson: String, video: (URL) throws -> Void) throws -> TestSite {
        let site = try TestSite(Fixtures.siteYML + """

        -- content/lessons/hao.md --
        ---
        title: 好的一课
        date: 2026-09-01
        speaker: 王建华
        ---
        讲稿。
        -- content/lessons/huai.md --
        \(lesson)
        """)
        try TestVideo.make(site.root.appendingPathComponent("content/lessons/hao.mp4"), seconds: 3)
        try video(site.root.appendingPathComponent("content/lessons"))
        return site
    }

    static func lesson(video: String?) -> String {
        "---\ntitle: 坏的一课\ndate: 2026-09-02\nspeaker: 陈国栋\n" + (video.map { "video: \($0)\n" } ?? "") + "---\n讲稿。"
    }

    /// Builds, and returns the one error (there must be exactly one), after checking nothing was written.
    func onlyError(_ site: TestSite, code: String) throws -> Diagnostic {
        let report = site.build()
        #expect(!report.succeeded)
        #expect(!site.exists("index.html"), "nothing half-written")
        let errors = report.errors
        #expect(errors.count == 1, "\(errors.map(DiagnosticFormatter.compilerStyle))")
        let error = try #require(errors.first)
        #expect(error.code == code, "\(DiagnosticFormatter.compilerStyle(error))")
        #expect(!report.diagnostics.contains { $0.file.hasSuffix("hao.md") }, "the good lesson is fine")
        return error
    }

    @Test("a lesson without video: and no file of its name says which names it looked for")
    func missingDefault() throws {
        let site = try Self.site(Self.lesson(video: nil)) { _ in }
        let error = try onlyError(site, code: "missing-video")
        #expect((error.file, error.line) == ("content/lessons/huai.md", 1))
        #expect(error.message.contains("huai.mp4 或 huai.webm"))
    }

    @Test("a video: naming a file that is not there is an error at that line")
    func missingNamed() throws {
        let site = try Self.site(Self.lesson(video: "第一讲 视频.mp4")) { _ in }
        let error = try onlyError(site, code: "missing-video")
        #expect((error.file, error.line, error.column) == ("content/lessons/huai.md", 5, 8))
        #expect(error.message.contains("找不到视频“第一讲 视频.mp4”"))
    }

    @Test(".avi, .mov and .wmv are refused with the format to convert to and an ffmpeg command")
    func unsupported() throws {
        for ending in ["avi", "mov", "wmv"] {
            let site = try Self.site(Self.lesson(video: "huai.\(ending)")) { folder in
                try Data("RIFF....AVI ".utf8).write(to: folder.appendingPathComponent("huai.\(ending)"))
            }
            let error = try onlyError(site, code: "unsupported-video")
            #expect(error.line == 5)
            #expect(error.message.contains(".\(ending) 格式") && error.message.contains("MP4") && error.message.contains("ffmpeg -i"))
        }
    }

    @Test("a video cut short is found by its structure, even where ffprobe still reads the header")
    func truncated() throws {
        let site = try Self.site(Self.lesson(video: "huai.mp4")) { folder in
            let whole = try TestVideo.data(seconds: 4)
            try whole.prefix(whole.count * 2 / 3).write(to: folder.appendingPathComponent("huai.mp4"))
        }
        let error = try onlyError(site, code: "truncated-video")
        #expect(error.line == 5 && error.message.contains("不完整"))
    }

    @Test("a damaged video ffprobe cannot read is an error saying so")
    func damaged() throws {
        let site = try Self.site(Self.lesson(video: "huai.webm")) { folder in
            var bytes = [UInt8](try TestVideo.data(seconds: 2, webm: true))
            // The EBML signature kept, everything after it garbage (a segment of unknown size).
            for index in 4..<bytes.count { bytes[index] = UInt8(truncatingIfNeeded: index &* 131) }
            bytes[4] = 0x9F
            try Data(bytes).write(to: folder.appendingPathComponent("huai.webm"))
        }
        let error = try onlyError(site, code: "damaged-video")
        #expect(error.line == 5 && error.message.contains("已损坏"))
    }

    @Test("a text file named .mp4 is told to be text")
    func text() throws {
        let site = try Self.site(Self.lesson(video: "huai.mp4")) { folder in
            try Data("这是会议记录，不是视频。\n".utf8).write(to: folder.appendingPathComponent("huai.mp4"))
        }
        let error = try onlyError(site, code: "not-a-video")
        #expect(error.message.contains("文本文件"))
    }

    @Test("a 4 GB video is refused at once by its size, without being read or copied; site.yml can raise the limit")
    func tooLarge() throws {
        let site = try Self.site(Self.lesson(video: "huai.mp4")) { folder in
            let url = folder.appendingPathComponent("huai.mp4")
            try TestVideo.make(url, seconds: 1)
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: 4 << 30) // sparse: no 4 GB written
            try handle.close()
        }
        let start = Date()
        let error = try onlyError(site, code: "video-too-large")
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(error.message.contains("4.0 GB") && error.message.contains("500.0 MB") && error.message.contains("max_mb"))
        try site.write("content/site.yml", Fixtures.siteYML.replacingOccurrences(of: "-- content/site.yml --\n", with: "")
            + "\nvideo: {max_mb: 8000}\n")
        // With the limit raised the size is allowed (checked only: a build would copy all 4 GB).
        let report = site.check()
        #expect(!report.errors.contains { $0.code == "video-too-large" }, "\(report.errors.map(DiagnosticFormatter.compilerStyle))")
    }

    @Test("a video that is a link out of the site is refused, not read")
    func outsideRoot() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-outside-\(UUID().uuidString).mp4")
        try TestVideo.make(outside, seconds: 1)
        defer { try? FileManager.default.removeItem(at: outside) }
        let site = try Self.site(Self.lesson(video: "huai.mp4")) { folder in
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("huai.mp4"), withDestinationURL: outside)
        }
        let error = try onlyError(site, code: "refused-file")
        #expect(error.line == 5)
    }

    @Test("a bad video in a body is an error at its line and column")
    func inBody() throws {
        let site = try Self.site(Self.lesson(video: nil).replacingOccurrences(of: "讲稿。", with: "讲稿。\n\n看这段：![片段](duan.mov)")) { folder in
            try TestVideo.make(folder.appendingPathComponent("huai.mp4"), seconds: 1)
            try Data("x".utf8).write(to: folder.appendingPathComponent("duan.mov"))
        }
        let error = try onlyError(site, code: "unsupported-video")
        #expect((error.file, error.line, error.column) == ("content/lessons/huai.md", 8, 5))
    }
}
