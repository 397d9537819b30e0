/// Splits text into search tokens, exactly as `templates/assets/search.js` splits a query:
/// text is NFKC-normalised and lowercased; each run of Han characters gives its character bigrams
/// (a run of one character gives that character), each run of ASCII letters and digits gives the word.
/// So Chinese words are found without spaces and without a dictionary.
enum SearchTokenizer {
    static func tokens(_ text: String, into sink: (Substring) -> Void) {
        let normalized = text.precomposedStringWithCompatibilityMapping.lowercased()
        var hanStart: String.Index?
        var previousHan: String.Index?
        var wordStart: String.Index?
        var index = normalized.startIndex
        func endHanRun() {
            if let start = hanStart, let last = previousHan, start == last {
                sink(normalized[start...last])
            }
            (hanStart, previousHan) = (nil, nil)
        }
        func endWord(at end: String.Index) {
            if let start = wordStart { sink(normalized[start..<end]) }
            wordStart = nil
        }
        for scalar in normalized.unicodeScalars {
            let next = normalized.unicodeScalars.index(after: index)
            if isHan(scalar) {
                endWord(at: index)
                if let previous = previousHan { sink(normalized[previous..<next]) }
                if hanStart == nil { hanStart = index }
                previousHan = index
            } else if scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)) {
                endHanRun()
                if wordStart == nil { wordStart = index }
            } else {
                endHanRun()
                endWord(at: index)
            }
            index = next
        }
        endHanRun()
        endWord(at: normalized.endIndex)
    }

    /// CJK Unified Ideographs, Extension A and the compatibility block (the same ranges as search.js).
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return true
        default: return false
        }
    }
}
