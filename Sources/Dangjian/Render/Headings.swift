import Foundation

/// Anchors of one body's headings: the heading's text as a slug (pinyin for Chinese), made unique
/// within the body by `-2`, `-3` …; `section` when the text gives no ASCII at all. The theme's own
/// ids are never given out.
struct Anchors {
    /// Ids of the theme, and `title` (bulletins prefix ids with `entry-N-`, and `entry-N-title` is theirs).
    static let reserved: Set<String> = ["main", "content", "title", "toc", "toc-title", "board-title", "board-highlights-title"]
    private var used = Anchors.reserved

    /// `made` (the heading's slug), or the same with a number when an earlier heading has it.
    mutating func next(_ made: String) -> String {
        let base = made.isEmpty ? "section" : made
        var candidate = base
        var number = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }
}

/// Bulletins show several bodies on one page: each body's heading ids get the body's own anchor in
/// front (`entry-3-yi-yin-hang`), so no two elements of the page share an id.
enum HeadingAnchors {
    /// `<h2 id="x">` … `<h4 id="x">` become `<h2 id="<prefix>-x">`: one pass over the bytes.
    static func prefixed(_ html: String, with prefix: String) -> String {
        let marker = Array(" id=\"".utf8)
        let bytes = Array(html.utf8)
        var result: [UInt8] = []
        var copied = 0
        var index = 0
        while index + 3 + marker.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "h"),
               (UInt8(ascii: "2")...UInt8(ascii: "4")).contains(bytes[index + 2]),
               bytes[(index + 3)..<(index + 3 + marker.count)].elementsEqual(marker) {
                let end = index + 3 + marker.count
                if result.isEmpty { result.reserveCapacity(bytes.count + 256) }
                result += bytes[copied..<end]
                result += prefix.utf8
                result.append(UInt8(ascii: "-"))
                copied = end
                index = end
            } else {
                index += 1
            }
        }
        guard copied > 0 else { return html }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }
}

/// The table of contents of an entry page: shown when the body has at least `minimumHeadings`
/// headings (levels 2–4), so short entries stay uncluttered.
enum TableOfContents {
    static let minimumHeadings = 3

    static func values(_ headings: [MarkdownHeading]) -> TemplateValue? {
        guard headings.count >= minimumHeadings else { return nil }
        let top = headings.map(\.level).min() ?? 2
        return .list(headings.map { heading in
            .map(TemplateMap(["text": .text(heading.text), "anchor": .text(heading.anchor), "level": .number(heading.level),
                              "depth": .number(heading.level - top), "isNested": .flag(heading.level > top)]))
        })
    }
}
