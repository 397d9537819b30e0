@testable import Dangjian
import Testing

@Suite("Search: a document's Han tokens")
struct HanTokenMasksTests {
    @Test("the table holds what a dictionary holds: every token once, its masks joined, through growth")
    func sameAsDictionary() {
        var generator = SystemRandomNumberGenerator()
        for expected in [0, 3, 200] {
            var table = HanTokenMasks(expected: expected)
            var dictionary: [UInt32: UInt8] = [:]
            for _ in 0..<5000 {
                // Few distinct characters, so tokens repeat and their masks are joined.
                let key = UInt32.random(in: 0x4E00...0x4E40, using: &generator) << 16 | UInt32.random(in: 0x4E00...0x4E40, using: &generator)
                let mask = [SearchDocument.titleMask, SearchDocument.namesMask, SearchDocument.bodyMask].randomElement(using: &generator)!
                table.add(key, mask)
                dictionary[key, default: 0] |= mask
            }
            var seen: [UInt32: UInt8] = [:]
            table.forEach { key, mask in
                #expect(seen[key] == nil, "\(key) given twice")
                seen[key] = mask
            }
            #expect(seen == dictionary)
            #expect(table.count == dictionary.count)
        }
    }
}
