#if canImport(Glibc)
import Glibc
#endif

/// Byte-level helpers for scanning bodies: Foundation's and Character-level searching break the
/// text into grapheme clusters and cost more than everything else a check does.
enum TextLines {
    /// The lines of `text` split at "\n" (a "\r" before it stays), empty lines kept.
    static func split(_ text: some StringProtocol) -> [Substring] {
        let string = Substring(text)
        var lines: [Substring] = []
        var start = string.startIndex
        let utf8 = string.utf8
        var index = utf8.startIndex
        while let newline = utf8[index...].firstIndex(of: 0x0A) {
            lines.append(string[start..<newline])
            index = utf8.index(after: newline)
            start = index
        }
        lines.append(string[start...])
        return lines
    }

    /// Whether `needle`'s bytes occur in `text` (memchr and memcmp on the text's bytes where they are contiguous).
    static func contains(_ text: some StringProtocol, _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        let found = text.utf8.withContiguousStorageIfAvailable { bytes in
            pattern.withUnsafeBufferPointer { needle -> Bool in
                guard let base = bytes.baseAddress, let first = needle.first else { return false }
                var offset = 0
                while offset + needle.count <= bytes.count,
                      let hit = memchr(base + offset, Int32(first), bytes.count - offset - needle.count + 1) {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, needle.baseAddress!, needle.count) == 0 { return true }
                    offset = at + 1
                }
                return false
            }
        }
        if let found { return found }
        guard let first = pattern.first else { return true }
        let bytes = text.utf8
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: first) {
            if bytes[found...].starts(with: pattern) { return true }
            index = bytes.index(after: found)
        }
        return false
    }
}
