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
    static func prefixed(_ html: String, with prefix: String) -> String {
        guard html.contains(" id=\"") else { return html }
        var result = html
        for level in 2...4 {
            result = result.replacingOccurrences(of: "<h\(level) id=\"", with: "<h\(level) id=\"\(prefix)-")
        }
        return result
    }
}

/// The table of contents of an entry page: shown when the body has at least `minimumHeadings`
/// headings (levels 2–4), so short entries stay uncluttered.
enum TableOfContents {
    static let minimumHeadings = 3

    static func values(_ headings: [MarkdownHeading]) -> [[String: Any]]? {
        guard headings.count >= minimumHeadings else { return nil }
        let top = headings.map(\.level).min() ?? 2
        return headings.map { heading in
            ["text": heading.text, "anchor": heading.anchor, "level": heading.level, "depth": heading.level - top,
             "isNested": heading.level > top]
        }
    }
}
