/// `Summary`'s cut for text whose scalars each stand alone as a character (no combining mark, no
/// joiner, no emoji sequence, no CR LF: what Chinese and Latin text and their punctuation are made of).
/// Counting and comparing scalars then gives what counting and comparing characters gives, without
/// the grapheme breaking that made the cut a tenth of the link stage.
enum SummaryScalars {
    /// A scalar that is a character by itself whatever stands beside it.
    static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0D: return false // CR LF is one character
        case 0x00..<0x300: return true // Latin, up to the combining diacritics
        case 0x2010...0x2027, 0x2030...0x205E: return true // general punctuation, without the zero-width ones and joiners
        case 0x3000...0x3029, 0x3030...0x303F: return true // CJK punctuation, without the tone marks
        case 0x3041...0x3096, 0x309B...0x30FF: return true // kana, without the combining sound marks
        case 0x2E80...0x2FDF, 0x3400...0x4DBF, 0x4E00...0x9FFF: return true // radicals and Han
        case 0xFF01...0xFF5E: return true // full-width forms
        default: return false
        }
    }

    private static func values(_ characters: Set<Character>) -> Set<UInt32> {
        Set(characters.map { $0.unicodeScalars.first!.value })
    }

    private static let sentenceEnds = values(Summary.sentenceEnds)
    private static let closers = values(Summary.closers)
    private static let trailing = values(Summary.trailingMarks)
    /// `Summary.pairs` by scalar value.
    private static let pairs: [UInt32: UInt32] = Dictionary(uniqueKeysWithValues: Summary.pairs.map {
        ($0.key.unicodeScalars.first!.value, $0.value.unicodeScalars.first!.value)
    })
    /// Every bracket and quote, and the lowest of them: most scalars are told apart from all of them
    /// by comparisons, without hashing.
    private static let bracketValues = Set(pairs.keys).union(pairs.values)
    private static let lowestBracket = bracketValues.min()!

    /// Exactly `Summary`'s cut of `text`; nil when a scalar of it does not stand alone (then it is cut by characters).
    static func cut(_ text: String, length: Int) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.allSatisfy(standsAlone) else { return nil }
        guard scalars.count > length else { return text }
        let depths = bracketDepths(scalars)
        for sentenceEnd in (length / 2..<length).reversed() where sentenceEnds.contains(scalars[sentenceEnd].value) {
            var end = sentenceEnd
            while end + 1 < scalars.count, closers.contains(scalars[end + 1].value) { end += 1 }
            if depths[end + 1] == 0 { return string(scalars[...end]) }
        }
        var cut = length
        while cut > length / 2, depths[cut] > 0 { cut -= 1 }
        if depths[cut] > 0 { cut = length }
        while cut > length / 2, isWordCharacter(scalars[cut - 1]), isWordCharacter(scalars[cut]) { cut -= 1 }
        var head = scalars[..<cut]
        // Foundation's `CharacterSet.whitespaces` (of these scalars) trimmed at both ends, then the marks.
        while let first = head.first, isSpace(first) { head = head.dropFirst() }
        while let last = head.last, isSpace(last) { head = head.dropLast() }
        while let last = head.last, trailing.contains(last.value) { head = head.dropLast() }
        return string(head) + "……"
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0xA0, 0x2000...0x200A, 0x3000: return true
        default: return false
        }
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }

    private static func bracketDepths(_ scalars: [Unicode.Scalar]) -> [Int] {
        var depths = [0]
        depths.reserveCapacity(scalars.count + 1)
        var open: [UInt32] = []
        for scalar in scalars {
            let value = scalar.value
            // Han and kana are never brackets: only the rest is looked up.
            if value >= lowestBracket, !(0x3040...0x9FFF).contains(value), bracketValues.contains(value) {
                if let last = open.last, pairs[last] == value {
                    open.removeLast()
                } else if pairs[value] != nil {
                    open.append(value)
                }
            }
            depths.append(open.count)
        }
        return depths
    }
}
