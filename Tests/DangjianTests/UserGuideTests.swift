import Dangjian
import DangjianTestSupport
import Foundation
import Testing

@Suite("The user guide")
struct UserGuideTests {
    @Test("explains every problem the tool can report")
    func everyDiagnosticExplained() throws {
        let guide = try String(contentsOf: Repository.root.appendingPathComponent("docs/使用说明.md"), encoding: .utf8)
        let sources = Repository.root.appendingPathComponent("Sources/Dangjian")
        var codes = Set<String>()
        for file in TestSite.files(under: sources) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: /code: "([a-z0-9-]+)"/) { codes.insert(String(match.output.1)) }
        }
        #expect(codes.count > 30)
        let missing = codes.filter { !guide.contains("`\($0)`") }.sorted()
        #expect(missing.isEmpty, "not in docs/使用说明.md: \(missing)")
    }

    @Test("explains the problems each field can have: a value not in the list, a bad number, a repeated number")
    func everyFieldProblemExplained() throws {
        let guide = try String(contentsOf: Repository.root.appendingPathComponent("docs/使用说明.md"), encoding: .utf8)
        // Codes made from a field's name (`unknown-level`, `invalid-attendance`, `duplicate-issue`), which the
        // search of the sources above cannot see; branches named in ratings and the roster are `unknown-branch`.
        var codes: Set<String> = [ModelError.code("unknown", "branch")]
        for field in KindCatalog.standard.kinds.flatMap(\.fields) {
            switch field.type {
            case .choice, .branch, .reference: codes.insert(ModelError.code("unknown", field.name))
            case .positiveInteger: codes.insert(ModelError.code("invalid", field.name))
            default: break
            }
            if field.roles.contains(.number) { codes.insert(ModelError.code("duplicate", field.name)) }
        }
        #expect(codes.isSuperset(of: ["unknown-level", "unknown-red-flag", "invalid-attendance", "invalid-duration", "duplicate-issue"]))
        let missing = codes.filter { !guide.contains("`\($0)`") }.sorted()
        #expect(missing.isEmpty, "not in docs/使用说明.md: \(missing)")
    }

    @Test("has a table row with an example for every field of every kind")
    func everyFieldListed() throws {
        let guide = try String(contentsOf: Repository.root.appendingPathComponent("docs/使用说明.md"), encoding: .utf8)
        let fields = guide.components(separatedBy: "## 十、字段一览").last ?? ""
        for name in KindCatalog.commonFields.map(\.name) + KindCatalog.standard.kinds.flatMap({ $0.fields.map(\.name) })
            where name != "weight" {
            #expect(fields.contains("| `\(name)` |"), "the guide's field tables lack \(name)")
        }
    }
}
