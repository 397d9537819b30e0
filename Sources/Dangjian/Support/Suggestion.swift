/// "Did you mean" for values that must come from a list (series, branches, field names).
public enum Suggestion {
    /// The candidate closest to `value` by edit distance, when it is close enough to be a likely typo.
    public static func closest(to value: String, among candidates: [String]) -> String? {
        let typed = Array(value)
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let distance = editDistance(typed, Array(candidate))
            if best == nil || distance < best!.distance { best = (distance, candidate) }
        }
        guard let best else { return nil }
        let allowed = max(1, min(typed.count, best.candidate.count) / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// `，是否为“X”？` or nothing, to append to a message.
    static func phrase(for value: String, among candidates: [String]) -> String {
        guard let match = closest(to: value, among: candidates) else { return "" }
        return "，是否为“\(match)”？"
    }

    /// Edits to turn `a` into `b`: a character added, dropped or changed, or two neighbours swapped
    /// (`jsno` → `json`, the commonest slip of the fingers), each counting one.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
