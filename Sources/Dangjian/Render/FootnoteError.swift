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

    /// Where `[^label` stands on `line` of the entry's body (the line's start when not found).
    static func locate(_ problem: FootnoteProblem, in entry: Entry) -> SourceLocation {
        let text = entry.body.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(problem.line - 1).first ?? ""
        let column = text.range(of: "[^" + problem.label).map { text.distance(from: text.startIndex, to: $0.lowerBound) + 1 } ?? 1
        return SourceLocation(file: entry.path, line: entry.bodyFirstLine - 1 + problem.line, column: column)
    }
}
