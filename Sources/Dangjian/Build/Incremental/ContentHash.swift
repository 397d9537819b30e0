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

    private static func mix(_ value: UInt64, _ factor: UInt64, _ rotation: UInt64) -> UInt64 {
        let product = value &* factor
        return (product << rotation | product >> (64 - rotation)) &* 0x9E37_79B9_7F4A_7C15
    }

    private static func finish(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        return x ^ x >> 33
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
