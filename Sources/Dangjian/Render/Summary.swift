/// Summaries an editor would write, made from an entry's excerpt (the text of its paragraphs and
/// lists, without headings, code or markup, so never cut inside a tag or an entity; templates
/// escape it): about 120 characters, cut after a sentence's end (。！？；) in the second half where
/// there is one, with the closing quotes or brackets that follow it; otherwise cut at the length,
/// never inside a Latin word or number nor inside brackets or quotes, and ended with “……”.
/// Lines of a table of contents (“一、调研的目的意义 2”), points' titles (“1.支部品牌简介”) and
/// bullet glyphs (■ ● ◆) are left out, also when pasted as lines of one paragraph; every ellipsis
/// is written “……”. A `summary:` in front matter is used as written instead.
enum Summary {
    /// Between two lines of one paragraph in an excerpt (blocks are apart by "\n"): U+2028 LINE SEPARATOR.
    static let lineBreak = "\u{2028}"
    private static let lineBreakBytes = Array(lineBreak.utf8)
    /// About what four lines of the narrowest card hold (214 px of 15 px text), so cards need no clamp.
    static let cardLength = 56

    /// Marks a cut summary does not end in before its “……”.
    static let trailingMarks: Set<Character> = ["，", "、", "：", ",", ":", "…"]
    static let sentenceEnds: Set<Character> = ["。", "！", "？", "；", "!", "?", ";"]
    static let closers: Set<Character> = ["”", "’", "」", "』", "）", "》", "〉", "】", ")", "\""]
    static let pairs: [Character: Character] = ["（": "）", "(": ")", "《": "》", "“": "”", "‘": "’", "「": "」", "『": "』",
                                                "【": "】", "〈": "〉", "[": "]"]

    /// The longer summary of a body (cards and the feed); the shorter is `cardLength`.
    static let longest = 120

    static func make(from plainText: String, length: Int = 120) -> String {
        cut(prose(of: plainText, length: length), length: length)
    }

    /// The summaries of `plainText` at each of `lengths`, its prose made once (a card has two).
    static func make(from plainText: String, lengths: [Int]) -> [String] {
        // Lengths up to 120 read the same opening, so they share one prose text.
        let shared = lengths.contains { $0 <= longest } ? prose(of: plainText, length: longest) : ""
        return lengths.map { cut($0 <= longest ? shared : prose(of: plainText, length: $0), length: $0) }
    }

    /// The prose a summary of `length` is cut from.
    private static func prose(of plainText: String, length: Int) -> String {
        // Only the opening of the text can make the summary: don't walk the whole body (counted in
        // scalars, which costs no grapheme breaking; Chinese text has one scalar per character).
        let scalars = plainText.unicodeScalars
        let end = scalars.index(scalars.startIndex, offsetBy: max(length, longest) * 4, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let opening = plainText[..<end]
        let text = prose(opening, withTitles: false)
        return text.isEmpty ? prose(opening, withTitles: true) : text // a body of titles alone: better them than nothing
    }

    private static func cut(_ text: String, length: Int) -> String {
        // Text of scalars that are each a character of their own (Chinese, Latin, their punctuation)
        // is cut by scalars, without grapheme breaking; anything else (a combining mark, an emoji
        // sequence) by characters. Both give the same cut.
        SummaryScalars.cut(text, length: length) ?? cutByCharacters(text, length: length)
    }

    static func cutByCharacters(_ text: String, length: Int) -> String {
        let characters = Array(text)
        guard characters.count > length else { return text }
        let depths = bracketDepths(characters)
        for sentenceEnd in (length / 2..<length).reversed() where sentenceEnds.contains(characters[sentenceEnd]) {
            var end = sentenceEnd
            while end + 1 < characters.count, closers.contains(characters[end + 1]) { end += 1 }
            if depths[end + 1] == 0 { return String(characters[...end]) }
        }
        var cut = length
        while cut > length / 2, depths[cut] > 0 { cut -= 1 }
        if depths[cut] > 0 { cut = length }
        while cut > length / 2, isWordCharacter(characters[cut - 1]), isWordCharacter(characters[cut]) { cut -= 1 }
        var head = String(characters[..<cut]).trimmingCharacters(in: .whitespaces)
        while let last = head.last, trailingMarks.contains(last) { head.removeLast() }
        return head + "……"
    }

    /// The text's paragraphs without lines of a table of contents (or points' titles unless `withTitles`), ellipses made one style.
    private static func prose(_ text: Substring, withTitles: Bool) -> String {
        // "\n" and U+2028 are always characters of their own: splitting their bytes splits the same places.
        let paragraphs = pieces(text, at: [0x0A]).map { paragraph in
            runOn(pieces(paragraph, at: lineBreakBytes).map(cleaned).filter {
                !$0.isEmpty && !isContentsLine($0) && (withTitles || !isPointTitle($0))
            })
        }
        return ellipses(joined(paragraphs.filter { !$0.isEmpty }))
    }

    /// The parts of `text` between occurrences of the bytes `separator`, empty ones left out.
    private static func pieces(_ text: Substring, at separator: [UInt8]) -> [Substring] {
        var parts: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex, index = start
        while let hit = utf8[index...].firstIndex(of: separator[0]) {
            guard utf8[hit...].starts(with: separator) else {
                index = utf8.index(after: hit)
                continue
            }
            if hit > start { parts.append(text[start..<hit]) }
            start = utf8.index(hit, offsetBy: separator.count)
            index = start
        }
        if start < utf8.endIndex { parts.append(text[start...]) }
        return parts
    }

    /// Paragraphs run on: Chinese ones touch (“……议措施。支部纪检委员……”), a space only between Latin text.
    private static func joined(_ lines: [String]) -> String {
        var text = ""
        for line in lines {
            if let last = text.unicodeScalars.last, let first = line.unicodeScalars.first,
               !(isChinese(last) || isChinese(first)) {
                text += " "
            }
            text += line
        }
        return text
    }

    /// The lines of one paragraph as the page shows them: together where Chinese meets Chinese, else with a space.
    private static func runOn(_ lines: [String]) -> String {
        var text = ""
        for line in lines {
            if !text.isEmpty, !LineBreaks.joins(text.unicodeScalars.last, line.unicodeScalars.first) { text += " " }
            text += line
        }
        return text
    }

    private static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        CJKCharacters.isWideUnspaced(scalar) || CJKCharacters.isAmbiguousChinesePunctuation(scalar)
    }

    /// A line without its indent and a leading bullet glyph.
    private static func cleaned(_ line: Substring) -> String {
        var scalars = trimmed(line.unicodeScalars[...])
        while let first = scalars.first, PasteArtefacts.bulletGlyphs.contains(first) {
            scalars = trimmed(scalars.dropFirst())
        }
        return String(Substring(scalars))
    }

    /// Without leading and trailing `CharacterSet.whitespaces` as Foundation defines it (tab, the spaces of
    /// category Zs, U+3000 among them, and U+200B), without going through Foundation for every line.
    private static func trimmed(_ scalars: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
        let isSpace = { (scalar: Unicode.Scalar) -> Bool in
            switch scalar.value {
            case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
            default: return false
            }
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return scalars[scalars.endIndex...]
        }
        return scalars[first...last]
    }

    /// 目录, or a line of a table of contents: Chinese text, no full stop, ending in a page number after leaders, a tab or spaces.
    static func isContentsLine(_ line: String) -> Bool {
        // Cheap tests first: most lines hold a full stop or end in no number, and 目录 needs its 目.
        // (The bytes are looked at first: without them the character cannot be there.)
        if TextLines.contains(line, "目"), line.contains("目" as Character), line.filter({ !$0.isWhitespace }) == "目录" { return true }
        guard let last = line.last, last.isNumber || last.isWholeNumber,
              !(TextLines.contains(line, "。") && line.contains("。" as Character)) else { return false }
        guard let match = line.wholeMatch(of: #/(.*?)[\s.…·_．-]+(\d{1,3})/#) else { return false }
        let title = match.output.1
        return title.unicodeScalars.filter(CJKCharacters.isHan).count >= 2 && !"，、：；".contains(title.last ?? " ")
    }

    /// A point's title on a line of its own: numbered (一、 （二） 3. 第四), short, without a clause or sentence mark.
    static func isPointTitle(_ line: String) -> Bool {
        PasteArtefacts.isNewPoint(Array(line.unicodeScalars.prefix(12))) && line.count <= 30
            && !line.contains(where: { "，。！？；,;!?".contains($0) })
    }

    /// `…`, `...` and `。。。` written as “……”.
    private static func ellipses(_ text: String) -> String {
        guard TextLines.contains(text, "…") || TextLines.contains(text, "...") || TextLines.contains(text, "。。。") else { return text }
        return text.replacing(#/…+|\.{3,}|。{3,}/#, with: "……")
    }

    /// The first scalars of `pairs`' keys and values.
    private static let bracketLike: Set<UInt32> = Set(pairs.flatMap { [$0.key, $0.value] }.map { $0.unicodeScalars.first!.value })

    /// How many brackets and quotes are open before each position (one more than the characters).
    private static func bracketDepths(_ characters: [Character]) -> [Int] {
        var depths = [0]
        var open: [Character] = []
        for character in characters {
            // Only brackets and quotes can open or close: most characters skip the dictionary.
            if character.utf8.count > 3 || !bracketLike.contains(character.unicodeScalars.first!.value) {
                depths.append(open.count)
                continue
            }
            if let last = open.last, pairs[last] == character {
                open.removeLast()
            } else if pairs[character] != nil {
                open.append(character)
            }
            depths.append(open.count)
        }
        return depths
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber)
    }
}
