import Foundation

/// ASCII URL names. Chinese becomes pinyin through ICU (`Han-Latin; Latin-ASCII`), syllables and
/// Han/Latin/digit boundaries are separated by hyphens: 先锋沙龙 → xian-feng-sha-long. Words ICU
/// reads wrong are taken from `PinyinWords` first (银行 → yin-hang, not yin-xing).
public enum Slug {
    /// `[a-z0-9-]+`, no leading, trailing or doubled hyphen.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else { return false }
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
        return slug
    }

    /// The name part of an entry file: `08-jia-feng.md` → `jia-feng`, `012-红色引擎.md` → `hong-se-yin-qing`,
    /// `2024-03-06-foo.md` → `foo`. A leading date or number is dropped because the URL carries it.
    public static func fromFileName(_ fileName: String, pinyin: PinyinWords = .builtIn) -> String {
        var stem = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        if let match = stem.prefixMatch(of: /\d{4}-\d{1,2}-\d{1,2}[-_ ]?/) ?? stem.prefixMatch(of: /\d+[-_ ]/) {
            let rest = stem[match.range.upperBound...]
            if !rest.isEmpty { stem = String(rest) }
        }
        return make(from: stem, pinyin: pinyin)
    }
}
