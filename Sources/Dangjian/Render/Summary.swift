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
    /// About what four lines of the narrowest card hold (214 px of 15 px text), so cards need no clamp.
    static let cardLength = 56

    static let sentenceEnds: Set<Character> = ["。", "！", "？", "；", "!", "?", ";"]
    static let closers: Set<Character> = ["”", "’", "」", "』", "）", "》", "〉", "】", ")", "\""]
    static let pairs: [Character: Character] = ["（": "）", "(": ")", "《": "》", "“": "”", "‘": "’", "「": "」", "『": "』",
                                                "【": "】", "〈": "〉", "[": "]"]

    static func make(from plainText: String, length: Int = 120) -> String {
        // Only the opening of the text can make the summary: don't walk the whole body.
        let opening = plainText.prefix(max(length, 120) * 4)
        var text = prose(opening, withTitles: false)
        if text.isEmpty { text = prose(opening, withTitles: true) } // a body of titles alone: better them than nothing
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
        while let last = head.last, "，、：,:…".contains(last) { head.removeLast() }
        return head + "……"
    }

    /// The text's paragraphs without lines of a table of contents (or points' titles unless `withTitles`), ellipses made one style.
    private static func prose(_ text: Substring, withTitles: Bool) -> String {
        let paragraphs = text.split(separator: "\n").map { paragraph in
            runOn(paragraph.split(separator: "\u{2028}").map(cleaned).filter {
                !$0.isEmpty && !isContentsLine($0) && (withTitles || !isPointTitle($0))
            })
        }
        return ellipses(joined(paragraphs.filter { !$0.isEmpty }))
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
        var text = line.trimmingCharacters(in: .whitespaces.union(["\u{3000}"]))
        while let first = text.unicodeScalars.first, PasteArtefacts.bulletGlyphs.contains(first) {
            text = String(text.unicodeScalars.dropFirst()).trimmingCharacters(in: .whitespaces.union(["\u{3000}"]))
        }
        return text
    }

    /// 目录, or a line of a table of contents: Chinese text, no full stop, ending in a page number after leaders, a tab or spaces.
    static func isContentsLine(_ line: String) -> Bool {
        if line.filter({ !$0.isWhitespace }) == "目录" { return true }
        guard !line.contains("。"), let match = line.wholeMatch(of: #/(.*?)[\s.…·_．-]+(\d{1,3})/#) else { return false }
        let title = match.output.1
        return title.unicodeScalars.filter(CJKCharacters.isHan).count >= 2 && !"，、：；".contains(title.last ?? " ")
    }

    /// A point's title on a line of its own: numbered (一、 （二） 3. 第四), short, without a clause or sentence mark.
    static func isPointTitle(_ line: String) -> Bool {
        line.count <= 30 && PasteArtefacts.isNewPoint(Array(line.unicodeScalars.prefix(12)))
            && !line.contains(where: { "，。！？；,;!?".contains($0) })
    }

    /// `…`, `...` and `。。。` written as “……”.
    private static func ellipses(_ text: String) -> String {
        guard text.contains("…") || text.contains("...") || text.contains("。。。") else { return text }
        return text.replacing(#/…+|\.{3,}|。{3,}/#, with: "……")
    }

    /// How many brackets and quotes are open before each position (one more than the characters).
    private static func bracketDepths(_ characters: [Character]) -> [Int] {
        var depths = [0]
        var open: [Character] = []
        for character in characters {
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
