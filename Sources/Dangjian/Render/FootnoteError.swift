/// Footnotes that do not match up (`[^2]` with no `[^2]: …`, or a note nothing refers to).
public enum FootnoteError: DiagnosticConvertible, Equatable {
    case undefined(location: SourceLocation, label: String)
    case unused(location: SourceLocation, label: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .undefined(location, label):
            return Diagnostic(.warning, code: "footnote-undefined", at: location,
                              message: "脚注“[^\(label)]”没有对应的说明，原样显示：请在文末加一行“[^\(label)]: 说明文字”，或删去它")
        case let .unused(location, label):
            return Diagnostic(.warning, code: "footnote-unused", at: location,
                              message: "脚注说明“[^\(label)]”在正文中没有被引用，仍列在文末：请在正文相应位置加上“[^\(label)]”，或删去这条说明")
        }
    }

    /// Where `[^label` stands on each problem's line of the entry's body (the line's start when not
    /// found). The body is split into lines once, however many problems it has.
    static func locate(_ problems: [FootnoteProblem], in entry: Entry) -> [SourceLocation] {
        guard !problems.isEmpty else { return [] }
        let lines = entry.body.split(separator: "\n", omittingEmptySubsequences: false)
        return problems.map { problem in
            let line = min(max(problem.line, 1), lines.count)
            let text = lines[line - 1]
            let column = text.range(of: "[^" + problem.label).map { text.distance(from: text.startIndex, to: $0.lowerBound) + 1 } ?? 1
            return SourceLocation(file: entry.path, line: entry.bodyFirstLine - 1 + line, column: column)
        }
    }
}
