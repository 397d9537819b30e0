/// Summaries made from an entry's plain text (no markup, so never cut inside a tag or an entity;
/// templates escape it): about 120 characters, cut after a sentence's end (。！？；) in the second
/// half where there is one, with the closing quotes or brackets that follow it; otherwise cut at
/// the length, never inside a Latin word or number, and ended with “……”.
enum Summary {
    static let sentenceEnds: Set<Character> = ["。", "！", "？", "；", "!", "?", ";"]
    static let closers: Set<Character> = ["”", "’", "」", "』", "）", "》", "〉", "】", ")", "\""]

    static func make(from plainText: String, length: Int = 120) -> String {
        // Only the opening of the text can make the summary: don't walk the whole body.
        let opening = plainText.prefix(length * 4)
        let text = opening.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        let characters = Array(text)
        guard characters.count > length else { return text }
        var cut = length
        if let sentenceEnd = (length / 2..<length).reversed().first(where: { sentenceEnds.contains(characters[$0]) }) {
            var end = sentenceEnd
            while end + 1 < characters.count, closers.contains(characters[end + 1]) { end += 1 }
            return String(characters[...end])
        }
        while cut > length / 2, isWordCharacter(characters[cut - 1]), isWordCharacter(characters[cut]) { cut -= 1 }
        let head = String(characters[..<cut]).trimmingCharacters(in: .whitespaces)
        return head + "……"
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber)
    }
}

import Foundation
