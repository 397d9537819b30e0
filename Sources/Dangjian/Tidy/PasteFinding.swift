/// One trace of pasting found in a body, at its 1-based line and character column, with the fix
/// `dangjian tidy` makes when there is a safe one.
struct PasteFinding: Equatable, Sendable {
    enum Kind: String, CaseIterable, Sendable {
        case hanSpace = "paste-han-space"
        case halfwidthPunctuation = "paste-halfwidth-punctuation"
        case tocLine = "paste-toc-line"
        case bulletGlyph = "paste-bullet-glyph"
        case brokenParagraph = "paste-broken-paragraph"
    }

    enum Fix: Equatable, Sendable {
        /// Characters `start..<end` of the line (0-based, in Unicode scalars) replaced.
        case replace(start: Int, end: Int, with: String)
        case deleteLine
        /// The blank lines after this line removed, so the next paragraph continues this one.
        case joinNext
    }

    let kind: Kind
    let line: Int
    let column: Int
    /// The text as found (for messages).
    let found: String
    let fix: Fix?

    func withFix(_ fix: Fix?) -> PasteFinding {
        PasteFinding(kind: kind, line: line, column: column, found: found, fix: fix)
    }
}

/// A line of a body and what kind of Markdown line it is.
struct Line {
    enum Kind: Equatable {
        case blank, code, heading, table, listItem, quote, paragraph
    }

    let number: Int
    let text: Substring
    let kind: Kind
    /// Where the text proper starts (after indentation and a heading, list or quote marker), in scalars.
    let contentStart: Int
}

/// The lines of a body with their kinds; fenced code, HTML blocks and indented code (not prose) are `code`.
struct LineReader {
    private var lines: [Substring]
    private var index = 0
    private var fence: String?
    private var inHTML = false
    private var previousBlank = true

    init(_ body: String) {
        lines = TextLines.split(body)
    }

    mutating func next() -> Line? {
        guard index < lines.count else { return nil }
        var text = lines[index]
        if text.utf8.last == 0x0D { text = text.dropLast() }
        index += 1
        let line = classify(text, number: index)
        previousBlank = line.kind == .blank
        return line
    }

    private mutating func classify(_ text: Substring, number: Int) -> Line {
        func line(_ kind: Line.Kind, _ start: Int = 0) -> Line { Line(number: number, text: text, kind: kind, contentStart: start) }
        let indent = text.unicodeScalars.prefix { PasteArtefacts.isSpace($0) }.count
        let trimmed = text.unicodeScalars.dropFirst(indent)
        let head = trimmed.first == "`" || trimmed.first == "~" ? String(String.UnicodeScalarView(trimmed.prefix(3))) : ""
        if let open = fence {
            if head.hasPrefix(open) { fence = nil }
            return line(.code)
        }
        if trimmed.isEmpty {
            inHTML = false
            return line(.blank)
        }
        if head == "```" || head == "~~~" {
            fence = head
            return line(.code)
        }
        if inHTML || (previousBlank && trimmed.first == "<") {
            inHTML = true
            return line(.code)
        }
        let isWordIndent = text.unicodeScalars.prefix(indent).contains { $0 == "\t" || $0 == "\u{3000}" } || indent >= 4
        if isWordIndent, previousBlank, !PasteIndents.isProse(text) { return line(.code) }
        switch trimmed.first {
        case "#":
            let marks = trimmed.prefix { $0 == "#" }.count
            let spaces = trimmed.dropFirst(marks).prefix { $0 == " " || $0 == "\t" }.count
            if marks <= 6 && spaces > 0 { return line(.heading, indent + marks + spaces) }
        case "|": return line(.table, indent)
        case ">": return line(.quote, indent + 1 + (trimmed.dropFirst().first == " " ? 1 : 0))
        case "-", "*", "+":
            let spaces = trimmed.dropFirst().prefix { $0 == " " || $0 == "\t" }.count
            if spaces > 0 { return line(.listItem, indent + 1 + spaces) }
        case let first? where ("0"..."9").contains(first):
            let digits = trimmed.prefix { ("0"..."9").contains($0) }.count
            let rest = trimmed.dropFirst(digits)
            let spaces = rest.dropFirst().prefix { $0 == " " || $0 == "\t" }.count
            if digits <= 9, rest.first == "." || rest.first == ")", spaces > 0 { return line(.listItem, indent + digits + 1 + spaces) }
        default: break
        }
        return line(.paragraph, indent)
    }
}

/// The parts of a line that are not text: code spans, links' addresses, tags and autolinks, web addresses.
struct LineMask {
    /// In order and not overlapping, so `masked` is a binary search.
    private var ranges: [Range<Int>] = []

    /// One pass: a closing mark found missing once is missing for every later opening too, so a
    /// line of many unclosed `<` or `](` is not searched to its end again for each.
    init(_ scalars: [Unicode.Scalar]) {
        var missing = Set<Unicode.Scalar>()
        func closing(_ mark: Unicode.Scalar, from start: Int) -> Int? {
            guard !missing.contains(mark), start <= scalars.count else { return nil }
            guard let found = scalars[start...].firstIndex(of: mark) else { missing.insert(mark); return nil }
            return found + 1
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            var end: Int?
            switch scalar {
            case "`": end = closing("`", from: index + 1)
            case "(" where index > 0 && scalars[index - 1] == "]": end = closing(")", from: index)
            case "<": end = closing(">", from: index)
            case "h", "w":
                let rest = String(String.UnicodeScalarView(scalars[index..<min(scalars.count, index + 8)]))
                if rest.hasPrefix("http://") || rest.hasPrefix("https://") || rest.hasPrefix("www.") {
                    end = scalars[index...].firstIndex { $0 == " " || CJKCharacters.isWideUnspaced($0) } ?? scalars.count
                }
            default: break
            }
            if let end {
                ranges.append(index..<end)
                index = end
            } else {
                index += 1
            }
        }
    }

    func masked(_ index: Int) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].lowerBound <= index { low = middle + 1 } else { high = middle }
        }
        return low > 0 && ranges[low - 1].contains(index)
    }
}
