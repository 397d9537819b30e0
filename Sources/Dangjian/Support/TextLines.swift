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

    /// Whether `needle`'s bytes occur in `text`.
    static func contains(_ text: some StringProtocol, _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
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
