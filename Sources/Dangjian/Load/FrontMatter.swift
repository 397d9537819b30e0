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
    static func split(_ text: String, file: String) -> Result<SplitSource, LoadError> {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return .failure(.emptyFile(file: file))
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, isDelimiter(first) else {
            return .failure(.missingFrontMatter(file: file))
        }
        lines = lines.dropFirst()
        guard let closing = lines.firstIndex(where: isDelimiter) else {
            return .failure(.unclosedFrontMatter(file: file, openingLine: 1))
        }
        let yaml = lines[lines.startIndex..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(SplitSource(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2))
    }

    private static func isDelimiter(_ line: Substring) -> Bool {
        line.trimmingCharacters(in: .whitespaces) == "---"
    }
}

import Foundation
