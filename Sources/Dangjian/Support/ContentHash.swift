/// A fast 128-bit fingerprint of bytes (two 64-bit multiply–rotate lanes over 8-byte words), for
/// telling whether a page or an input file is the same as at the previous build. Not
/// cryptographic: it guards against changes, not against someone forging a collision.
/// Stable across processes and machines (Swift's `Hasher` is seeded per process, so it cannot be used).
enum ContentHash {
    static func of(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F &+ UInt64(bytes.count)
        let words = bytes.count / 8
        var offset = 0
        for _ in 0..<words {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            a = mix(a ^ word, 0xFF51_AFD7_ED55_8CCD, 31)
            b = mix(b &+ word, 0xC4CE_B9FE_1A85_EC53, 29)
            offset += 8
        }
        var tail: UInt64 = 0
        for index in offset..<bytes.count { tail = tail << 8 | UInt64(bytes[index]) }
        a = finish(mix(a ^ tail, 0xFF51_AFD7_ED55_8CCD, 31) ^ b)
        b = finish(mix(b &+ tail, 0xC4CE_B9FE_1A85_EC53, 29) ^ a)
        return hex(a) + hex(b)
    }

    static func mix(_ value: UInt64, _ factor: UInt64, _ rotation: UInt64) -> UInt64 {
        let product = value &* factor
        return (product << rotation | product >> (64 - rotation)) &* 0x9E37_79B9_7F4A_7C15
    }

    static func finish(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        return x ^ x >> 33
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// `ContentHash` fed piece by piece: the fingerprint of a tree of values (a page's template
/// values) without first joining it into one text. Texts are fed with their length in front and
/// padded to whole words, so no two different sequences of pieces feed the same words.
struct ContentHasher {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var pending: UInt64 = 0
    private var pendingBytes = 0
    private var words: UInt64 = 0

    mutating func feed(_ word: UInt64) {
        a = ContentHash.mix(a ^ word, 0xFF51_AFD7_ED55_8CCD, 31)
        b = ContentHash.mix(b &+ word, 0xC4CE_B9FE_1A85_EC53, 29)
        words &+= 1
    }

    mutating func feed(_ digest: ContentDigest) {
        feed(digest.high)
        feed(digest.low)
    }

    /// A text: its length, then its bytes, padded with zeros to a whole word.
    mutating func feed(_ text: String) {
        var text = text
        feed(UInt64(text.utf8.count))
        text.withUTF8 { feedBytes(UnsafeRawBufferPointer($0)) }
        if pendingBytes > 0 {
            feed(pending)
            (pending, pendingBytes) = (0, 0)
        }
    }

    private mutating func feedBytes(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= bytes.count {
            feed(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        while offset < bytes.count {
            pending |= UInt64(bytes[offset]) << UInt64(8 * pendingBytes)
            pendingBytes += 1
            offset += 1
        }
    }

    func finish() -> ContentDigest {
        let high = ContentHash.finish(a ^ words &* 0x9E37_79B9_7F4A_7C15 ^ b)
        return ContentDigest(high: high, low: ContentHash.finish(b &+ words ^ high))
    }
}

/// A 128-bit fingerprint made by `ContentHasher`.
struct ContentDigest: Equatable, Sendable {
    let high: UInt64
    let low: UInt64

    var hex: String { ContentHash.hex(high) + ContentHash.hex(low) }
}
