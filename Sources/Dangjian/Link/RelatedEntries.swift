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
        let postingsByEntry = entries.map { $0.tags.compactMap { index[$0] } }
        // Chunks of entries share one dense counter array, cleared through the list of touched slots.
        let chunkSize = 256
        let chunks = Array(stride(from: 0, to: entries.count, by: chunkSize))
        return chunks.parallelMap { start in
            var counts = [Int32](repeating: 0, count: entries.count)
            var touched: [Int] = []
            return (start..<min(entries.count, start + chunkSize)).map { current in
                related(to: current, postings: postingsByEntry[current], counts: &counts, touched: &touched,
                        age: ranks, limit: limit)
            }
        }.flatMap { $0 }
    }

    private static func related(to current: Int, postings: [[Int]], counts: inout [Int32], touched: inout [Int],
                                age: [Int], limit: Int) -> [Int] {
        touched.removeAll(keepingCapacity: true)
        for members in postings {
            for other in members where other != current {
                if counts[other] == 0 { touched.append(other) }
                counts[other] += 1
            }
        }
        var best: [(index: Int, count: Int)] = []
        best.reserveCapacity(limit + 1)
        for other in touched {
            let candidate = (index: other, count: Int(counts[other]))
            counts[other] = 0
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
