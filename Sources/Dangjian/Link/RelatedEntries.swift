/// "Related" for every entry: the `limit` entries sharing the most tags with it; ties go to the
/// newer entry, then to the source path (one age rank per entry), so the result never depends on the run.
///
/// Counting every entry of every posting list of an entry's tags costs the lists' length, and a
/// common tag is on almost half of all entries: that is quadratic in the entry count. Instead the
/// shared counts are taken level by level, from the entry's tag count m down to 1. An entry sharing
/// k of the m tags is on k of the m lists, so it is on one of the m − k + 1 shortest; and every
/// list runs newest first. Level k walks those lists merged in age order and takes the entries
/// sharing exactly k tags (higher counts were all taken at their own levels) until enough are
/// found.
///
/// When few entries share k ≥ 2 tags, that walk still passes over most of a tag's list for nothing.
/// So each pair of tags that some entry carries has its own list too (the entries carrying both):
/// an entry sharing k of the m tags is on k(k−1)/2 of the m(m−1)/2 pair lists, so on one of the
/// m(m−1)/2 − k(k−1)/2 + 1 shortest, and those are a small share of the single lists when tags are
/// many. Each level walks whichever of the two choices holds fewer postings.
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
        /// Per pair of tags some entry of at most `countingAbove` tags carries (`pairKey`), the age
        /// ranks of the entries carrying both, ascending.
        let pairs: [UInt64: [Int32]]
        /// The age ranks of the entries of more than `countingAbove` tags, ascending: on no pair list,
        /// they are walked with every level's pair lists.
        let wide: [Int32]

        init(entryTags: [[Int]], postings: [[Int]], byAge: [Int], limit: Int) {
            var age = [Int32](repeating: 0, count: byAge.count)
            for (rank, entry) in byAge.enumerated() { age[entry] = Int32(rank) }
            let ranks = age
            self.entryTags = entryTags
            self.postings = postings.map { $0.map { ranks[$0] }.sorted() }
            self.byAge = byAge
            self.limit = limit
            var pairs: [UInt64: [Int32]] = [:]
            var wide: [Int32] = []
            for (rank, entry) in byAge.enumerated() {
                let own = entryTags[entry]
                guard own.count <= Self.countingAbove else { wide.append(Int32(rank)); continue }
                for first in own.indices {
                    for second in own.indices.dropFirst(first + 1) where own[first] != own[second] {
                        pairs[Self.pairKey(own[first], own[second]), default: []].append(Int32(rank))
                    }
                }
            }
            self.pairs = pairs
            self.wide = wide
        }

        static func pairKey(_ a: Int, _ b: Int) -> UInt64 {
            UInt64(min(a, b)) << 32 | UInt64(max(a, b))
        }

        /// Every entry's related entries, and the number of postings visited in all (for tests that
        /// hold the work linear in the entry count). Entries with the same tags have the same related
        /// entries but for themselves: each set of tags is ranked once, one deeper, and each of its
        /// entries leaves itself out. (An entry with more than `countingAbove` tags is ranked alone.)
        func all() -> (related: [[Int]], visited: Int) {
            var work: [(own: [Int], current: Int)] = []
            var workOf = [Int](repeating: 0, count: entryTags.count)
            var known: [[Int]: Int] = [:]
            for (entry, own) in entryTags.enumerated() {
                let key = own.count > Self.countingAbove ? own : own.sorted()
                if own.count <= Self.countingAbove, let found = known[key] { workOf[entry] = found; continue }
                if own.count <= Self.countingAbove { known[key] = work.count }
                workOf[entry] = work.count
                work.append(own.count > Self.countingAbove ? (own, entry) : (key, -1))
            }
            let chunkSize = 256
            let items = work
            let chunks = Array(stride(from: 0, to: items.count, by: chunkSize))
            let results = chunks.parallelMap { start in
                items[start..<min(items.count, start + chunkSize)].map { item in
                    related(sharing: item.own, excluding: item.current, want: limit + (item.current < 0 ? 1 : 0))
                }
            }.flatMap { $0 }
            let ranked = entryTags.indices.map { entry in Array(results[workOf[entry]].related.lazy.filter { $0 != entry }.prefix(limit)) }
            return (ranked, results.reduce(0) { $0 + $1.visited })
        }

        /// The `want` entries other than `current` (-1: none left out) sharing the most of `own`'s tags.
        func related(sharing own: [Int], excluding current: Int, want: Int) -> (related: [Int], visited: Int) {
            // Shortest lists first; ties by tag number so the walk never depends on the run.
            let lists = own.sorted { (postings[$0].count, $0) < (postings[$1].count, $1) }.map { postings[$0] }
            // Levels cost about m² walks for m tags: an entry with many tags (10,000 written by
            // mistake, or a long list of tags on one entry) counts its lists' postings once instead.
            if own.count > Self.countingAbove { return counted(lists, current: current, want: want) }
            let pairLists = self.pairLists(of: own)
            var best: [Int] = []
            var visited = 0
            var level = lists.count
            while level >= 1 && best.count < want {
                let singles = lists.prefix(lists.count - level + 1)
                let byPairs = (pairLists.prefix(max(0, pairLists.count - level * (level - 1) / 2 + 1)) + [wide])[...]
                let walked = level >= 2 && Self.postings(in: byPairs) < Self.postings(in: singles) ? byPairs : singles
                visited += take(sharing: level, from: walked, own: own, current: current, want: want, into: &best)
                level -= 1
            }
            return (best, visited)
        }

        /// The lists of every pair of `own`'s tags, shortest first (ties by the pair, so the walk never depends on the run).
        private func pairLists(of own: [Int]) -> [[Int32]] {
            guard own.count >= 2 else { return [] }
            var keyed: [(key: UInt64, list: [Int32])] = []
            for first in own.indices {
                for second in own.indices.dropFirst(first + 1) where own[first] != own[second] {
                    let key = Self.pairKey(own[first], own[second])
                    keyed.append((key, pairs[key] ?? []))
                }
            }
            return keyed.sorted { ($0.list.count, $0.key) < ($1.list.count, $1.key) }.map(\.list)
        }

        private static func postings(in lists: ArraySlice<[Int32]>) -> Int {
            lists.reduce(0) { $0 + $1.count }
        }

        /// Above this many tags an entry's related entries are found by counting every posting of its lists.
        static let countingAbove = 16

        /// The entries sharing the most of the lists, newest first among equals: one pass over the postings.
        private func counted(_ lists: [[Int32]], current: Int, want: Int) -> (related: [Int], visited: Int) {
            var shared: [Int32: Int] = [:]
            var visited = 0
            for list in lists {
                visited += list.count
                for rank in list where byAge[Int(rank)] != current { shared[rank, default: 0] += 1 }
            }
            let best = shared.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.prefix(want)
            return (best.map { byAge[Int($0.key)] }, visited)
        }

        /// Walks `lists` merged in age order, appending to `best` the entries sharing exactly `level` of
        /// `own`'s tags until it holds `want`; returns the postings visited.
        private func take(sharing level: Int, from lists: ArraySlice<[Int32]>, own: [Int], current: Int, want: Int,
                          into best: inout [Int]) -> Int {
            var cursors = [Int](repeating: 0, count: lists.count)
            var visited = 0
            var last: Int32 = -1
            while best.count < want {
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
