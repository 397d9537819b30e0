/// Lines of Chinese prose indented as Word indents paragraphs (a tab, full-width spaces, or four
/// spaces and more: 首行缩进), read as the writer meant them: each such line starts a paragraph,
/// and an "indented code block" made only of them is prose, not code. Fenced code stays code.
///
/// `Markdown` asks `scan` first (nothing is done for text without such lines), parses, and when
/// cmark made indented code blocks of prose, parses again with those lines' indentation taken off
/// (`deindent`); line numbers stay, and `removed` shifts columns back.
struct PasteIndents {
    /// 1-based lines indented with a tab, full-width spaces or 4+ spaces whose text is Chinese prose.
    let proseLines: Set<Int>

    /// Nil when no line is indented that way (most bodies): then nothing else is done.
    static func scan(_ text: String) -> PasteIndents? {
        guard text.utf8.contains(9) || TextLines.contains(text, "\u{3000}") || TextLines.contains(text, "    ") else { return nil }
        var lines = Set<Int>()
        var number = 0
        for line in TextLines.split(text) {
            number += 1
            guard let first = line.unicodeScalars.first, first == "\t" || first == " " || first == "\u{3000}" else { continue }
            let indent = line.unicodeScalars.prefix { $0 == "\t" || $0 == " " || $0 == "\u{3000}" }
            guard indent.contains("\t") || indent.contains("\u{3000}") || indent.count >= 4 else { continue }
            if isProse(line) { lines.insert(number) }
        }
        return lines.isEmpty ? nil : PasteIndents(proseLines: lines)
    }

    /// Chinese prose: the first visible character is Chinese (a Han character, fullwidth punctuation),
    /// or most of the line is. Code starts with Latin letters or symbols.
    static func isProse(_ line: Substring) -> Bool {
        let visible = line.unicodeScalars.drop { $0 == "\t" || $0 == " " || $0 == "\u{3000}" }
        guard let first = visible.first else { return false }
        if CJKCharacters.isWideUnspaced(first) { return true }
        var wide = 0, total = 0
        for scalar in visible where scalar != " " {
            total += 1
            if CJKCharacters.isWideUnspaced(scalar) { wide += 1 }
        }
        return total > 0 && wide * 2 >= total
    }

    /// The text with the leading whitespace of `lines` (1-based) removed; bytes removed per line.
    static func deindent(_ text: String, lines: Set<Int>) -> (text: String, removed: [Int: Int]) {
        var removed: [Int: Int] = [:]
        var output: [Substring] = []
        var number = 0
        for line in TextLines.split(text) {
            number += 1
            guard lines.contains(number) else { output.append(line); continue }
            let rest = line.drop { $0 == "\t" || $0 == " " || $0 == "\u{3000}" }
            removed[number] = line.utf8.count - rest.utf8.count
            output.append(rest)
        }
        return (output.joined(separator: "\n"), removed)
    }

    /// A code block's text (cmark's literal) that is prose throughout.
    static func isProseBlock(_ literal: String) -> Bool {
        let lines = literal.split(separator: "\n").filter { !$0.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{3000}" } }
        return !lines.isEmpty && lines.allSatisfy(isProse)
    }
}
