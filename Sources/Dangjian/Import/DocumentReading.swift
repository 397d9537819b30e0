import Foundation

/// What a converted document says about itself: its title, date and fields written at its top
/// (主讲人：王建华), and the body left once those lines are taken out.
struct DocumentReading: Sendable {
    var title: String?
    var date: EntryDate?
    /// Field values found in the text, by field name, as written.
    var values: [String: String] = [:]
    /// 第12期 in the title or the file name.
    var number: Int?
    var body: String

    /// Reads pandoc's Markdown of a document whose file name (without extension) is `stem`.
    init(markdown: String, stem: String, kind: EntryKind) {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let top = Self.topLines(lines)
        var taken = Set<Int>()
        var textDate: EntryDate?
        if let (index, text) = Self.titleLine(lines, top: top) {
            title = text
            taken.insert(index)
        }
        for index in top where !taken.contains(index) {
            if let found = Self.fields(in: lines[index], kind: kind) {
                values.merge(found.values) { first, _ in first }
                if let date = found.date, textDate == nil { textDate = date }
                if found.wholeLine { taken.insert(index) }
            }
        }
        date = DateFinder.find(in: stem) ?? textDate
        number = Self.number(in: stem) ?? title.flatMap(Self.number(in:))
        if title == nil { title = Self.title(fromFileName: stem) }
        lines = lines.enumerated().filter { !taken.contains($0.offset) }.map(\.element)
        body = Self.tidyBody(Self.demotingHeadings(lines))
    }

    /// Indexes of the lines before the body proper: the first 12 non-blank lines, up to the first long paragraph.
    private static func topLines(_ lines: [String]) -> [Int] {
        var result: [Int] = []
        for (index, line) in lines.enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if text.hasPrefix("```") || result.count >= 12 { break }
            result.append(index)
            if text.count > 60 && !text.hasPrefix("#") { break }
        }
        return result
    }

    /// The first heading, or a short bold first line, when it comes before the body proper.
    private static func titleLine(_ lines: [String], top: [Int]) -> (Int, String)? {
        for index in top.prefix(4) {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if let heading = line.wholeMatch(of: /\#{1,6}\s+(.+?)\s*\#*/) { return (index, plain(String(heading.output.1))) }
            if let bold = line.wholeMatch(of: /\*\*([^*]{2,60})\*\*/), !containsSentenceEnd(String(bold.output.1)) {
                return (index, plain(String(bold.output.1)))
            }
        }
        return nil
    }

    struct FoundFields {
        var values: [String: String] = [:]
        var date: EntryDate?
        /// Every part of the line was a label and its value: the line can go.
        var wholeLine = true
    }

    /// `主讲人：王建华　　时间：2024年3月6日`: the kind's fields by their Chinese labels, and a date.
    private static func fields(in line: String, kind: EntryKind) -> FoundFields? {
        let parts = line.split(whereSeparator: { $0 == "\u{3000}" || $0 == "\t" }).flatMap { $0.components(separatedBy: "  ") }
            .map { plain($0) }.filter { !$0.isEmpty }
        var found = FoundFields()
        var any = false
        for part in parts {
            if let date = DateFinder.find(in: part), part.count <= 24 {
                found.date = date
                any = true
                continue
            }
            guard let match = part.wholeMatch(of: /([^：:]{1,8})[：:]\s*(.+)/) else { found.wholeLine = false; continue }
            let label = String(match.output.1).trimmingCharacters(in: .whitespaces)
            let value = String(match.output.2).trimmingCharacters(in: CharacterSet(charactersIn: " 。；;"))
            if let field = kind.fields.first(where: { $0.label == label && isTextual($0) }), !value.isEmpty {
                found.values[field.name] = value
                any = true
            } else if ["时间", "日期"].contains(label), let date = DateFinder.find(in: value) {
                found.date = date
                any = true
            } else {
                found.wholeLine = false
            }
        }
        return any ? found : nil
    }

    private static func isTextual(_ field: FieldSpec) -> Bool {
        switch field.type {
        case .text, .texts, .choice, .branch, .reference: return true
        case .positiveInteger, .positiveNumber, .flag, .asset, .branchScores: return false
        }
    }

    static func number(in text: String) -> Int? {
        text.firstMatch(of: /第\s*(\d{1,4})\s*期/).flatMap { Int($0.output.1) }
    }

    /// `2024年3月6日 家风是最好的传承` → `家风是最好的传承`; a leading number or date and separators go.
    static func title(fromFileName stem: String) -> String {
        var text = stem.replacing(/^\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-._]?\d{1,2}[-._]?\d{1,2}|\d+)/, with: "")
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: " -_.、，,：:\u{3000}"))
        return text.isEmpty ? stem : text
    }

    /// Markdown marks taken off a short line: `**王建华**` → 王建华.
    static func plain(_ text: some StringProtocol) -> String {
        String(text).replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "\\", with: "")
            .trimmingCharacters(in: .whitespaces)
    }

    private static func containsSentenceEnd(_ text: String) -> Bool {
        text.contains { "。！？；!?;".contains($0) }
    }

    /// The page shows the title as its only level-1 heading: when the document's sections are level 1, all go one down.
    private static func demotingHeadings(_ lines: [String]) -> [String] {
        var inFence = false
        var levels: [Int] = []
        for line in lines {
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle(); continue }
            if !inFence, let match = line.prefixMatch(of: #/(\#{1,6}) /#) { levels.append(match.output.1.count) }
        }
        guard let lowest = levels.min(), lowest < 2 else { return lines }
        inFence = false
        return lines.map { line in
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle(); return line }
            guard !inFence, line.prefixMatch(of: #/\#{1,5} /#) != nil else { return line }
            return "#" + line
        }
    }

    /// Runs of blank lines become one; none at the start or end.
    private static func tidyBody(_ lines: [String]) -> String {
        var result: [String] = []
        for line in lines {
            let blank = line.trimmingCharacters(in: .whitespaces).isEmpty
            if blank && (result.last?.isEmpty ?? true) { continue }
            result.append(blank ? "" : line)
        }
        while result.last?.isEmpty == true { result.removeLast() }
        return result.isEmpty ? "" : result.joined(separator: "\n") + "\n"
    }
}

/// Dates as Chinese documents and file names write them: 2024年3月6日, 2024-03-06, 2024.3.6, 20240306.
enum DateFinder {
    static func find(in text: String) -> EntryDate? {
        if let match = text.firstMatch(of: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/) {
            return date(match.output.1, match.output.2, match.output.3)
        }
        if let match = text.firstMatch(of: /(?:^|\D)(\d{4})[-._\/](\d{1,2})[-._\/](\d{1,2})(?!\d)/) {
            return date(match.output.1, match.output.2, match.output.3)
        }
        if let match = text.firstMatch(of: /(?:^|\D)(20\d{2}|19\d{2})(\d{2})(\d{2})(?!\d)/) {
            return date(match.output.1, match.output.2, match.output.3)
        }
        return nil
    }

    private static func date(_ year: Substring, _ month: Substring, _ day: Substring) -> EntryDate? {
        guard let y = Int(year), let m = Int(month), let d = Int(day) else { return nil }
        return EntryDate(parsing: String(format: "%04d-%02d-%02d", y, m, d))
    }
}
