/// CJK-friendly emphasis (the markdown-cjk-friendly specification) on top of an unchanged libcmark.
///
/// CommonMark decides whether a `*` run can open or close emphasis from the characters on either
/// side; punctuation next to a letter blocks it, which is right for English and wrong for Chinese
/// (`**（二）重视后期反馈工作。**一是` stays literal). The specification counts CJK characters as
/// letting a run flank. Before libcmark parses, a WORD JOINER (U+2060, neither whitespace nor
/// punctuation to cmark) is put beside each run whose flanking cmark would judge differently:
///
/// - cmark only ever sees *less* flanking than the specification, never more;
/// - when the specification wants a left-flanking run that cmark refuses, the character before the
///   run is a letter or CJK character and the one after is punctuation: a joiner *after* the run
///   makes it both-flanking, which is what the specification says too;
/// - when it wants a right-flanking run that cmark refuses, the character before is punctuation and
///   the one after a letter or CJK character: a joiner *before* the run does it.
///
/// `choice(before:after:underscore:)` does not rely on that reasoning: it tries no joiner, before,
/// after and both, and takes the first under which cmark's "can open / can close" equals the
/// specification's (for `*` that is the flanking itself; `_` also needs punctuation to open or close
/// inside a word, and a few `_` cases after a variation selector have no solution and stay literal).
/// The joiners are removed from the parsed tree again (`Markdown`), and `Prepared.originalColumn`
/// maps columns back.
enum CJKEmphasis {
    static let joiner: [UInt8] = [0xE2, 0x81, 0xA0]

    struct Prepared {
        let text: String
        /// Where joiners went: 1-based line and byte column in the prepared text, in order.
        let insertions: [(line: Int, column: Int)]

        /// A byte column of the prepared text as a byte column of the original. The insertions are
        /// in text order, so the ones before the column on its line are counted by two binary
        /// searches: a body with many links and bold runs costs log n per link, not n.
        func originalColumn(line: Int, column: Int) -> Int {
            let before = insertionsBefore(line: line, column: column) - insertionsBefore(line: line, column: 0)
            return column - before * CJKEmphasis.joiner.count
        }

        /// How many insertions come before (line, column) in text order.
        private func insertionsBefore(line: Int, column: Int) -> Int {
            var low = 0, high = insertions.count
            while low < high {
                let middle = (low + high) / 2
                let insertion = insertions[middle]
                if (insertion.line, insertion.column) < (line, column) { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    /// One linear pass over the bytes; text without `*` or `_` is returned as it is.
    static func prepare(_ text: String) -> Prepared {
        let star = UInt8(ascii: "*"), underscore = UInt8(ascii: "_")
        guard text.utf8.contains(where: { $0 == star || $0 == underscore }) else { return Prepared(text: text, insertions: []) }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var insertions: [(line: Int, column: Int)] = []
        var copied = 0, line = 1, lineStart = 0, index = 0
        func insertJoiner() {
            insertions.append((line, output.count - lineStart + 1))
            output.append(contentsOf: joiner)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, isEscapable(bytes[index + 1]) {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1 + insertions.count * joiner.count
            }
            guard byte == star || byte == underscore else { index += 1; continue }
            var end = index
            while end < bytes.count, bytes[end] == byte { end += 1 }
            let choice = self.choice(before: Neighbour(before: index, in: bytes), after: Neighbour(after: end, in: bytes),
                                     underscore: byte == underscore)
            if choice != .none {
                output.append(contentsOf: bytes[copied..<index])
                if choice == .before || choice == .both { insertJoiner() }
                output.append(contentsOf: bytes[index..<end])
                if choice == .after || choice == .both { insertJoiner() }
                copied = end
            }
            index = end
        }
        if insertions.isEmpty { return Prepared(text: text, insertions: []) }
        output.append(contentsOf: bytes[copied...])
        return Prepared(text: String(decoding: output, as: UTF8.self), insertions: insertions)
    }

    private static func isEscapable(_ byte: UInt8) -> Bool {
        byte < 0x80 && CJKCharacters.isASCIIPunctuation(Unicode.Scalar(byte))
    }

    enum Choice: CaseIterable { case none, before, after, both }

    /// Whether a run can open and whether it can close emphasis: all that cmark's pairing (including
    /// its "multiple of 3" rule) looks at.
    struct Delimiting: Equatable {
        let canOpen: Bool
        let canClose: Bool

        /// For `*` flanking decides; `_` inside a word (flanking on both sides) needs punctuation too.
        init(left: Bool, right: Bool, underscore: Bool, punctuationBefore: Bool, punctuationAfter: Bool) {
            canOpen = left && (!underscore || !right || punctuationBefore)
            canClose = right && (!underscore || !left || punctuationAfter)
        }
    }

    /// The first placement of joiners under which cmark's result equals the specification's
    /// (`.none` also when no placement does, which the tests show never happens for `*`).
    static func choice(before: Neighbour, after: Neighbour, underscore: Bool = false) -> Choice {
        let wanted = specification(before: before, after: after, underscore: underscore)
        return Choice.allCases.first { choice in
            let joinedBefore = choice == .before || choice == .both
            let joinedAfter = choice == .after || choice == .both
            return cmark(before: joinedBefore ? .letter : before.cmark, after: joinedAfter ? .letter : after.cmark,
                         underscore: underscore) == wanted
        } ?? .none
    }

    /// CommonMark's rule as libcmark 0.30 applies it.
    static func cmark(before: Side, after: Side, underscore: Bool = false) -> Delimiting {
        Delimiting(left: after != .space && (after != .punctuation || before != .letter),
                   right: before != .space && (before != .punctuation || after != .letter), underscore: underscore,
                   punctuationBefore: before == .punctuation, punctuationAfter: after == .punctuation)
    }

    /// The markdown-cjk-friendly rule (section 6.2, rules 2 and 6 for `_`).
    static func specification(before: Neighbour, after: Neighbour, underscore: Bool = false) -> Delimiting {
        let left = !after.isSpace && (!after.isNonCJKPunctuation || before.isSpace || before.isNonCJKPunctuation
                                      || before.isCJK || before.isIdeographicVariationSelector)
        let right = !before.isSpace && (!before.isNonCJKPunctuation || after.isSpace || after.isNonCJKPunctuation || after.isCJK)
        return Delimiting(left: left, right: right, underscore: underscore,
                          punctuationBefore: before.isPunctuation, punctuationAfter: after.isPunctuation)
    }
}

extension CJKEmphasis {
    /// How the character next to a `*` run looks to cmark and to the specification.
    enum Side { case space, punctuation, letter }

    struct Neighbour {
        let cmark: Side
        let isSpace: Bool
        let isNonCJKPunctuation: Bool
        let isCJK: Bool
        let isIdeographicVariationSelector: Bool
        /// Any punctuation (CJK or not), a variation selector judged by the character it follows.
        let isPunctuation: Bool

        init(_ scalar: Unicode.Scalar?, base: Unicode.Scalar? = nil) {
            guard let scalar else {
                self.init(cmark: .space, isSpace: true, isNonCJKPunctuation: false, isCJK: false, isIVS: false, isPunctuation: false)
                return
            }
            let judged = base ?? scalar  // a variation selector takes the class of the character it varies
            let cmark: Side = CJKCharacters.isCmarkSpace(scalar) ? .space
                : CJKCharacters.isCmarkPunctuation(scalar) ? .punctuation : .letter
            // ‘ ’ “ ” followed by U+FE01 ask for their fullwidth form: CJK punctuation then.
            let isFullwidthQuote = scalar.value == 0xFE01 && [0x2018, 0x2019, 0x201C, 0x201D].contains(judged.value)
            let isCJK = CJKCharacters.isCJK(judged) || isFullwidthQuote
            let isPunctuation = CJKCharacters.isCmarkPunctuation(judged)
            self.init(cmark: cmark, isSpace: CJKCharacters.isCmarkSpace(judged), isNonCJKPunctuation: !isCJK && isPunctuation,
                      isCJK: isCJK, isIVS: (0xE0100...0xE01EF).contains(scalar.value), isPunctuation: isPunctuation)
        }

        private init(cmark: Side, isSpace: Bool, isNonCJKPunctuation: Bool, isCJK: Bool, isIVS: Bool, isPunctuation: Bool) {
            self.isPunctuation = isPunctuation
            self.cmark = cmark
            self.isSpace = isSpace
            self.isNonCJKPunctuation = isNonCJKPunctuation
            self.isCJK = isCJK
            self.isIdeographicVariationSelector = isIVS
        }

        /// The character before `index`; the start of a line (after any block quote markers) is space.
        init(before index: Int, in bytes: [UInt8]) {
            var start = index
            while start > 0, bytes[start - 1] == UInt8(ascii: ">") || bytes[start - 1] == UInt8(ascii: " ") { start -= 1 }
            if start < index, bytes[index - 1] == UInt8(ascii: ">"), start == 0 || bytes[start - 1] == UInt8(ascii: "\n") {
                self.init(nil)
                return
            }
            guard let (scalar, offset) = Self.scalar(endingAt: index, in: bytes) else { self.init(nil); return }
            if (0xFE00...0xFE0E).contains(scalar.value), let (base, _) = Self.scalar(endingAt: offset, in: bytes) {
                self.init(scalar, base: base)
            } else {
                self.init(scalar)
            }
        }

        init(after index: Int, in bytes: [UInt8]) {
            guard index < bytes.count else { self.init(nil); return }
            var end = index + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            self.init(String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars.first)
        }

        /// The scalar whose bytes end just before `index`, and where it starts.
        private static func scalar(endingAt index: Int, in bytes: [UInt8]) -> (Unicode.Scalar, Int)? {
            guard index > 0 else { return nil }
            var start = index - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            guard let scalar = String(decoding: bytes[start..<index], as: UTF8.self).unicodeScalars.first else { return nil }
            return (scalar, start)
        }
    }
}
