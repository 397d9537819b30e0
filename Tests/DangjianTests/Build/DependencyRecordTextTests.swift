@testable import Dangjian
import Foundation
import Testing

@Suite("The dependency record as text")
struct DependencyRecordTextTests {
    static func sample() -> DependencyRecord {
        var record = DependencyRecord(build: "1.0.0 /usr/bin/dangjian 123 456 drafts=false future=false", today: "Asia/Shanghai 2026-11-23")
        record.inputs["content/talks/2026/09/01-a\tb.md"] = .init(stamp: FileStamp(size: 12, modified: 3, changed: 4, inode: 5), hash: "ab")
        record.inputs["content/site.yml"] = .init(stamp: FileStamp(size: -1, modified: 0, changed: 0, inode: 0), hash: "")
        record.outputs["talks/index.html"] = .init(hash: ContentHash.of("页面"), stamp: FileStamp(size: 9, modified: 8, changed: 7, inode: 6),
                                                   values: ContentHash.of("页面的模板值"))
        record.outputs["assets/style.css"] = .init(hash: ContentHash.of("样式"), stamp: FileStamp(size: 2, modified: 8, changed: 7, inode: 9))
        record.diagnostics = [Diagnostic(.warning, code: "unknown-field", file: "content/a.md", line: 3, column: 1,
                                         message: "第一行\n第二行\\带反斜杠\t制表符")]
        record.summary = [SummaryCount(label: "晨学", count: 30, unit: "讲", countsEntries: true)]
        (record.pageCount, record.fileCount) = (96, 120)
        return record
    }

    @Test("reads back what it wrote, tabs, line breaks and backslashes in names and messages included")
    func roundTrip() {
        let record = Self.sample()
        #expect(DependencyRecord.parse(Array(record.text.utf8), build: record.build) == .success(record))
    }

    @Test("a record cut short, changed by one byte, or with a line added is damaged; another build's is refused")
    func damage() {
        let record = Self.sample()
        let bytes = Array(record.text.utf8)
        for cut in [0, 10, bytes.count / 2, bytes.count - 1] {
            #expect(DependencyRecord.parse(Array(bytes.prefix(cut)), build: record.build) == .failure(.damaged), "cut at \(cut)")
        }
        var flipped = bytes
        flipped[bytes.count / 3] ^= 1
        #expect(DependencyRecord.parse(flipped, build: record.build) == .failure(.damaged))
        #expect(DependencyRecord.parse(Array((record.text + "out\tx\n").utf8), build: record.build) == .failure(.damaged))
        #expect(DependencyRecord.parse(bytes, build: "0.9.0") == .failure(.otherBuild))
        let olderFormat = record.text.replacingOccurrences(of: DependencyRecord.header + "\n", with: "dangjian-deps 1\n")
        #expect(DependencyRecord.parse(Array(olderFormat.utf8), build: record.build) == .failure(.otherBuild),
                "a record an older dangjian wrote is another build's, not a damaged one")
    }

    @Test("fingerprints are 32 hex digits, the same for the same bytes and different for a one-byte change")
    func fingerprints() {
        #expect(ContentHash.of("").count == 32 && ContentHash.of("").allSatisfy(\.isHexDigit))
        #expect(ContentHash.of("晨学三分钟") == ContentHash.of("晨学三分钟"))
        let long = String(repeating: "党建品牌展示", count: 1000)
        #expect(ContentHash.of(long) != ContentHash.of(long + " "))
        #expect(ContentHash.of("abcdefgh1") != ContentHash.of("abcdefgh2"), "the tail after the last 8-byte word counts")
        #expect(ContentHash.of("a") != ContentHash.of("\u{0}a"), "the length counts")
    }
}
