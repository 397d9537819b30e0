/// "Related" for every entry: the `limit` entries sharing the most tags with it; ties go to the
/// newer entry, then to the source path (one age rank per entry), so the result never depends on the run.
///
/// Counting every entry of every posting list of an entry's tags costs the lists' length, and a
/// common tag is on almost half of all entries: that is quadratic in the entry count. Instead the
/// shared counts are taken level by level, from the entry's tag count m down to 1. An entry sharing
/// k of the m tags is on k of the m lists, so it is on one of the m − k + 1 shortest; and every
/// list runs newest first. Level k walks those lists merged in age order and takes the entries
/// sharing exactly k tags (higher counts were all taken at their own levels) until enough are
/// found. Each walk stops after a few postings unless entries sharing k tags are rare among them.
enum RelatedEntries {
    static func compute(_ entries: [Entry], tags: [EntryGroup], order: EntryOrder, limit: Int = 5) -> [[Int]] {
        // Rank of every entry by date (newest = 0): the order of every group's members.
        let byAge = order.all
        var tagIndex: [String: Int] = [:]
        for (position, group) in tags.enumerated() { tagIndex[group.name] = position }
        let index = tagIndex
        let entryTags = entries.map { $0.tags.compactMap { index[$0] } }
        let ranking = Ranking(entryTags: entryTags, postings: tags.map(\.members), byAge: byAge, limit: limit)
        return ranking.all().related
    }

    /// The ranking on plain numbers: each entry's tag numbers (distinct), each tag's entries newest
    /// first, and every entry newest first.
    struct Ranking: Sendable {
        let limit: Int
        /// Per entry, its tags (positions in `postings`).
        let entryTags: [[Int]]
        /// Per tag, its entries' age ranks, ascending (newest first).
        let postings: [[Int32]]
        /// Entry index of each age rank.
        let byAge: [Int]

        init(entryTags: [[Int]], postings: [[Int]], byAge: [Int], limit: Int) {
            var age = [Int32](repeating: 0, count: byAge.count)
            for (rank, entry) in byAge.enumerated() { age[entry] = Int32(rank) }
            let ranks = age
            self.entryTags = entryTags
            self.postings = postings.map { $0.map { ranks[$0] }.sorted() }
            self.byAge = byAge
            self.limit = limit
        }

        /// Every entry's related entries, and the number of postings visited in all (for tests that
        /// hold the work linear in the entry count).
        func all() -> (related: [[Int]], visited: Int) {
            let chunkSize = 256
            let chunks = Array(stride(from: 0, to: entryTags.count, by: chunkSize))
            let results = chunks.parallelMap { start in
                (start..<min(entryTags.count, start + chunkSize)).map { related(to: $0) }
            }.flatMap { $0 }
            return (results.map(\.related), results.reduce(0) { $0 + $1.visited })
        }

        func related(to current: Int) -> (related: [Int], visited: Int) {
            let own = entryTags[current]
            // Shortest lists first; ties by tag number so the walk never depends on the run.
            let lists = own.sorted { (postings[$0].count, $0) < (postings[$1].count, $1) }.map { postings[$0] }
            // Levels cost about m² walks for m tags: an entry with many tags (10,000 written by
            // mistake, or a long list of tags on one entry) counts its lists' postings once instead.
            if own.count > Self.countingAbove { return counted(lists, current: current) }
            var best: [Int] = []
            var visited = 0
            var level = lists.count
            while level >= 1 && best.count < limit {
                visited += take(sharing: level, from: lists.prefix(lists.count - level + 1), own: own, current: current, into: &best)
                level -= 1
            }
            return (best, visited)
        }

        /// Above this many tags an entry's related entries are found by counting every posting of its lists.
        static let countingAbove = 16

        /// The entries sharing the most of the lists, newest first among equals: one pass over the postings.
        private func counted(_ lists: [[Int32]], current: Int) -> (related: [Int], visited: Int) {
            var shared: [Int32: Int] = [:]
            var visited = 0
            for list in lists {
                visited += list.count
                for rank in list where byAge[Int(rank)] != current { shared[rank, default: 0] += 1 }
            }
            let best = shared.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.prefix(limit)
            return (best.map { byAge[Int($0.key)] }, visited)
        }

        /// Walks `lists` merged in age order, appending to `best` the entries sharing exactly `level` of
        /// `own`'s tags until `best` is full; returns the postings visited.
        private func take(sharing level: Int, from lists: ArraySlice<[Int32]>, own: [Int], current: Int,
                          into best: inout [Int]) -> Int {
            var cursors = [Int](repeating: 0, count: lists.count)
            var visited = 0
            var last: Int32 = -1
            while best.count < limit {
                var next: Int32 = .max
                var from = -1
                for (offset, list) in zip(lists.indices, lists) {
                    let cursor = cursors[offset - lists.startIndex]
                    if cursor < list.count, list[cursor] < next { next = list[cursor]; from = offset - lists.startIndex }
                }
                guard from >= 0 else { break }
                cursors[from] += 1
                visited += 1
                guard next != last else { continue }
                last = next
                let other = byAge[Int(next)]
                if other != current, shared(entryTags[other], own) == level { best.append(other) }
            }
            return visited
        }

        private func shared(_ a: [Int], _ b: [Int]) -> Int {
            var count = 0
            for tag in a where b.contains(tag) { count += 1 }
            return count
        }
    }
}
