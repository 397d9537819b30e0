/// Anchors of one body's headings: the heading's text as a slug (pinyin for Chinese), made unique
/// within the body by `-2`, `-3` …; `section` when the text gives no ASCII at all.
struct Anchors {
    private var used: Set<String> = []

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
