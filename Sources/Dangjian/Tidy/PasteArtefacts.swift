/// Traces text pasted from Word and PDF leaves in a body: spaces between Han characters
/// (“定期召 开”), half-width punctuation inside Chinese sentences (“党(工)委”), table-of-contents
/// lines ending in page numbers, bullet glyphs typed as text (■ ● ◆), and a paragraph broken in
/// the middle of a sentence. Each finding has its place and, where the fix is safe, the fix
/// `dangjian tidy` makes. Code, links' addresses, headings (for spaces) and tables are left alone.
enum PasteArtefacts {
    static func scan(_ body: String) -> [PasteFinding] {
        var findings: [PasteFinding] = []
        var lines = LineReader(body)
        var paragraph: (last: Int, text: [Unicode.Scalar], length: Int, hasComma: Bool)?
        var blankSince: Int?
        var toc: [PasteFinding] = []
        func endTOCBlock() {
            findings += toc.count >= 2 ? toc.map { $0.withFix(.deleteLine) } : toc
            toc = []
        }
        while let line = lines.next() {
            switch line.kind {
            case .code: paragraph = nil; blankSince = nil; continue
            case .blank:
                if blankSince == nil { blankSince = line.number }
                continue
            default: break
            }
            let scalars = Array(line.text.unicodeScalars)
            let mask = LineMask(scalars)
            if let entry = tocEntry(scalars, line: line) {
                toc.append(entry)
                paragraph = nil
                blankSince = nil
                continue
            }
            if !isTOCHeading(scalars) { endTOCBlock() }
            if line.kind == .paragraph, let previous = paragraph, blankSince != nil,
               let broken = brokenParagraph(previous.text, length: previous.length, hasComma: previous.hasComma,
                                            next: scalars, lastLine: previous.last) {
                findings.append(broken)
            }
            if line.kind != .heading && line.kind != .table { findings += hanSpaces(scalars, mask: mask, line: line.number) }
            findings += halfwidth(scalars, mask: mask, line: line.number)
            if let bullet = bulletGlyph(scalars, line: line) { findings.append(bullet) }
            if line.kind == .paragraph {
                let continuing = blankSince == nil ? paragraph : nil
                let hasComma = (continuing?.hasComma ?? false) || scalars.contains { "，、。；".unicodeScalars.contains($0) }
                paragraph = (line.number, scalars, (continuing?.length ?? 0) + scalars.count, hasComma)
            } else {
                paragraph = nil
            }
            blankSince = nil
        }
        endTOCBlock()
        return findings.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    // MARK: spaces between Han characters

    /// Spaces between two Han characters, outside quotes and book-title marks (where a space may separate words on purpose).
    private static func hanSpaces(_ scalars: [Unicode.Scalar], mask: LineMask, line: Int) -> [PasteFinding] {
        var findings: [PasteFinding] = []
        var quoted = 0
        var index = scalars.firstIndex { !isSpace($0) } ?? scalars.count
        while index < scalars.count {
            let scalar = scalars[index]
            if "“《「『".unicodeScalars.contains(scalar) { quoted += 1 }
            if "”》」』".unicodeScalars.contains(scalar) { quoted = max(0, quoted - 1) }
            guard isSpace(scalar), index > 0, CJKCharacters.isHan(scalars[index - 1]), !mask.masked(index) else { index += 1; continue }
            var end = index
            while end < scalars.count, isSpace(scalars[end]) { end += 1 }
            if quoted == 0, end < scalars.count, CJKCharacters.isHan(scalars[end]) {
                let found = String(String.UnicodeScalarView(scalars[(index - 1)...end]))
                findings.append(PasteFinding(kind: .hanSpace, line: line, column: index + 1, found: found,
                                             fix: .replace(start: index, end: end, with: "")))
            }
            index = end
        }
        return findings
    }

    // MARK: half-width punctuation

    static let fullWidth: [Unicode.Scalar: String] = [",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"]

    private static func halfwidth(_ scalars: [Unicode.Scalar], mask: LineMask, line: Int) -> [PasteFinding] {
        var findings: [PasteFinding] = []
        let quotes = scalars.indices.filter { scalars[$0] == "\"" && !mask.masked($0) }
        for (index, scalar) in scalars.enumerated() where !mask.masked(index) {
            let before = index > 0 ? scalars[index - 1] : nil
            let after = index + 1 < scalars.count ? scalars[index + 1] : nil
            let hanBefore = before.map(isChinese) ?? false, hanAfter = after.map(isChinese) ?? false
            var replacement: String?
            switch scalar {
            case ",", ";", "?", "!": if hanBefore && (hanAfter || after == nil) { replacement = fullWidth[scalar] }
            case ":": if hanBefore && hanAfter { replacement = "：" }
            case "(": if hanAfter && (hanBefore || before == nil) { replacement = "（" }
            case ")": if hanBefore && (hanAfter || after == nil) { replacement = "）" }
            case "\"":
                guard hanBefore || hanAfter, let position = quotes.firstIndex(of: index) else { continue }
                replacement = quotes.count % 2 == 0 ? (position % 2 == 0 ? "“" : "”") : nil
                if replacement == nil {
                    findings.append(PasteFinding(kind: .halfwidthPunctuation, line: line, column: index + 1, found: "\"", fix: nil))
                    continue
                }
            default: continue
            }
            guard let replacement else { continue }
            findings.append(PasteFinding(kind: .halfwidthPunctuation, line: line, column: index + 1, found: String(scalar),
                                         fix: .replace(start: index, end: index + 1, with: replacement)))
        }
        return findings
    }

    // MARK: tables of contents

    /// `一、调研的目的意义 ........ 2`: Chinese text, then dot leaders, a tab or spaces, then a page number.
    private static func tocEntry(_ scalars: [Unicode.Scalar], line: Line) -> PasteFinding? {
        guard line.kind != .table, scalars.count >= 3 else { return nil }
        var end = scalars.count
        while end > 0, isSpace(scalars[end - 1]) { end -= 1 }
        var digits = end
        while digits > 0, ("0"..."9").contains(scalars[digits - 1]) { digits -= 1 }
        guard end - digits >= 1, end - digits <= 3, digits > 0 else { return nil }
        var text = digits
        var leaders = 0, tabs = 0, spaces = 0
        while text > 0, ".…·_-．".unicodeScalars.contains(scalars[text - 1]) || isSpace(scalars[text - 1]) {
            let scalar = scalars[text - 1]
            if scalar == "\t" { tabs += 1 } else if isSpace(scalar) { spaces += 1 } else { leaders += 1 }
            text -= 1
        }
        guard text > 0, leaders >= 2 || tabs > 0 || spaces > 0 else { return nil }
        let title = scalars[..<text]
        guard title.filter(CJKCharacters.isHan).count >= 2, !"。！？；：，、".unicodeScalars.contains(scalars[text - 1]),
              !title.contains("。") else { return nil }
        // After spaces alone, only a short title without a clause in it (一、调研的目的意义 2), not 正文：共有党员 35.
        if leaders < 2 && tabs == 0 {
            guard title.count <= 40, !title.contains(where: { "，：；:,".unicodeScalars.contains($0) }),
                  !title.dropFirst(4).contains("、") else { return nil }
        }
        return PasteFinding(kind: .tocLine, line: line.number, column: text + 1,
                            found: String(String.UnicodeScalarView(scalars[text..<end])), fix: nil)
    }

    /// `目录`, `目 录`, `### 目录`: the heading of a table of contents, which goes with it.
    private static func isTOCHeading(_ scalars: [Unicode.Scalar]) -> Bool {
        String(String.UnicodeScalarView(scalars.filter { !isSpace($0) && $0 != "#" && $0 != "*" })) == "目录"
    }

    // MARK: bullet glyphs

    static let bulletGlyphs = Set("■●◆◇○•▪➢❖►▶".unicodeScalars)

    private static func bulletGlyph(_ scalars: [Unicode.Scalar], line: Line) -> PasteFinding? {
        var index = line.contentStart
        guard index < scalars.count, bulletGlyphs.contains(scalars[index]) else { return nil }
        var end = index + 1
        while end < scalars.count, isSpace(scalars[end]) { end += 1 }
        if line.kind == .listItem { return PasteFinding(kind: .bulletGlyph, line: line.number, column: index + 1,
                                                        found: String(scalars[index]), fix: .replace(start: index, end: end, with: "")) }
        while index > 0, isSpace(scalars[index - 1]) { index -= 1 }
        return PasteFinding(kind: .bulletGlyph, line: line.number, column: line.contentStart + 1, found: String(scalars[line.contentStart]),
                            fix: .replace(start: index, end: end, with: "- "))
    }

    // MARK: paragraphs broken mid-sentence

    /// A paragraph of some length with commas in it, ending on a Han character or a digit after a
    /// blank line, followed by one starting with Chinese text that is not a new point (一、（二）第三 4.).
    private static func brokenParagraph(_ last: [Unicode.Scalar], length: Int, hasComma: Bool, next: [Unicode.Scalar],
                                        lastLine: Int) -> PasteFinding? {
        guard length >= 20, hasComma, let end = last.lastIndex(where: { !isSpace($0) }),
              CJKCharacters.isHan(last[end]) || ("0"..."9").contains(last[end]) else { return nil }
        let start = next.drop(while: isSpace)
        guard let first = start.first, CJKCharacters.isHan(first) || "（“《".unicodeScalars.contains(first) else { return nil }
        let opening = String(String.UnicodeScalarView(start.prefix(12)))
        let enumerator = #/(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十\d]+|\d+[.、．])/#
        guard opening.prefixMatch(of: enumerator) == nil else { return nil }
        let tail = String(String.UnicodeScalarView(last[max(0, end - 5)...end]))
        return PasteFinding(kind: .brokenParagraph, line: lastLine, column: end + 1,
                            found: tail + "⏎" + String(opening.prefix(6)), fix: .joinNext)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\u{3000}" }

    private static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        CJKCharacters.isHan(scalar) || (CJKCharacters.isWideUnspaced(scalar) && CJKCharacters.isCmarkPunctuation(scalar))
    }
}
