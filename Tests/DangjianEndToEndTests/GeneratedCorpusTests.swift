import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// A realistic corpus from the shared benchmark kit (real Chinese case reports, Chinese file names,
/// cross-references), built and inspected like the sample site.
@Suite("A generated corpus")
struct GeneratedCorpusTests {
    static let entries = 600

    static func generate(entries: Int = entries) throws -> URL {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-corpus-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repository.benchKit.appendingPathComponent("gen-corpus").path,
                             "--entries", "\(entries)", "--out", out.path, "--seed", "7"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return out
    }

    @Test("builds without errors; counts match the files; every link resolves; related and backlinks are there")
    func corpus() throws {
        let kit = Repository.benchKit.appendingPathComponent("gen-corpus")
        try #require(FileManager.default.fileExists(atPath: kit.path), "the benchmark kit is expected at \(kit.path)")
        let folder = try Self.generate()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try TestSite(copying: folder)
        let report = site.build()
        #expect(report.succeeded, "\(report.errors.prefix(10).map(DiagnosticFormatter.compilerStyle))")
        #expect(report.errors.isEmpty)

        let sources = TestSite.files(under: folder.appendingPathComponent("content"))
        let markdown = sources.filter { $0.hasSuffix(".md") }
        let pages = site.outputFiles()
        func count(_ prefix: String, depth: Int) -> Int {
            pages.filter { $0.hasPrefix(prefix) && $0.hasSuffix("/index.html")
                && $0.split(separator: "/").count == depth && !$0.contains("/page/") }.count
        }
        #expect(count("talks/", depth: 5) == markdown.filter { $0.hasPrefix("talks/") }.count)
        #expect(count("salons/", depth: 3) == markdown.filter { $0.hasPrefix("salons/") }.count)
        #expect(count("brands/", depth: 3) == markdown.filter { $0.hasPrefix("brands/") }.count)

        let links = LinkChecker.check(site: site.output)
        #expect(links.broken.isEmpty, "\(links.broken.prefix(10))")
        #expect(links.external.isEmpty, "\(links.external.prefix(10))")

        let talkPages = pages.filter { $0.hasPrefix("talks/20") }
        let withRelated = talkPages.prefix(50).filter { site.page($0)?.contains("相关条目") == true }
        #expect(withRelated.count > 40)
        let backlinked = pages.filter { $0.hasSuffix("/index.html") && !$0.hasPrefix("bulletins") }
            .contains { site.page($0)?.contains("引用本文的条目") == true }
        #expect(backlinked)
        checkChineseText(site: site, pages: pages)
    }

    /// Issue 4: no emphasis left literal, no line break left between two Chinese characters.
    private func checkChineseText(site: TestSite, pages: [String]) {
        let entryPages = pages.filter { ($0.hasPrefix("talks/20") || $0.hasPrefix("salons/0") || $0.hasPrefix("brands/"))
            && $0.hasSuffix("/index.html") }
        var literalStars: [String] = []
        var brokenLines: [String] = []
        var paragraphs = 0
        for path in entryPages {
            guard let html = site.page(path) else { continue }
            for paragraph in html.matches(of: /<p>([^<]*(?:<(?!\/p>)[^<]*)*)<\/p>/).map({ String($0.output.1) }) {
                paragraphs += 1
                if paragraph.contains("**") { literalStars.append("\(path): \(paragraph.prefix(80))") }
                if paragraph.contains(/\p{Han}\n\p{Han}/) { brokenLines.append("\(path): \(paragraph.prefix(80))") }
            }
        }
        #expect(entryPages.count > 500 && paragraphs > 5 * entryPages.count)
        #expect(literalStars.isEmpty, "\(literalStars.count): \(literalStars.prefix(5))")
        #expect(brokenLines.isEmpty, "\(brokenLines.count): \(brokenLines.prefix(5))")
    }
}
