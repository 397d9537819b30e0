import DangjianTestSupport
import Foundation
import Testing

/// One kind of bad input: what is written over a good site, and what the writer must be told.
struct BadInput: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable {
        /// An error: exit status 1, the previous site/ and every file of the root unchanged.
        case error
        /// A warning: exit status 0, the site built, no content or theme file changed.
        case warning
        /// Not a problem for the writer at all, only for the machine: it builds, in bounded time.
        case builds
    }

    /// A file text cannot carry: its path as bytes (names invalid in UTF-8) and its bytes.
    struct RawFile: Sendable {
        let path: [UInt8]
        let bytes: [UInt8]
    }

    let kind: String
    /// Files written over the good site, in TestSite's inline format (`-- path --`, then the text).
    var input = ""
    var raw: [RawFile] = []
    var removed: [String] = []
    /// The diagnostic expected ("" for `.builds`) …
    var code = ""
    /// … and where: `file:line`, or the file alone when the problem concerns the whole file.
    var at = ""
    var outcome = Outcome.error
    /// Codes that must not be reported: what follows from a broken site.yml is held back.
    var heldBack: [String] = []
    /// Each run of the binary (build, then check) must end within this, on a loaded 2-core machine.
    var seconds = 20.0

    var testDescription: String { kind }
}

/// Inline pieces the rows are written with.
enum Bad {
    static let talkPath = "content/talks/2024/03/07-b.md"

    /// A second talk, with `fields` from line 6 of its file and `body` after the closing `---`.
    static func talk(_ fields: String = "", title: String = "晨学二讲", date: String = "2024-03-07", body: String = "正文。") -> String {
        "-- \(talkPath) --\n" + Fixtures.talk(fields, title: title, date: date, body: body)
    }

    /// A salon with `extra` on line 6.
    static func salon(_ file: String = "001-a", issue: String = "1", date: String = "2024-03-06", _ extra: String = "") -> String {
        "-- content/salons/\(file).md --\n---\ntitle: 沙龙\ndate: \(date)\nissue: \(issue)\nhost: jiguan-1\n\(extra)\n---\n正文\n"
    }

    static let brand = "-- content/brands/a.md --\n---\ntitle: 品牌\ndate: 2024-03-06\nbranch: jiguan-1\ncategory: 思路引领\n---\n正文\n"

    /// The good site.yml with `lines` from line 11 on.
    static func siteYML(_ lines: String) -> String { Fixtures.siteYML + "\n" + lines + "\n" }

    /// Nine values, then `levels - 1` lists of nine aliases of the list before: 9^levels values expanded.
    static func aliasBomb(levels: Int = 9, key: String = "a") -> String {
        var lines = ["\(key)0: &\(key)0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1..<levels {
            lines.append("\(key)\(level): &\(key)\(level) [" + Array(repeating: "*\(key)\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n")
    }

    static func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        return bytes
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Site-config problems that would otherwise be blamed on the entries.
    static let consequences = ["unknown-branch", "unknown-category", "unknown-series", "unknown-host", "missing-field"]
}
