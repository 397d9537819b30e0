import Foundation

/// A Markdown file split into its front matter and its body, with the lines they start on.
struct SplitSource: Sendable {
    /// The YAML text between the two `---` lines.
    let yaml: String
    /// The file line the YAML text starts on (2 when the file begins with `---`).
    let yamlFirstLine: Int
    let body: String
    /// The file line the body starts on.
    let bodyFirstLine: Int
}

enum FrontMatterSplitter {
    /// Finds the two `---` lines by walking lines one at a time: only the front matter is looked at,
    /// the body is handed on untouched.
    static func split(_ text: String, file: String) -> Result<SplitSource, LoadError> {
        if text.allSatisfy(\.isWhitespace) { return .failure(.emptyFile(file: file)) }
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let isDelimiter = text[lineStart..<lineEnd].trimmingCharacters(in: .whitespaces) == "---"
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            if lineNumber == 1 {
                guard isDelimiter else { return .failure(.missingFrontMatter(file: file)) }
                yamlStart = next
            } else if isDelimiter, let yamlStart {
                let yaml = yamlStart < lineStart ? String(text[yamlStart..<utf8.index(before: lineStart)]) : ""
                return .success(SplitSource(yaml: yaml, yamlFirstLine: 2, body: String(text[next...]),
                                            bodyFirstLine: lineNumber + 1))
            }
            lineStart = next
            lineNumber += 1
        }
        return .failure(.unclosedFrontMatter(file: file, openingLine: 1))
    }
}
