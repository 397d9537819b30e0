/// Posting lists as short ASCII text: each posting is (document id − previous id) · 8 + field mask,
/// written in base 32, most significant digit first; the last digit of a number comes from
/// `final`, the others from `more`, so no separators are needed. Decoded by search.js.
enum PostingCodec {
    static let final = Array("0123456789abcdefghijklmnopqrstuv".utf8)
    static let more = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*".utf8)

    /// `postings`: (document, mask) with documents ascending and masks 1…7.
    static func encode(_ postings: [(document: Int32, mask: UInt8)]) -> String {
        var list = EncodedPostings()
        for posting in postings { list.append(posting.document, mask: posting.mask) }
        return list.text
    }

    static func decode(_ text: String) -> [(document: Int32, mask: UInt8)] {
        var result: [(document: Int32, mask: UInt8)] = []
        var value = 0
        var document: Int32 = 0
        for byte in text.utf8 {
            if let digit = more.firstIndex(of: byte) {
                value = value * 32 + digit
            } else if let digit = final.firstIndex(of: byte) {
                value = value * 32 + digit
                document += Int32(value >> 3)
                result.append((document, UInt8(value & 7)))
                value = 0
            }
        }
        return result
    }
}

/// A posting list kept encoded as it grows (`PostingCodec`'s text, documents ascending): a build's
/// index holds every list of every shard until its files are made, and the text takes one to four
/// bytes a posting where a posting takes four.
struct EncodedPostings: Sendable {
    private(set) var bytes: [UInt8] = []
    private var previous: Int32 = 0

    init() {}

    init(_ postings: [SearchIndex.Posting]) {
        bytes.reserveCapacity(postings.count * 2)
        for posting in postings { append(posting.document, mask: posting.mask) }
    }

    mutating func append(_ document: Int32, mask: UInt8) {
        let value = Int(document - previous) * 8 + Int(mask)
        previous = document
        var digits = 1
        while value >> (5 * digits) > 0 { digits += 1 }
        for position in (0..<digits).reversed() {
            let digit = value >> (5 * position) & 31
            bytes.append(position == 0 ? PostingCodec.final[digit] : PostingCodec.more[digit])
        }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
