/// The field masks of one document's Han tokens: an open-addressing table keyed by the token's 32
/// bits (never 0: the first character is a Han character), with a multiplicative hash. A body of
/// 1,500 characters files as many bigrams; a `Dictionary` hashed each with SipHash and grew by
/// rehashing, which was most of tokenizing.
struct HanTokenMasks {
    private var keys: [UInt32]
    private var masks: [UInt8]
    private var mask: Int
    private(set) var count = 0

    /// Room for about `expected` distinct tokens before the table grows.
    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        keys = [UInt32](repeating: 0, count: capacity)
        masks = [UInt8](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    private func slot(of key: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    mutating func add(_ key: UInt32, _ field: UInt8) {
        var index = slot(of: key)
        while true {
            let found = keys[index]
            if found == key {
                masks[index] |= field
                return
            }
            if found == 0 { break }
            index = (index + 1) & mask
        }
        keys[index] = key
        masks[index] = field
        count += 1
        if count * 2 > keys.count { grow() }
    }

    private mutating func grow() {
        let (oldKeys, oldMasks) = (keys, masks)
        keys = [UInt32](repeating: 0, count: oldKeys.count * 2)
        masks = [UInt8](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (key, field) in zip(oldKeys, oldMasks) where key != 0 {
            var index = slot(of: key)
            while keys[index] != 0 { index = (index + 1) & mask }
            keys[index] = key
            masks[index] = field
        }
    }

    /// Every token with its mask, in the table's order.
    func forEach(_ body: (UInt32, UInt8) -> Void) {
        for (key, field) in zip(keys, masks) where key != 0 { body(key, field) }
    }
}
