/// Paths of pages and files inside the generated site, and the relative links between them.
public enum SitePath {
    /// Stands for "the site root, seen from the page this HTML ends up on". Bodies are converted once
    /// and shown on several pages (the entry, bulletins, boards), so their links are fixed per page.
    static let rootMarker = "__dangjian_root__/"

    /// `html` with every root marker replaced by the way from `page` to the site root; links into
    /// `page`'s own folder become plain relative paths (`images/a.png`).
    static func resolvingRootMarkers(in html: String, forPage page: String) -> String {
        let marker = Array(rootMarker.utf8)
        var bytes = Array(html.utf8)
        guard let first = firstIndex(of: marker, in: bytes, from: 0) else { return html }
        let folder = Array((page.split(separator: "/").dropLast().joined(separator: "/") + "/").utf8)
        let prefix = Array(rootPrefix(of: page).utf8)
        var result: [UInt8] = Array(bytes[..<first])
        result.reserveCapacity(bytes.count)
        var index = first
        while let found = firstIndex(of: marker, in: bytes, from: index) {
            result += bytes[index..<found]
            index = found + marker.count
            if folder.count > 1, bytes[index...].starts(with: folder) {
                index += folder.count
                if firstSegmentHasColon(bytes, from: index) { result += Array("./".utf8) }
            } else {
                result += prefix
                if prefix.isEmpty, firstSegmentHasColon(bytes, from: index) { result += Array("./".utf8) }
            }
        }
        result += bytes[index...]
        bytes = result
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the relative address starting at `start` has a `:` in its first segment
    /// (`javascript:alert(1).png`), which a browser would read as a scheme: such an address is written
    /// `./javascript:alert(1).png`. The address ends at a quote, `/`, `?`, `#` or a space.
    private static func firstSegmentHasColon(_ bytes: [UInt8], from start: Int) -> Bool {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: ":"): return true
            case UInt8(ascii: "/"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "?"), UInt8(ascii: "#"),
                 UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: ")"): return false
            default: index += 1
            }
        }
        return false
    }

    /// `talks/2026/09/08-a/index.html` → `../../../../`; `index.html` → ``.
    public static func rootPrefix(of page: String) -> String {
        String(repeating: "../", count: page.reduce(0) { $1 == "/" ? $0 + 1 : $0 })
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let lead = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == lead, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// A link from the page at `page` to the file at `target`, both relative to the site root.
    public static func relative(from page: String, to target: String) -> String {
        let fromParts = page.split(separator: "/").dropLast()
        let toParts = target.split(separator: "/")
        var common = 0
        while common < fromParts.count, common < toParts.count - 1,
              fromParts[fromParts.startIndex + common] == toParts[common] {
            common += 1
        }
        let ups = String(repeating: "../", count: fromParts.count - common)
        let rest = toParts[common...].joined(separator: "/")
        // `javascript:x.png` beside the page would read as a scheme.
        return ups.isEmpty && (toParts[common...].first?.contains(":") ?? false) ? "./" + rest : ups + rest
    }

    /// `http`, `mailto`, `javascript` …; nil for relative paths. Lowercased.
    static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let candidate = url[..<colon]
        guard let first = candidate.first, first.isLetter, first.isASCII,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return candidate.lowercased().filter { !$0.isWhitespace }
    }

    /// `a.md#x` → (`a.md`, `#x`); query strings stay with the fragment part.
    static func splitFragment(_ url: String) -> (path: String, fragment: String) {
        guard let index = url.firstIndex(where: { $0 == "#" || $0 == "?" }) else { return (url, "") }
        return (String(url[..<index]), String(url[index...]))
    }
}
