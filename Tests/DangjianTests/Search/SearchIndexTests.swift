@testable import Dangjian
import Foundation
import Testing

@Suite("Search: tokens, posting lists")
struct SearchIndexTests {
    func tokens(_ text: String) -> [String] {
        var result: [String] = []
        SearchTokenizer.tokens(text) { result.append($0.string) }
        return result
    }

    @Test("Chinese without spaces gives character bigrams; Latin words and numbers stay whole")
    func bigrams() {
        #expect(tokens("家风传承") == ["家风", "风传", "传承"])
        #expect(tokens("学习Swift 6，党建！") == ["学习", "swift", "6", "党建"])
        #expect(tokens("党") == ["党"])
        // Full-width letters and digits are folded (NFKC) as the browser folds a query.
        #expect(tokens("ＡＢＣ１２３") == ["abc123"])
        #expect(tokens("〸年") == ["十年"])
    }

    @Test("text read as it is gives the tokens of its normalised form")
    func unnormalisedFastPath() throws {
        let text = "“不忘初心、牢记使命”主题教育——学习Swift 6！《党章》第3章（二）…… 〇一二 ABC"
        #expect(!SearchTokenizer.needsNormalizing(text))
        let normalized = text.precomposedStringWithCompatibilityMapping.lowercased()
        #expect(normalized != text)
        #expect(tokens(text) == tokens(normalized))
        #expect(SearchTokenizer.needsNormalizing("ＡＢＣ") && SearchTokenizer.needsNormalizing("〸") && SearchTokenizer.needsNormalizing("Ä"))
    }

    @Test("posting lists survive encoding, with large gaps and every mask")
    func codec() {
        let postings: [(document: Int32, mask: UInt8)] = [(0, 1), (1, 7), (5, 4), (40, 2), (10_000, 3), (10_001, 1)]
        let decoded = PostingCodec.decode(PostingCodec.encode(postings))
        #expect(decoded.map(\.document) == postings.map(\.document))
        #expect(decoded.map(\.mask) == postings.map(\.mask))
        // Consecutive documents cost one character each.
        #expect(PostingCodec.encode([(0, 1), (1, 1), (2, 1)]).count == 3)
    }

    @Test("the shard count grows in powers of two with the postings")
    func shards() {
        #expect(SearchIndex.shardCount(postings: 10) == 1)
        #expect(SearchIndex.shardCount(postings: SearchIndex.postingsPerShard * 3) == 4)
        #expect(SearchIndex.shardCount(postings: .max / 2) == 4096)
    }

    @Test("hash as search.js computes it: h = h·31 + UTF-16 unit, 32 bits")
    func hash() {
        #expect(SearchToken.text("ab").hash == 97 * 31 + 98)
        #expect(SearchToken("家", "风").hash == (0x5BB6 * 31 + 0x98CE))
        #expect(SearchToken("党").hash == 0x515A)
        #expect(SearchToken("家", "风").string == "家风" && SearchToken("党").string == "党")
        #expect(SearchToken.hash("abcdefghijklmnop") == UInt32(truncatingIfNeeded: "abcdefghijklmnop".utf16.reduce(UInt64(0)) { ($0 &* 31 &+ UInt64($1)) & 0xFFFF_FFFF }))
    }
}
