/// Tables written as HTML (Markdown as libcmark reads it has no tables; `dangjian import` writes
/// Word's tables this way) are kept even when raw HTML is not allowed: a block made only of table
/// tags (and p, br, strong, em, b, i, sup, sub) is written again with no attributes but `colspan`
/// and `rowspan`; anything else in it and the block is left out as raw HTML is.
enum TableHTML {
    static let allowed: Set<String> = ["table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
                                       "p", "br", "strong", "em", "b", "i", "sup", "sub"]
    private static let dropped: Set<String> = ["colgroup", "col"]

    /// The block written safely, or nil when it is not a table or holds anything else.
    static func sanitized(_ html: String) -> String? {
        let trimmed = html.drop { $0 == " " || $0 == "\n" }
        guard trimmed.lowercased().hasPrefix("<table") else { return nil }
        var output = ""
        var rest = Substring(html)
        var depth = 0
        while let open = rest.firstIndex(of: "<") {
            let text = rest[..<open]
            if depth == 0 { output += text }
            guard let close = rest[open...].firstIndex(of: ">") else { return nil }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            guard let written = self.tag(tag) else { return nil }
            if let name = written.name, dropped.contains(name) {
                if name == "colgroup" { depth += written.closing ? -1 : 1 }
                continue
            }
            if depth == 0 { output += written.text }
        }
        guard !rest.contains(">") else { return nil }
        // Whitespace between rows does not show; the lines of dropped column tags go.
        return (output + rest).replacingOccurrences(of: "\n\n", with: "\n")
    }

    /// `td colspan="2" class="x"` → `<td colspan="2">`; nil for a tag not allowed.
    private static func tag(_ inside: Substring) -> (text: String, name: String?, closing: Bool)? {
        let closing = inside.hasPrefix("/")
        let body = inside.drop { $0 == "/" }
        let name = body.prefix { $0.isLetter }.lowercased()
        guard allowed.contains(name) else { return nil }
        var attributes = ""
        for match in body.matches(of: /(colspan|rowspan)\s*=\s*"?(\d{1,3})"?/) {
            attributes += " \(match.output.1)=\"\(match.output.2)\""
        }
        let selfClosing = name == "br" || name == "col"
        return ("<" + (closing ? "/" : "") + name + (closing ? "" : attributes) + (selfClosing && !closing ? " />" : ">"),
                name, closing)
    }
}
