import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// Inputs the fuzzer (`scripts/fuzz`, docs/reliability.md) found to trap, hang or balloon, minimised,
/// each built as the file a writer could have saved: the build finishes and names the problem.
@Suite("Inputs the fuzzer found")
struct FuzzReproducerTests {
    /// A file found by the fuzzer, where it lies, and the diagnostic that must come of it.
    struct Reproducer: CustomTestStringConvertible, Sendable {
        let name: String
        let path: String
        let text: String
        let code: String
        let line: Int
        let column: Int
        var testDescription: String { name }
    }

    static let reproducers: [Reproducer] = [
        // A note's definition right under a paragraph, with nothing referring to it: its paragraph,
        // split off by the footnote pass, had no line, and locating the warning trapped (line 0).
        Reproducer(name: "an unused footnote right under a paragraph (fuzzer, minimised)",
                   path: "content/talks/2026/09/04-a.md",
                   text: "---\ntitle: 柑\ndate: 2026-9-4\nspeaker: 狱\nseries: 伦理典故\n---\n仩\n[^1]:",
                   code: "footnote-unused", line: 8, column: 1),
        Reproducer(name: "an unused footnote right under a paragraph, as a writer has it",
                   path: "content/talks/2024/03/06-a.md",
                   text: Fixtures.talk(body: "正文第一段。\n\n删去引用后，说明还留着。\n[^注]: 引自《党章》。\n"),
                   code: "footnote-unused", line: 10, column: 1),
    ]

    @Test("the build finishes and names the problem's file and line", arguments: reproducers)
    func reproducer(_ reproducer: Reproducer) throws {
        let site = try TestSite(Fixtures.siteYML + "\n-- \(reproducer.path) --\n" + reproducer.text)
        let report = site.build()
        let found = report.diagnostics.filter { $0.code == reproducer.code }
        #expect(found.count == 1, "\(report.diagnostics.map(DiagnosticFormatter.compilerStyle))")
        let diagnostic = try #require(found.first)
        #expect(diagnostic.file == reproducer.path)
        #expect(diagnostic.line == reproducer.line && diagnostic.column == reproducer.column,
                "\(DiagnosticFormatter.compilerStyle(diagnostic))")
    }
}
