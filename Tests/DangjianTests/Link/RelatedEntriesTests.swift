@testable import Dangjian
import Testing

/// Related entries: the same answer as counting every shared tag of every pair, for a small share
/// of the work of counting every posting of every tag.
@Suite("Link: related entries")
struct RelatedEntriesTests {
    /// A site's tags as gen-corpus draws them: 150 tags weighted 1/rank (the first on ~40 % of
    /// entries), 1–5 distinct tags an entry.
    static func corpus(entries: Int, seed: UInt64 = 7) -> (tags: [[Int]], postings: [[Int]], byAge: [Int]) {
        var state = seed
        func random(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let weights = (1...150).map { 1.0 / Double($0) }
        let total = weights.reduce(0, +)
        func drawTag() -> Int {
            var pick = Double(random(1_000_000)) / 1_000_000 * total
            for (tag, weight) in weights.enumerated() {
                pick -= weight
                if pick < 0 { return tag }
            }
            return 149
        }
        var tags: [[Int]] = []
        for _ in 0..<entries {
            var own: [Int] = []
            for _ in 0..<(1 + random(5)) { let tag = drawTag(); if !own.contains(tag) { own.append(tag) } }
            tags.append(own)
        }
        // Entry i is the i-th newest, except that a shuffle keeps age and index apart.
        var byAge = Array(0..<entries)
        for i in stride(from: entries - 1, to: 0, by: -1) { byAge.swapAt(i, random(i + 1)) }
        var age = [Int](repeating: 0, count: entries)
        for (rank, entry) in byAge.enumerated() { age[entry] = rank }
        var postings = [[Int]](repeating: [], count: 150)
        for (entry, own) in tags.enumerated() { for tag in own { postings[tag].append(entry) } }
        return (tags, postings.map { $0.sorted { age[$0] < age[$1] } }, byAge)
    }

    /// Every pair counted: the definition.
    static func bruteForce(_ tags: [[Int]], byAge: [Int], limit: Int) -> [[Int]] {
        var age = [Int](repeating: 0, count: tags.count)
        for (rank, entry) in byAge.enumerated() { age[entry] = rank }
        return tags.indices.map { current in
            let scored = tags.indices.compactMap { other -> (Int, Int)? in
                let count = tags[other].filter(tags[current].contains).count
                return other != current && count > 0 ? (other, count) : nil
            }
            return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : age[$0.0] < age[$1.0] }.prefix(limit).map(\.0)
        }
    }

    @Test("The entries sharing the most tags, newest first among equals, as counting every pair gives")
    func sameAsEveryPair() {
        for seed: UInt64 in [1, 2, 3] {
            let site = Self.corpus(entries: 600, seed: seed)
            let ranking = RelatedEntries.Ranking(entryTags: site.tags, postings: site.postings, byAge: site.byAge, limit: 5)
            #expect(ranking.all().related == Self.bruteForce(site.tags, byAge: site.byAge, limit: 5))
        }
    }

    @Test("Entries with many tags (more than the level walk takes) get the same answer, and 10,000 tags on one entry take one pass")
    func manyTags() {
        var site = Self.corpus(entries: 400, seed: 5)
        // Three entries carry 20, 40 and all 150 tags.
        for (entry, count) in [(3, 20), (17, 40), (101, 150)] {
            site.tags[entry] = Array(0..<count)
        }
        var age = [Int](repeating: 0, count: site.tags.count)
        for (rank, entry) in site.byAge.enumerated() { age[entry] = rank }
        var postings = [[Int]](repeating: [], count: 150)
        for (entry, own) in site.tags.enumerated() { for tag in own { postings[tag].append(entry) } }
        let sorted = postings.map { $0.sorted { age[$0] < age[$1] } }
        let ranking = RelatedEntries.Ranking(entryTags: site.tags, postings: sorted, byAge: site.byAge, limit: 5)
        #expect(ranking.all().related == Self.bruteForce(site.tags, byAge: site.byAge, limit: 5))

        // One entry with 10,000 tags of its own, as the bad-input catalogue writes: one posting per tag.
        let lone = RelatedEntries.Ranking(entryTags: [Array(0..<10_000), [0]], postings: (0..<10_000).map { $0 == 0 ? [0, 1] : [0] },
                                          byAge: [0, 1], limit: 5)
        let result = lone.all()
        #expect(result.related == [[1], [0]])
        #expect(result.visited <= 10_002 + 10)
    }

    @Test("Few entries share tags: fewer than five related, none without a shared tag")
    func sparse() {
        let tags = [[0], [1], [0, 1], [2], []]
        var postings = [[Int]](repeating: [], count: 3)
        for (entry, own) in tags.enumerated() { for tag in own { postings[tag].append(entry) } }
        let ranking = RelatedEntries.Ranking(entryTags: tags, postings: postings, byAge: Array(0..<5), limit: 5)
        #expect(ranking.all().related == [[2], [2], [0, 1], [], []])
    }

    /// Counting every posting of an entry's tags, as before, visits a common tag's whole list for
    /// every entry: quadratic. The levels, with pair lists for two or more shared tags, visit a small
    /// share of that, smaller as the site grows (2,000 entries: 1/57; 20,000: 1/238).
    @Test("A fiftieth of the postings of counting every posting of every tag, or less, at 2,000 and 20,000 entries")
    func fewerVisits() {
        var visits: [Int] = []
        for entries in [2_000, 20_000] {
            let site = Self.corpus(entries: entries)
            let visited = RelatedEntries.Ranking(entryTags: site.tags, postings: site.postings, byAge: site.byAge, limit: 5).all().visited
            let everyPosting = site.tags.reduce(0) { sum, own in sum + own.reduce(0) { $0 + site.postings[$1].count } }
            #expect(visited * 50 < everyPosting, "\(entries) entries: \(visited) postings visited, \(everyPosting) by counting every one")
            visits.append(visited)
        }
        // Ten times the entries: 22× the postings visited (the single lists alone: 47×).
        #expect(visits[1] < visits[0] * 30, "\(visits)")
    }

    @Test("Entries with the same tags: each gets the others, never itself, as counting every pair gives")
    func sameTags() {
        var site = Self.corpus(entries: 300, seed: 11)
        // Forty entries carry exactly tags 0 and 1, ten carry tag 7 alone, three carry 20 tags.
        for entry in stride(from: 0, to: 200, by: 5) { site.tags[entry] = [1, 0] }
        for entry in stride(from: 201, to: 300, by: 10) { site.tags[entry] = [7] }
        for entry in [2, 4, 6] { site.tags[entry] = Array(0..<20) }
        var age = [Int](repeating: 0, count: site.tags.count)
        for (rank, entry) in site.byAge.enumerated() { age[entry] = rank }
        var postings = [[Int]](repeating: [], count: 150)
        for (entry, own) in site.tags.enumerated() { for tag in own { postings[tag].append(entry) } }
        let sorted = postings.map { $0.sorted { age[$0] < age[$1] } }
        for limit in [1, 5, 12] {
            let ranking = RelatedEntries.Ranking(entryTags: site.tags, postings: sorted, byAge: site.byAge, limit: limit)
            let related = ranking.all().related
            #expect(related == Self.bruteForce(site.tags, byAge: site.byAge, limit: limit))
            #expect(related.indices.allSatisfy { !related[$0].contains($0) })
        }
    }
}
