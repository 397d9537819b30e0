/// A search token. Almost every token of a Chinese archive is a Han bigram or a single Han character:
/// those are packed into 32 bits (`first << 16 | second`, all the Han ranges lie in the BMP), so
/// collecting millions of them hashes and compares integers, not strings. Words and filters keep
/// their text.
enum SearchToken: Hashable, Sendable {
    case han(UInt32)
    case text(String)

    init(_ first: Unicode.Scalar, _ second: Unicode.Scalar? = nil) {
        self = .han(first.value << 16 | (second?.value ?? 0))
    }

    /// The token as search.js sees it.
    var string: String {
        switch self {
        case let .han(key):
            var text = String(Character(Unicode.Scalar(key >> 16)!))
            if let second = Unicode.Scalar(key & 0xFFFF), key & 0xFFFF != 0 { text.unicodeScalars.append(second) }
            return text
        case let .text(text): return text
        }
    }

    /// A 32-bit hash of the token's UTF-16 code units (h = h·31 + c), the same in search.js; modulo
    /// the shard count it names the token's shard.
    var hash: UInt32 {
        switch self {
        case let .han(key):
            let second = key & 0xFFFF
            return second == 0 ? key >> 16 : (key >> 16) &* 31 &+ second
        case let .text(text): return Self.hash(text)
        }
    }

    static func hash(_ text: String) -> UInt32 {
        var hash: UInt32 = 0
        for unit in text.utf16 { hash = hash &* 31 &+ UInt32(unit) }
        return hash
    }
}

/// Splits text into search tokens, exactly as `templates/assets/search.js` splits a query:
/// text is NFKC-normalised and lowercased; each run of Han characters gives its character bigrams
/// (a run of one character gives that character), each run of ASCII letters and digits gives the word.
/// So Chinese words are found without spaces and without a dictionary.
enum SearchTokenizer {
    static func tokens(_ text: String, into sink: (SearchToken) -> Void) {
        // NFKC and lowercasing change nothing the tokens depend on in text made only of ASCII, the
        // main Han blocks and CJK or full-width punctuation (which stays a separator either way), so
        // such text, nearly every text of the archive, is read as it is.
        let normalized = needsNormalizing(text) ? text.precomposedStringWithCompatibilityMapping.lowercased() : text
        var previousHan: Unicode.Scalar?
        var runLength = 0
        var word: [UInt8] = []
        func endHanRun() {
            if runLength == 1, let only = previousHan { sink(SearchToken(only)) }
            (previousHan, runLength) = (nil, 0)
        }
        func endWord() {
            if !word.isEmpty { sink(.text(String(decoding: word, as: UTF8.self))) }
            word.removeAll(keepingCapacity: true)
        }
        for scalar in normalized.unicodeScalars {
            if isHan(scalar) {
                endWord()
                if let previous = previousHan { sink(SearchToken(previous, scalar)) }
                previousHan = scalar
                runLength += 1
            } else if scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || ("A"..."Z").contains(scalar)) {
                endHanRun()
                word.append(UInt8(scalar.value) | (("A"..."Z").contains(scalar) ? 0x20 : 0))
            } else {
                endHanRun()
                endWord()
            }
        }
        endHanRun()
        endWord()
    }

    /// False when every scalar is ASCII, a Han character of the main blocks, or punctuation whose
    /// compatibility form is punctuation too (CJK symbols, general and full-width punctuation).
    static func needsNormalizing(_ text: String) -> Bool {
        !text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0...0x7F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0x3000...0x3037, 0x303B...0x303F, 0x2010...0x2027, 0x2030...0x205E,
                 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: return true
            default: return false
            }
        }
    }

    /// CJK Unified Ideographs, Extension A and the compatibility block (the same ranges as search.js).
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return true
        default: return false
        }
    }
}
