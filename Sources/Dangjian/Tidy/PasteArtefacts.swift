/// Traces text pasted from Word and PDF leaves in a body: spaces between Han characters
/// (“定期召 开”), half-width punctuation inside Chinese sentences (“党(工)委”), table-of-contents
/// lines ending in page numbers, bullet glyphs typed as text (■ ● ◆), and a paragraph broken in
/// the middle of a sentence. Each finding has its place and, where the fix is safe, the fix
/// `dangjian tidy` makes. Code, links' addresses, headings (for spaces) and tables are left alone.
enum PasteArtefacts {
    static func scan(_ body: String) -> [PasteFinding] {
        var findings: [PasteFinding] = []
        var lines = LineReader(body)
        /// The paragraph so far: its last line, length, whether it has clauses, and whether it is a
        /// point's title (starts 一、 or 4、 and has no full stop), which may end without punctuation.
        var paragraph: (last: Int, text: Substring, length: Int, hasComma: Bool, title: Bool)?
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
            // Most lines need none of the checks that look at every character: byte scans decide first.
            let endsInDigit = line.text.utf8.last(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }).map { (0x30...0x39).contains($0) } ?? false
            if endsInDigit, let entry = tocEntry(Array(line.text.unicodeScalars), line: line) {
                toc.append(entry)
                paragraph = nil
                blankSince = nil
                continue
            }
            if !toc.isEmpty && !isTOCHeading(Array(line.text.unicodeScalars)) { endTOCBlock() }
            if line.kind == .paragraph, let previous = paragraph, blankSince != nil, !previous.title,
               let broken = brokenParagraph(previous.text, length: previous.length, hasComma: previous.hasComma,
                                            next: line.text, lastLine: previous.last) {
                findings.append(broken)
            }
            let spaced = line.kind != .heading && line.kind != .table && Self.hasInnerSpace(line.text)
            let ascii = Self.hasHalfwidthPunctuation(line.text)
            if spaced || ascii {
                let scalars = Array(line.text.unicodeScalars)
                let mask = LineMask(scalars)
                if spaced { findings += hanSpaces(scalars, mask: mask, line: line.number) }
                if ascii { findings += halfwidth(scalars, mask: mask, line: line.number) }
            }
            if let first = line.text.unicodeScalars.dropFirst(line.contentStart).first, bulletGlyphs.contains(first),
               let bullet = bulletGlyph(Array(line.text.unicodeScalars), line: line) {
                findings.append(bullet)
            }
            if line.kind == .paragraph {
                let continuing = blankSince == nil ? paragraph : nil
                let hasComma = (continuing?.hasComma ?? false) || line.text.unicodeScalars.contains(where: Self.isClauseMark)
                let opensPoint = continuing.map(\.title) ?? isNewPoint(Array(line.text.unicodeScalars.drop(while: isSpace).prefix(12)))
                let title = opensPoint && !line.text.unicodeScalars.contains("。")
                paragraph = (line.number, line.text, (continuing?.length ?? 0) + line.text.utf8.count, hasComma, title)
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
            switch scalar.value {
            case 0x201C, 0x300A, 0x300C, 0x300E: quoted += 1 // “《「『
            case 0x201D, 0x300B, 0x300D, 0x300F: quoted = max(0, quoted - 1) // ”》」』
            default: break
            }
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
        let quoteCount = scalars.indices.filter { scalars[$0] == "\"" && !mask.masked($0) }.count
        var quoteNumber = -1
        let brackets = chineseBracketPairs(scalars, mask: mask)
        for (index, scalar) in scalars.enumerated() where scalar.isASCII && fullWidth[scalar] != nil || scalar == "\"" {
            guard !mask.masked(index) else { continue }
            if scalar == "\"" { quoteNumber += 1 }
            let before = index > 0 ? scalars[index - 1] : nil
            let after = index + 1 < scalars.count ? scalars[index + 1] : nil
            let hanBefore = before.map(isChinese) ?? false, hanAfter = after.map(isChinese) ?? false
            var replacement: String?
            switch scalar {
            case ",", ";", "?", "!": if hanBefore && (hanAfter || after == nil) { replacement = fullWidth[scalar] }
            case ":": if hanBefore && hanAfter { replacement = "：" }
            case "(", ")":
                // A pair is changed together, never one bracket of it; one without its partner as before.
                if let chinese = brackets[index] {
                    if chinese { replacement = fullWidth[scalar] }
                } else if scalar == "(" ? hanAfter && (hanBefore || before == nil) : hanBefore && (hanAfter || after == nil) {
                    replacement = fullWidth[scalar]
                }
            case "\"":
                guard hanBefore || hanAfter else { continue }
                replacement = quoteCount % 2 == 0 ? (quoteNumber % 2 == 0 ? "“" : "”") : nil
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

    /// For each half-width bracket that has its partner on the line: whether the pair is Chinese, to
    /// be made full-width. It is when Chinese text is just inside it and Chinese text, a Chinese quote
    /// or the line's edge just outside it: 党(工)委, “三会一课”(制度), "三会一课"(制度); not 复(fù)兴.
    private static func chineseBracketPairs(_ scalars: [Unicode.Scalar], mask: LineMask) -> [Int: Bool] {
        var pairs: [Int: Bool] = [:]
        var open: [Int] = []
        for (index, scalar) in scalars.enumerated() where (scalar == "(" || scalar == ")") && !mask.masked(index) {
            if scalar == "(" { open.append(index); continue }
            guard let start = open.popLast() else { continue }
            let inside = start + 1 < index && (isChinese(scalars[start + 1]) || isChinese(scalars[index - 1]))
            let outside = start == 0 || index + 1 == scalars.count
                || isChineseContext(scalars, start - 1, away: -1) || isChineseContext(scalars, index + 1, away: 1)
            pairs[start] = inside && outside
            pairs[index] = inside && outside
        }
        return pairs
    }

    /// Chinese text or punctuation at `index`, or a half-width quote that has Chinese text on its far side (`away`).
    private static func isChineseContext(_ scalars: [Unicode.Scalar], _ index: Int, away: Int) -> Bool {
        let scalar = scalars[index]
        if isChinese(scalar) || CJKCharacters.isAmbiguousChinesePunctuation(scalar) { return true }
        let far = index + away
        return scalar == "\"" && scalars.indices.contains(far) && isChinese(scalars[far])
    }

    // MARK: tables of contents

    /// `一、调研的目的意义 ........ 2`: Chinese text, then dot leaders, a tab or spaces, then a page number.
    private static func tocEntry(_ scalars: [Unicode.Scalar], line: Line) -> PasteFinding? {
        guard line.kind != .table, scalars.count >= 3, let lastVisible = scalars.last(where: { !isSpace($0) }),
              ("0"..."9").contains(lastVisible) else { return nil }
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
        scalars.count <= 12 && String(String.UnicodeScalarView(scalars.filter { !isSpace($0) && $0 != "#" && $0 != "*" })) == "目录"
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
    private static func brokenParagraph(_ lastText: Substring, length: Int, hasComma: Bool, next: Substring,
                                        lastLine: Int) -> PasteFinding? {
        guard length >= 60, hasComma, let lastScalar = lastText.unicodeScalars.last(where: { !isSpace($0) }),
              CJKCharacters.isHan(lastScalar) || ("0"..."9").contains(lastScalar) else { return nil }
        let start = Array(next.unicodeScalars.drop(while: isSpace).prefix(12))
        guard let first = start.first, CJKCharacters.isHan(first) || "（“《".unicodeScalars.contains(first),
              !isNewPoint(start) else { return nil }
        let last = Array(lastText.unicodeScalars)
        guard let end = last.lastIndex(where: { !isSpace($0) }) else { return nil }
        let tail = String(String.UnicodeScalarView(last[max(0, end - 5)...end]))
        return PasteFinding(kind: .brokenParagraph, line: lastLine, column: end + 1,
                            found: tail + "⏎" + String(String.UnicodeScalarView(start.prefix(6))), fix: .joinNext)
    }

    /// 一、 （二） (3) 第四 5. 6、: the start of a new point, not the rest of a sentence.
    static func isNewPoint(_ start: [Unicode.Scalar]) -> Bool {
        func isNumeral(_ scalar: Unicode.Scalar) -> Bool { "一二三四五六七八九十".unicodeScalars.contains(scalar) || ("0"..."9").contains(scalar) }
        guard let first = start.first else { return false }
        if first == "第" { return start.count > 1 && isNumeral(start[1]) }
        if first == "（" || first == "(" {
            let digits = start.dropFirst().prefix(while: isNumeral)
            return !digits.isEmpty && start.count > digits.count + 1 && "）)".unicodeScalars.contains(start[digits.count + 1])
        }
        let digits = start.prefix(while: isNumeral)
        return !digits.isEmpty && start.count > digits.count && "、．.".unicodeScalars.contains(start[digits.count])
    }

    /// ，、。；
    private static func isClauseMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFF0C, 0x3001, 0x3002, 0xFF1B: return true
        default: return false
        }
    }

    /// A space, tab or full-width space after the line's first visible character (a byte scan).
    private static func hasInnerSpace(_ line: Substring) -> Bool {
        withBytes(line) { bytes in
            var seenText = false
            var previous: (UInt8, UInt8) = (0, 0)
            for byte in bytes {
                if byte == 0x20 || byte == 0x09 || (byte == 0x80 && previous == (0xE3, 0x80)) {
                    if seenText { return true }
                } else if byte != 0xE3 && byte != 0x80 {
                    seenText = true
                }
                previous = (previous.1, byte)
            }
            return false
        }
    }

    /// Any of , ; : ? ! ( ) " in the line (a byte scan).
    private static func hasHalfwidthPunctuation(_ line: Substring) -> Bool {
        withBytes(line) { bytes in
            bytes.contains { byte in
                byte == 0x2C || byte == 0x3B || byte == 0x3A || byte == 0x3F || byte == 0x21 || byte == 0x28 || byte == 0x29 || byte == 0x22
            }
        }
    }

    /// `work` on the line's UTF-8 bytes in place (a copy only for a string not stored as UTF-8):
    /// walking a buffer costs a few instructions a byte, walking `Substring.UTF8View` dozens.
    private static func withBytes(_ line: Substring, _ work: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        line.utf8.withContiguousStorageIfAvailable(work) ?? Array(line.utf8).withUnsafeBufferPointer(work)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\u{3000}" }

    private static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        CJKCharacters.isHan(scalar) || (CJKCharacters.isWideUnspaced(scalar) && CJKCharacters.isCmarkPunctuation(scalar))
    }
}
