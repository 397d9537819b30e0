/// Applying findings' fixes to a body, and saying what each did.
enum TidyFixes {
    /// The body with the fixes made, and the findings whose fix was made (overlapping ones are left out).
    static func apply(_ findings: [PasteFinding], to body: String) -> (String, [PasteFinding]) {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        var applied: [PasteFinding] = []
        var deleted = Set<Int>()
        var byLine: [Int: [PasteFinding]] = [:]
        for finding in findings { byLine[finding.line, default: []].append(finding) }
        for (number, found) in byLine {
            var taken: [Range<Int>] = []
            for finding in found.sorted(by: { start(of: $0) > start(of: $1) }) {
                switch finding.fix {
                case let .replace(start, end, replacement)?:
                    guard !taken.contains(where: { $0.overlaps(start..<max(end, start + 1)) }) else { continue }
                    taken.append(start..<max(end, start + 1))
                    lines[number - 1].replaceSubrange(start..<end, with: replacement.unicodeScalars)
                case .deleteLine?: deleted.insert(number)
                case .joinNext?:
                    var next = number
                    while next < lines.count, lines[next].allSatisfy(PasteArtefacts.isSpace) {
                        deleted.insert(next + 1)
                        next += 1
                    }
                case nil: continue
                }
                applied.append(finding)
            }
        }
        // A table of contents removed takes its heading (目录) and the blank lines inside it along.
        for number in deleted.sorted() where number > 1 {
            var above = number - 1
            while above >= 1, lines[above - 1].allSatisfy(PasteArtefacts.isSpace) || isTOCHeading(lines[above - 1]) {
                if isTOCHeading(lines[above - 1]) { deleted.insert(above) }
                above -= 1
            }
        }
        // Blank lines left behind where lines were removed go too: one blank line stays between paragraphs.
        let blank = { (number: Int) in number >= 1 && number <= lines.count && lines[number - 1].allSatisfy(PasteArtefacts.isSpace) }
        for number in 1...max(1, lines.count) where blank(number) && !deleted.contains(number) {
            var above = number - 1
            while above >= 1, deleted.contains(above) { above -= 1 }
            if above < number - 1, above == 0 || blank(above) && !deleted.contains(above) { deleted.insert(number) }
        }
        let kept = lines.enumerated().filter { !deleted.contains($0.offset + 1) }
            .map { String(String.UnicodeScalarView($0.element)) }
        return (kept.joined(separator: "\n"), applied.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }

    private static func start(of finding: PasteFinding) -> Int {
        if case let .replace(start, _, _)? = finding.fix { return start }
        return Int.max
    }

    private static func isTOCHeading(_ scalars: [Unicode.Scalar]) -> Bool {
        String(String.UnicodeScalarView(scalars.filter { !PasteArtefacts.isSpace($0) && $0 != "#" && $0 != "*" })) == "目录"
    }

    static func describe(_ finding: PasteFinding) -> String {
        switch (finding.kind, finding.fix) {
        case (.hanSpace, _):
            return "删去汉字间的空格：“\(finding.found)” → “\(finding.found.filter { !" \t\u{3000}".contains($0) })”"
        case let (.halfwidthPunctuation, .replace(_, _, with)?): return "半角“\(finding.found)”改为“\(with)”"
        case (.bulletGlyph, _): return "项目符号“\(finding.found)”改为列表“- ”"
        case (.tocLine, _): return "删去目录行（页码“\(finding.found.trimmingCharacters(in: .whitespaces))”）"
        case (.brokenParagraph, _): return "与下一段合并（“\(finding.found)”）"
        default: return PasteWarning.name(finding.kind)
        }
    }
}
