/// "Related" for every entry: the entries sharing the most tags with it, through an inverted index
/// (tag → entries), so the cost follows the tags' postings rather than the square of the entry count.
/// Ties go to the newer entry, then to the source path, so the result never depends on the run.
enum RelatedEntries {
    static func compute(_ entries: [Entry], tags: [EntryGroup], limit: Int = 5) -> [[Int]] {
        var postings: [String: [Int]] = [:]
        for group in tags { postings[group.name] = group.members }
        let index = postings
        // Rank of every entry by date (newest = 0), to break ties with one integer comparison.
        let byAge = Taxonomies.newestFirst(Array(entries.indices), in: entries)
        var age = [Int](repeating: 0, count: entries.count)
        for (rank, entry) in byAge.enumerated() { age[entry] = rank }
        let ranks = age
        return Array(entries.indices).parallelMap { current in
            related(to: current, entries: entries, postings: index, age: ranks, limit: limit)
        }
    }

    private static func related(to current: Int, entries: [Entry], postings: [String: [Int]], age: [Int], limit: Int) -> [Int] {
        let tags = entries[current].tags
        guard !tags.isEmpty else { return [] }
        var shared: [Int: Int] = [:]
        for tag in tags {
            for other in postings[tag] ?? [] where other != current {
                shared[other, default: 0] += 1
            }
        }
        var best: [(index: Int, count: Int)] = []
        best.reserveCapacity(limit + 1)
        for (other, count) in shared {
            let candidate = (index: other, count: count)
            if best.count == limit, let last = best.last, !isBetter(candidate, than: last, age: age) { continue }
            let position = best.firstIndex(where: { isBetter(candidate, than: $0, age: age) }) ?? best.count
            best.insert(candidate, at: position)
            if best.count > limit { best.removeLast() }
        }
        return best.map(\.index)
    }

    private static func isBetter(_ a: (index: Int, count: Int), than b: (index: Int, count: Int), age: [Int]) -> Bool {
        if a.count != b.count { return a.count > b.count }
        return age[a.index] < age[b.index]
    }
}
