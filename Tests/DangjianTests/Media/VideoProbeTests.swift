@testable import Dangjian
import DangjianTestSupport
import Foundation
import Testing

@Suite("Media: video facts, formats and structure")
struct VideoProbeTests {
    @Test("ffprobe's JSON gives the duration, size and codecs; no video stream gives nothing")
    func parsing() throws {
        let json = #"{"programs":[],"streams":[{"codec_name":"h264","codec_type":"video","width":1280,"height":720},{"codec_name":"aac","codec_type":"audio"}],"format":{"duration":"750.240000"}}"#
        let info = try #require(VideoInfo.parsing(ffprobeJSON: Data(json.utf8)))
        #expect(info == VideoInfo(duration: 750.24, width: 1280, height: 720, videoCodec: "h264", audioCodec: "aac"))
        #expect(info.durationText == "12分30秒" && info.isoDuration == "PT12M30S")
        let noDuration = #"{"streams":[{"codec_type":"video","codec_name":"vp9"}],"format":{"duration":"N/A"}}"#
        #expect(VideoInfo.parsing(ffprobeJSON: Data(noDuration.utf8))?.duration == nil)
        #expect(VideoInfo.parsing(ffprobeJSON: Data(#"{"streams":[{"codec_type":"audio"}]}"#.utf8)) == nil)
        #expect(VideoInfo.parsing(ffprobeJSON: Data("not json".utf8)) == nil)
    }

    @Test("durations in Chinese, rounded to the second")
    func chinese() {
        #expect(VideoInfo.chineseDuration(45.4) == "45秒")
        #expect(VideoInfo.chineseDuration(600) == "10分钟")
        #expect(VideoInfo.chineseDuration(605) == "10分05秒")
        #expect(VideoInfo.chineseDuration(3_725) == "1小时02分05秒")
        #expect(VideoInfo.chineseDuration(0.2) == "0秒")
    }

    @Test("formats by name, and by their first bytes")
    func formats() {
        #expect(VideoFormat.of("a/第一讲 视频.MP4") == .mp4 && VideoFormat.of("x.webm") == .webm && VideoFormat.of("x.avi") == nil)
        #expect(VideoFormat.isVideoName("x.mov") && VideoFormat.isVideoName("x.wmv") && !VideoFormat.isVideoName("x.png"))
        #expect(VideoFormat.mp4.signature(of: [0, 0, 0, 0x20] + Array("ftypisom".utf8)) == .matches)
        #expect(VideoFormat.webm.signature(of: [0x1A, 0x45, 0xDF, 0xA3, 0x9F]) == .matches)
        #expect(VideoFormat.mp4.signature(of: Array("会议记录\n第二行".utf8)) == .text)
        #expect(VideoFormat.mp4.signature(of: [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]) == .other)
    }

    @Test("a whole MP4 and WebM pass the structure check; cut short, they say how long they should be")
    func structure() throws {
        for webm in [false, true] {
            let whole = try TestVideo.data(seconds: 2, webm: webm)
            let format: VideoFormat = webm ? .webm : .mp4
            #expect(try missingEnd(whole, format) == nil, "\(format)")
            let cut = whole.prefix(whole.count / 2)
            let expected = try #require(try missingEnd(cut, format), "\(format)")
            #expect(expected == Int64(whole.count), "\(format)")
        }
    }

    @Test("the probe reads a real file through a descriptor and makes a JPEG poster")
    func probe() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-probe-\(UUID().uuidString).mp4")
        try TestVideo.make(url, seconds: 3)
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_RDONLY)
        defer { close(descriptor) }
        guard case let .probed(info, poster) = VideoProbe.probe(descriptor, timeLimit: 30) else {
            Issue.record("not probed")
            return
        }
        #expect(abs((info.duration ?? 0) - 3) < 0.2 && info.width == 160 && info.videoCodec == "h264")
        #expect(poster?.starts(with: [0xFF, 0xD8]) == true)
    }

    @Test("a program that does not stop is killed at its time limit")
    func timeLimit() {
        let start = Date()
        let outcome = MediaProcess.run("sleep", ["30"], input: 0, timeLimit: 0.5)
        #expect(outcome == .timedOut)
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(MediaProcess.run("dangjian-no-such-program", [], input: 0) == .notInstalled)
    }

    @Test("the lesson kind is declared consistently with the others")
    func kind() {
        #expect(KindCatalog.standard.problems.isEmpty)
        let lesson = KindCatalog.standard.kind(folder: "lessons")
        #expect(lesson?.name == "视频微党课" && lesson?.unit == "讲" && lesson?.field(with: .video)?.name == "video")
        #expect(lesson?.field("series")?.vocabulary == KindCatalog.standard.seriesField?.field.vocabulary)
    }

    private func missingEnd(_ data: Data, _ format: VideoFormat) throws -> Int64? {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-structure-\(UUID().uuidString)")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_RDONLY)
        defer { close(descriptor) }
        return VideoStructure.missingEnd(of: descriptor, size: Int64(data.count), format: format)
    }
}
