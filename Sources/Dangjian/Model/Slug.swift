import Foundation

/// ASCII URL names. Chinese becomes pinyin through ICU (`Han-Latin; Latin-ASCII`), syllables and
/// Han/Latin/digit boundaries are separated by hyphens: 先锋沙龙 → xian-feng-sha-long. Words ICU
/// reads wrong are taken from `PinyinWords` first (银行 → yin-hang, not yin-xing).
public enum Slug {
    /// The longest URL name: a folder name on disk holds 255 bytes, with room for a `DD-` or `NNN-` before it.
    public static let maximumLength = 100

    /// `[a-z0-9-]+`, no leading, trailing or doubled hyphen, at most `maximumLength` characters.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= maximumLength, !text.hasPrefix("-"), !text.hasSuffix("-"),
              !text.contains("--") else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    public static func make(from text: String, pinyin: PinyinWords = .builtIn) -> String {
        // ICU is only needed for text beyond ASCII; most file names are pinyin already.
        let latin = text.utf8.allSatisfy({ $0 < 0x80 }) ? text : LatinReadings.shared.latin(pinyin.applied(to: text))
        var slug = ""
        var pendingHyphen = false
        for scalar in latin.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else if scalar != "'" {
                pendingHyphen = true
            }
        }
        return shortened(slug)
    }

    /// A name longer than `maximumLength` (the pinyin of a long Chinese title) cut after its last
    /// whole syllable that fits.
    static func shortened(_ slug: String) -> String {
        guard slug.utf8.count > maximumLength else { return slug }
        let head = slug.prefix(maximumLength + 1)
        guard let hyphen = head.lastIndex(of: "-"), hyphen > head.startIndex else { return String(slug.prefix(maximumLength)) }
        return String(head[..<hyphen])
    }

    /// The name part of an entry file: `08-jia-feng.md` → `jia-feng`, `012-红色引擎.md` → `hong-se-yin-qing`,
    /// `2024-03-06-foo.md` → `foo`. A leading date or number is dropped because the URL carries it.
    public static func fromFileName(_ fileName: String, pinyin: PinyinWords = .builtIn) -> String {
        let stem = fileName.hasSuffix(".md") ? Substring(fileName.dropLast(3)) : Substring(fileName)
        let rest = stem.dropFirst(leadingNumberLength(stem))
        return make(from: String(rest.isEmpty ? stem : rest), pinyin: pinyin)
    }

    /// Length of a leading `YYYY-M-D` (with an optional separator after it) or `N` followed by a
    /// separator (`-`, `_` or space); 0 when the name starts otherwise.
    static func leadingNumberLength(_ stem: Substring) -> Int {
        let scalars = Array(stem.unicodeScalars.prefix(64))
        func digits(from start: Int) -> Int {
            var end = start
            while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
            return end - start
        }
        func isSeparator(_ at: Int) -> Bool { at < scalars.count && ["-", "_", " "].contains(scalars[at]) }
        let first = digits(from: 0)
        guard first > 0 else { return 0 }
        if first == 4, scalars.count > 4, scalars[4] == "-" {
            let month = min(2, digits(from: 5))
            if (1...2).contains(month), 5 + month < scalars.count, scalars[5 + month] == "-" {
                let day = min(2, digits(from: 6 + month))
                if (1...2).contains(day) {
                    let end = 6 + month + day
                    return isSeparator(end) ? end + 1 : end
                }
            }
        }
        return isSeparator(first) ? first + 1 : 0
    }
}
