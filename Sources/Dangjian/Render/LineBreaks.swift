/// Whether a soft line break (a newline inside a paragraph) is dropped or shown as a space.
///
/// Chinese is written without spaces, so a hard-wrapped Chinese paragraph must not get one at
/// each line end (“坚持 每天一讲”). A break is dropped when the characters on both sides are wide
/// and written without spaces (Han, kana, fullwidth punctuation; not Hangul, not emoji), or when
/// one is such a character and the other Chinese punctuation of ambiguous width (“ ” ‘ ’ … —
/// ·), which Latin fonts show narrow but Chinese text uses as its own. Everything else keeps its
/// space: Latin words, Han next to Latin or digits, Korean, `Hello,\nworld`.
enum LineBreaks {
    static func joins(_ before: Unicode.Scalar?, _ after: Unicode.Scalar?) -> Bool {
        guard let before, let after else { return false }
        let wideBefore = CJKCharacters.isWideUnspaced(before)
        let wideAfter = CJKCharacters.isWideUnspaced(after)
        if wideBefore && wideAfter { return true }
        return (wideBefore && CJKCharacters.isAmbiguousChinesePunctuation(after))
            || (wideAfter && CJKCharacters.isAmbiguousChinesePunctuation(before))
    }
}
