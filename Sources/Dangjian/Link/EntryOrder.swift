/// The site's one newest-first order of entries (by date, then by source path, so it never depends
/// on the run), found once when linking. Every list of entries — a tag's, a branch's, a year's,
/// backlinks, the feed, the search index's documents — is this order restricted to its members, so
/// sorting a list compares two integers instead of two whole entries (copying an `Entry` to read
/// its date retains and releases every string it holds).
public struct EntryOrder: Sendable {
    /// Every entry index, newest first.
    public let all: [Int]
    /// Per entry index, its position in `all`.
    private let rank: [Int32]

    init(_ entries: [Entry]) {
        let dates = entries.map(\.date), paths = entries.map(\.path)
        all = entries.indices.sorted { a, b in dates[a] != dates[b] ? dates[a] > dates[b] : paths[a] < paths[b] }
        var rank = [Int32](repeating: 0, count: entries.count)
        for (position, index) in all.enumerated() { rank[index] = Int32(position) }
        self.rank = rank
    }

    /// `indexes` newest first.
    public func newestFirst(_ indexes: [Int]) -> [Int] {
        rank.withUnsafeBufferPointer { rank in indexes.sorted { rank[$0] < rank[$1] } }
    }
}
