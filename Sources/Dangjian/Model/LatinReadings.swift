import Foundation

/// ICU's `Han-Latin; Latin-ASCII` reading of each character beyond ASCII, remembered for the whole
/// run. ICU costs about 70 µs a call, and a build makes slugs for every file name, tag, series,
/// category and heading; a site uses only a few thousand distinct characters, so each is
/// transliterated once (in batches), whatever the number of slugs.
final class LatinReadings: @unchecked Sendable {
    static let shared = LatinReadings()
    private static let transform = StringTransform("Han-Latin; Latin-ASCII")

    private let lock = NSLock()
    private var readings: [Character: String] = [:]

    /// The text in Latin letters: ASCII as it is, each Han character's syllable between spaces,
    /// other characters as ICU reads them.
    func latin(_ text: String) -> String {
        let characters = Array(text)
        let known = lock.withLock { readings }
        let missing = Set(characters.filter { !$0.isASCII && known[$0] == nil })
        let all = missing.isEmpty ? known : learn(Array(missing))
        var result = ""
        for character in characters {
            if character.isASCII { result.append(character); continue }
            let reading = all[character] ?? ""
            let isHan = character.unicodeScalars.first.map(CJKCharacters.isHan) ?? false
            result += isHan ? " \(reading) " : reading
        }
        return result
    }

    private func learn(_ characters: [Character]) -> [Character: String] {
        // One ICU call for the batch; one per character if a reading spans the separator.
        let batch = characters.map(String.init).joined(separator: "\n")
        var found = (batch.applyingTransform(Self.transform, reverse: false) ?? batch)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if found.count != characters.count {
            found = characters.map { String($0).applyingTransform(Self.transform, reverse: false) ?? String($0) }
        }
        return lock.withLock {
            for (character, reading) in zip(characters, found) { readings[character] = reading }
            return readings
        }
    }
}
