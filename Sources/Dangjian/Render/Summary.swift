/// Summaries made from an entry's text: about 120 characters, cut after a sentence's end where one is
/// near, never inside a Latin word.
enum Summary {
    static let sentenceEnds: Set<Character> = ["。", "！", "？", "；", "!", "?", ";"]

    static func make(from plainText: String, length: Int = 120) -> String {
        // Only the opening of the text can make the summary: don't walk the whole body.
        let opening = plainText.prefix(length * 4)
        let text = opening.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        let characters = Array(text)
        guard characters.count > length else { return text }
        var cut = length
        if let sentenceEnd = (length / 2..<length).reversed().first(where: { sentenceEnds.contains(characters[$0]) }) {
            return String(characters[...sentenceEnd])
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
