import Foundation

/// The page numbers of a PDF's named destinations, read from the PDF Chromium printed.
///
/// Chromium (Skia) writes a named destination for every element a link of the page points to
/// (`<a href="#entry-3">` → `/entry-3 [12 0 R /XYZ …]` in the catalog's `/Dests`), and writes the
/// catalog, the page tree and the destinations as plain objects found through a classic
/// cross-reference table. That is all this reads: the object offsets, the catalog, the page tree in
/// order, and the destinations' page objects. It is how contents pages learn the page each entry
/// starts on (Chromium has no `target-counter()`), without any tool beyond the browser.
enum PDFDestinations {
    /// Page numbers (from 1) by destination name, or nil when the file is not laid out as expected.
    static func pages(in pdf: Data) -> [String: Int]? {
        let reader = ObjectReader(bytes: [UInt8](pdf))
        guard let catalog = reader.trailerRoot().flatMap(reader.object),
              let pagesRoot = reference(after: "/Pages", in: catalog) else { return nil }
        var order: [Int: Int] = [:]
        var pending = [pagesRoot]
        var visited = Set<Int>()
        // Depth first, kids in order: the page tree's leaves in reading order.
        while let node = pending.popLast(), visited.insert(node).inserted, visited.count < 1_000_000 {
            guard let text = reader.object(node) else { return nil }
            if text.range(of: #"/Type\s*/Pages\b"#, options: .regularExpression) != nil {
                pending += references(inArray: "/Kids", of: text).reversed()
            } else {
                order[node] = order.count + 1
            }
        }
        let dests: String
        if let number = reference(after: "/Dests", in: catalog) {
            guard let text = reader.object(number) else { return nil }
            dests = text
        } else if let inline = catalog.range(of: "/Dests") {
            dests = String(catalog[inline.upperBound...])
        } else {
            return [:]
        }
        var found: [String: Int] = [:]
        let pattern = try! NSRegularExpression(pattern: #"/([^\s/\[\]()<>{}%]+)\s*\[\s*(\d+)\s+\d+\s+R"#)
        let range = NSRange(dests.startIndex..., in: dests)
        for match in pattern.matches(in: dests, range: range) {
            guard let name = Range(match.range(at: 1), in: dests), let object = Range(match.range(at: 2), in: dests),
                  let page = Int(dests[object]).flatMap({ order[$0] }) else { continue }
            found[decodeName(String(dests[name]))] = page
        }
        return found
    }

    /// The object number of `key N 0 R` in a dictionary's text.
    private static func reference(after key: String, in text: String) -> Int? {
        guard let range = text.range(of: key + #"\s+(\d+)\s+\d+\s+R"#, options: .regularExpression) else { return nil }
        return Int(text[range].dropFirst(key.count).split(whereSeparator: \.isWhitespace).first ?? "")
    }

    /// The object numbers of `key [a 0 R b 0 R …]`.
    private static func references(inArray key: String, of text: String) -> [Int] {
        guard let start = text.range(of: key), let open = text[start.upperBound...].firstIndex(of: "["),
              let close = text[open...].firstIndex(of: "]") else { return [] }
        let parts = text[text.index(after: open)..<close].split(whereSeparator: \.isWhitespace)
        return stride(from: 0, to: parts.count - 2, by: 3).compactMap { parts[$0 + 2] == "R" ? Int(parts[$0]) : nil }
    }

    /// `#20`-style escapes of PDF names.
    private static func decodeName(_ name: String) -> String {
        guard name.contains("#") else { return name }
        var bytes: [UInt8] = []
        var characters = Array(name.utf8)[...]
        while let byte = characters.popFirst() {
            if byte == UInt8(ascii: "#"), characters.count >= 2,
               let value = UInt8(String(decoding: characters.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                characters = characters.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Objects of a PDF by number, through its cross-reference table.
private struct ObjectReader {
    let bytes: [UInt8]
    private(set) var offsets: [Int: Int] = [:]
    private var trailer = ""

    init(bytes: [UInt8]) {
        self.bytes = bytes
        let tail = text(from: max(0, bytes.count - 1024), to: bytes.count)
        guard let mark = tail.range(of: "startxref", options: .backwards),
              let start = Int(tail[mark.upperBound...].split(whereSeparator: \.isWhitespace).first ?? ""),
              start < bytes.count else { return }
        let table = text(from: start, to: bytes.count)
        guard table.hasPrefix("xref"), let trailerMark = table.range(of: "trailer") else { return }
        trailer = String(table[trailerMark.upperBound...].prefix(4096))
        var lines = table[..<trailerMark.lowerBound].split(whereSeparator: \.isNewline).dropFirst().makeIterator()
        while let header = lines.next() {
            let numbers = header.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
            guard numbers.count == 2 else { return }
            for object in numbers[0]..<numbers[0] + numbers[1] {
                guard let entry = lines.next()?.split(whereSeparator: \.isWhitespace), entry.count >= 3 else { return }
                if entry[2] == "n", let offset = Int(entry[0]) { offsets[object] = offset }
            }
        }
    }

    func trailerRoot() -> Int? {
        guard let range = trailer.range(of: #"/Root\s+(\d+)"#, options: .regularExpression) else { return nil }
        return Int(trailer[range].dropFirst(5).trimmingCharacters(in: .whitespaces))
    }

    /// An object's text up to its `endobj` or its stream data (dictionaries only are needed).
    func object(_ number: Int) -> String? {
        guard let offset = offsets[number], offset < bytes.count else { return nil }
        let end = firstOf(["endobj", "stream"], from: offset) ?? bytes.count
        let text = text(from: offset, to: end)
        return text.hasPrefix("\(number) ") ? text : nil
    }

    /// Where the first of `words` starts at or after `start`.
    private func firstOf(_ words: [String], from start: Int) -> Int? {
        let patterns = words.map { Array($0.utf8) }
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "s"),
               patterns.contains(where: { index + $0.count <= bytes.count && bytes[index..<index + $0.count].elementsEqual($0) }) {
                return index
            }
            index += 1
        }
        return nil
    }

    private func text(from start: Int, to end: Int) -> String {
        String(bytes: bytes[start..<end], encoding: .isoLatin1) ?? ""
    }
}
