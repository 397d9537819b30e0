/// The full-text search index, built at build time and loaded by `search/index.html` in parts,
/// each a plain script calling `dangjianSearch.shard(…)` or `dangjianSearch.doc(…)`, so it works
/// opened as files (where `fetch()` and modules are blocked) as well as from a server.
///
/// - `search/index/<n>.js`: the posting lists of the tokens whose hash falls in shard n: a query
///   loads one shard per distinct token (and per filter), a small part of the whole index.
/// - `search/doc/<id>.js`: one document's title, address, date, kind and text, for its result and snippet.
///
/// Document ids run newest first, so among equal scores the smaller id is the more recent entry.
/// Each posting carries a field mask: 4 title, 2 tags and names (series, speaker, branch …), 1 body.
/// Filters are tokens too: `#k:talk`, `#s:<series>`, `#b:<branch id>`, `#t:<tag>`, `#y:<year>`.
public struct SearchIndex: Sendable {
    /// Entry index of each document id.
    public let order: [Int]
    public let shardCount: Int
    public let files: [OutputFile]
    public let postingCount: Int

    static let folder = "search/"
    /// About this many postings per shard (roughly 16–24 KB of text).
    static let postingsPerShard = 8_000

    public static func build(_ site: LinkedSite) -> SearchIndex {
        let order = Taxonomies.newestFirst(Array(site.entries.indices), in: site.entries)
        let perDocument = order.parallelMap { SearchDocument(site: site, entry: $0).tokens() }
        let total = perDocument.reduce(0) { $0 + $1.count }
        let shardCount = Self.shardCount(postings: total)
        var buckets = [[Posting]](repeating: [], count: shardCount)
        for (document, tokens) in perDocument.enumerated() {
            for token in tokens {
                buckets[Int(token.hash % UInt32(shardCount))].append(Posting(token: token.text, document: Int32(document), mask: token.mask))
            }
        }
        let shards = Array(zip(buckets.indices, buckets)).parallelMap { shardFile($0.0, postings: $0.1) }
        let documents = Array(order.indices).parallelMap { id in
            OutputFile(path: folder + "doc/\(id).js", content: .text(SearchDocument(site: site, entry: order[id]).script(id: id)))
        }
        return SearchIndex(order: order, shardCount: shardCount, files: shards + documents, postingCount: total)
    }

    /// A power of two, so a site that grows a little keeps most of its shard files.
    static func shardCount(postings: Int) -> Int {
        var count = 1
        while count * postingsPerShard < postings && count < 4096 { count *= 2 }
        return count
    }

    struct Posting: Sendable {
        let token: String
        let document: Int32
        let mask: UInt8
    }

    /// `dangjianSearch.shard(n,{"token":"postings",…});` with tokens sorted.
    static func shardFile(_ number: Int, postings: [Posting]) -> OutputFile {
        var lists: [String: [(document: Int32, mask: UInt8)]] = [:]
        for posting in postings { lists[posting.token, default: []].append((posting.document, posting.mask)) }
        var text = "dangjianSearch.shard(\(number),{"
        for (position, token) in lists.keys.sorted().enumerated() {
            if position > 0 { text += ",\n" }
            text += JSONText.string(token) + ":\"" + PostingCodec.encode(lists[token]!) + "\""
        }
        text += "});\n"
        return OutputFile(path: folder + "index/\(number).js", content: .text(text))
    }
}
