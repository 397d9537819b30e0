import Foundation

/// Gives the pictures of a body shown on its entry page their web versions: `src` the page width,
/// `srcset` every page width, `width`/`height` so the page does not jump while they load. One pass
/// over the HTML. Bulletins and boards show the body as it is, with the originals (they print).
enum PictureHTML {
    static let sizes = "(max-width: 840px) 100vw, 800px"
    private static let opening = Array("<img src=\"".utf8)

    static func withWebVersions(_ html: String, entry: Entry, body: EntryBody, pictures: PictureSet) -> String {
        guard !body.pictures.isEmpty, !pictures.pictures.isEmpty else { return html }
        var byDestination: [String: ProcessedPicture] = [:]
        for use in body.pictures {
            if let picture = pictures[use.source] { byDestination[AssetPlacement.beside(entry, source: use.source).destination] = picture }
        }
        guard !byDestination.isEmpty else { return html }
        let bytes = Array(html.utf8)
        let marker = Array(SitePath.rootMarker.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 256 * byDestination.count)
        var index = 0
        while let start = find(opening, in: bytes, from: index) {
            let valueStart = start + opening.count
            guard let end = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            let value = bytes[valueStart..<end]
            result += bytes[index..<start]
            if value.starts(with: marker), let picture = byDestination[decode(Array(value.dropFirst(marker.count)))] {
                result += Array(tag(picture).utf8)
                index = end + 1
            } else {
                result += bytes[start..<valueStart]
                index = valueStart
            }
        }
        result += bytes[index...]
        return String(decoding: result, as: UTF8.self)
    }

    /// The start of the new tag, up to where the old one's `src` ended (its `alt` and the rest follow).
    static func tag(_ picture: ProcessedPicture) -> String {
        let page = picture.page, marker = SitePath.rootMarker
        return "<img src=\"\(marker)\(XMLText.escape(page.path))\" srcset=\"\(picture.srcset(marker))\" sizes=\"\(sizes)\""
            + " width=\"\(page.width)\" height=\"\(page.height)\" loading=\"lazy\" decoding=\"async\""
    }

    /// A `src` as libcmark wrote it (entities, percent-escapes) → the address it names.
    private static func decode(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "&amp;", with: "&")
        return text.removingPercentEncoding ?? text
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            guard let first = bytes[index...last].firstIndex(of: needle[0]) else { return nil }
            if bytes[first..<first + needle.count].elementsEqual(needle) { return first }
            index = first + 1
        }
        return nil
    }
}
