/// Footnotes as pandoc and GitHub write them, on top of libcmark (which has none): `[^1]` in the
/// text, `[^1]: 这是脚注。` on a line of its own. Before parsing, `[^` becomes U+0091 and the
/// closing `]` U+001F (the same number of bytes, so lines and columns stay, and characters cmark
/// treats as plain text); `Markdown` finds them in the tree, moves each note's paragraph into a
/// numbered list at the end of the body and links the references to it. Code is left alone.
/// A note of several paragraphs keeps its first; the rest stay where they are.
struct Footnotes {
    static let open: Unicode.Scalar = "\u{0091}"
    static let close: Unicode.Scalar = "\u{001F}"

    let text: String

    /// Nil when the text has no `[^label]` outside code.
    static func prepare(_ text: String) -> Footnotes? {
        guard TextLines.contains(text, "[^") else { return nil }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var inFence = false
        var changed = false
        for (index, line) in TextLines.split(text).enumerated() {
            if index > 0 { output += "\n" }
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            guard !inFence, TextLines.contains(line, "[^") else { output += line; continue }
            let marked = markLine(line)
            changed = changed || marked != line
            output += marked
        }
        return changed ? Footnotes(text: output) : nil
    }

    /// `[^label]` outside code spans, with a label of letters, digits, `-` and `_`.
    private static func markLine(_ line: Substring) -> String {
        var output = ""
        var inCode = false
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character == "`" { inCode.toggle() }
            if !inCode, character == "[", line[index...].hasPrefix("[^") {
                let labelStart = line.index(index, offsetBy: 2)
                let label = line[labelStart...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                let end = label.endIndex
                if !label.isEmpty, end < line.endIndex, line[end] == "]" {
                    output.unicodeScalars.append(open)
                    output += label
                    output.unicodeScalars.append(close)
                    index = line.index(after: end)
                    continue
                }
            }
            output.append(character)
            index = line.index(after: index)
        }
        return output
    }

    /// A piece of a text node: plain text, or a reference to the note `label`.
    enum Piece: Equatable {
        case text(String)
        case reference(String)
    }

    /// Splits a text node's literal at its references.
    static func pieces(_ literal: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(literal)
        while let start = rest.unicodeScalars.firstIndex(of: open),
              let end = rest.unicodeScalars[start...].firstIndex(of: close) {
            if start > rest.startIndex { pieces.append(.text(String(rest[..<start]))) }
            pieces.append(.reference(String(rest.unicodeScalars[rest.unicodeScalars.index(after: start)..<end])))
            rest = rest[rest.unicodeScalars.index(after: end)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces
    }

    /// The label of a note's definition starting `literal` (`\u{91}1\u{1F}: 这是脚注。`) and the text after it.
    static func definition(_ literal: String) -> (label: String, rest: String)? {
        guard literal.unicodeScalars.first == open, let end = literal.unicodeScalars.firstIndex(of: close) else { return nil }
        let label = String(literal.unicodeScalars[literal.unicodeScalars.index(after: literal.unicodeScalars.startIndex)..<end])
        let after = literal.unicodeScalars[literal.unicodeScalars.index(after: end)...]
        guard after.first == ":" else { return nil }
        return (label, String(String(after.dropFirst()).drop { $0 == " " || $0 == "\t" }))
    }

    /// Text put back for a reference to a note that does not exist.
    static func literal(_ label: String) -> String { "[^\(label)]" }

    static func referenceHTML(_ label: String, number: Int) -> String {
        let id = Slug.make(from: label)
        return "<sup class=\"footnote-ref\"><a href=\"#fn-\(id)\" id=\"fnref-\(id)\">\(number)</a></sup>"
    }

    static func noteOpening(_ label: String) -> String { "<li id=\"fn-\(Slug.make(from: label))\">\n" }
    static func backReference(_ label: String) -> String {
        " <a href=\"#fnref-\(Slug.make(from: label))\" class=\"footnote-back\" aria-label=\"返回正文\">↩</a>"
    }
    static let sectionOpening = "<section class=\"footnotes\">\n<ol>\n"
    static let sectionClosing = "</ol>\n</section>\n"
}

/// A footnote problem found while rendering, at its 1-based line of the body.
struct FootnoteProblem: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// `[^2]` with no `[^2]: …`
        case undefined
        /// `[^3]: …` that no text refers to
        case unused
    }

    let kind: Kind
    let label: String
    let line: Int
}
