/// Posting lists as short ASCII text: each posting is (document id − previous id) · 8 + field mask,
/// written in base 32, most significant digit first; the last digit of a number comes from
/// `final`, the others from `more`, so no separators are needed. Decoded by search.js.
enum PostingCodec {
    static let final = Array("0123456789abcdefghijklmnopqrstuv".utf8)
    static let more = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*".utf8)

    /// `postings`: (document, mask) with documents ascending and masks 1…7.
    static func encode(_ postings: [(document: Int32, mask: UInt8)]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(postings.count * 2)
        var previous: Int32 = 0
        var digits: [UInt8] = []
        for posting in postings {
            var value = Int(posting.document - previous) * 8 + Int(posting.mask)
            previous = posting.document
            digits.removeAll(keepingCapacity: true)
            repeat {
                digits.append(UInt8(value & 31))
                value >>= 5
            } while value > 0
            for (position, digit) in digits.enumerated().reversed() {
                bytes.append(position == 0 ? final[Int(digit)] : more[Int(digit)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
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
