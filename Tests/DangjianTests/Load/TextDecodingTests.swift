@testable import Dangjian
import Foundation
import Testing

@Suite("Load: decoding text files")
struct TextDecodingTests {
    @Test("a UTF-8 BOM and CRLF line endings from Notepad are accepted silently")
    func bomAndCRLF() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: 甲\r\n---\r\n正文\r\n".utf8))
        let text = try TextDecoding.decode(data, file: "content/a.md").get()
        #expect(text == "---\ntitle: 甲\n---\n正文\n")
    }

    @Test("a file neither UTF-8 nor GB18030 is refused with the byte where UTF-8 breaks, never shown as mojibake")
    func brokenGBKIsRefused() {
        // "标" in GBK, then half of "题": B1 EA CC
        let data = Data(Array("---\ntitle: ".utf8) + [0xB1, 0xEA, 0xCC])
        let result = TextDecoding.decode(data, file: "content/talks/a.md")
        #expect(throws: LoadError.notUTF8(file: "content/talks/a.md", byteOffset: 11, line: 2)) { try result.get() }
        let diagnostic = LoadError.notUTF8(file: "content/talks/a.md", byteOffset: 11, line: 2).diagnostic
        #expect(diagnostic.message.contains("GBK"))
        #expect(diagnostic.message.contains("UTF-8"))
    }

    @Test("overlong and surrogate encodings are not UTF-8")
    func invalidSequences() {
        #expect(TextDecoding.firstInvalidUTF8Offset([0x41, 0xC0, 0x80]) == 1)
        #expect(TextDecoding.firstInvalidUTF8Offset([0xED, 0xA0, 0x80]) == 0)
        #expect(TextDecoding.firstInvalidUTF8Offset(Array("党建".utf8)) == nil)
        #expect(TextDecoding.firstInvalidUTF8Offset([0xE5, 0x85]) == 0)
    }
}

@Suite("Load: front matter")
struct FrontMatterTests {
    @Test("front matter and body are split with the lines they start on")
    func split() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: 甲\ndate: 2024-03-06\n---\n\n正文\n", file: "f").get()
        #expect(split.yaml == "title: 甲\ndate: 2024-03-06")
        #expect(split.yamlFirstLine == 2)
        #expect(split.bodyFirstLine == 5)
        #expect(split.body == "\n正文\n")
    }

    @Test("an empty file, a file without front matter and an unclosed one are told apart")
    func badShapes() {
        #expect(throws: LoadError.emptyFile(file: "f")) { try FrontMatterSplitter.split("  \n\n", file: "f").get() }
        #expect(throws: LoadError.missingFrontMatter(file: "f")) { try FrontMatterSplitter.split("# 标题\n", file: "f").get() }
        #expect(throws: LoadError.unclosedFrontMatter(file: "f", openingLine: 1)) {
            try FrontMatterSplitter.split("---\ntitle: 甲\n正文\n", file: "f").get()
        }
    }

    @Test("YAML values keep the file line and column they were written at")
    func positions() throws {
        let node = try #require(try YAMLReader.parse("title: 甲\nseries: 政策发规", file: "f", firstLine: 2).get())
        let series = try #require(node.field("series"))
        #expect(series.location == SourceLocation(file: "f", line: 3, column: 9))
        #expect(series.scalar == "政策发规")
    }

    @Test("a YAML syntax error points at its line in the file")
    func syntaxError() {
        let result = YAMLReader.parse("title: 甲\ntags: [a, b\ndate: 2024-01-01", file: "f", firstLine: 2)
        guard case let .failure(.yamlSyntax(location, _)) = result else {
            Issue.record("expected a syntax error, got \(result)")
            return
        }
        #expect(location.file == "f")
        #expect(location.line >= 3)
    }

    @Test("a field written twice is an error naming the field")
    func duplicateKey() {
        let result = YAMLReader.parse("title: 甲\ntitle: 乙", file: "f", firstLine: 2)
        guard case let .failure(error) = result, case .duplicateKey = error else {
            Issue.record("expected a duplicate key error, got \(result)")
            return
        }
        #expect(error.diagnostic.message.contains("title"))
    }
}

@Suite("Load: GB18030 files")
struct GB18030DecodingTests {
    @Test("a GBK/GB18030 file with Chinese is read correctly, with a warning naming the file")
    func gbkIsRead() throws {
        // "标题：党建" in GBK: B1EA CCE2 A3BA B5B3 BDA8
        let data = Data(Array("---\ntitle: ".utf8) + [0xB1, 0xEA, 0xCC, 0xE2, 0xA3, 0xBA, 0xB5, 0xB3, 0xBD, 0xA8] + Array("\r\n---\r\n".utf8))
        let log = DiagnosticLog()
        let text = try TextDecoding.decode(data, file: "content/talks/a.md", log: log).get()
        #expect(text == "---\ntitle: 标题：党建\n---\n")
        let warning = try #require(log.diagnostics.first)
        #expect(warning.severity == .warning && warning.file == "content/talks/a.md" && warning.code == "gb18030-file")
    }

    @Test("bytes that are neither UTF-8 nor GB18030 are refused with the offset")
    func garbageIsRefused() {
        let data = Data(Array("---\ntitle: caf".utf8) + [0xE9, 0x20, 0x0A])
        #expect(throws: LoadError.notUTF8(file: "content/a.md", byteOffset: 14, line: 2)) {
            try TextDecoding.decode(data, file: "content/a.md").get()
        }
    }
}
