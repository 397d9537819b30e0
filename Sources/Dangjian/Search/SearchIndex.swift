/// The full-text search index, built at build time and loaded by `search/index.html` in parts,
/// each a plain script calling `dangjianSearch.shard(…)` or `dangjianSearch.doc(…)`, so it works
/// opened as files (where `fetch()` and modules are blocked) as well as from a server.
///
/// - `search/index/<n>.js`: the posting lists of the tokens whose hash falls in shard n: a query
///   loads one shard per distinct token (and per filter), a small part of the whole index.
/// - `search/doc/<n>.js`: the title, address, date, kind and text of documents 8n…8n+7, for results and snippets.
///
/// Document ids run newest first, so among equal scores the smaller id is the more recent entry.
/// Each posting carries a field mask: 4 title, 2 tags and names (series, speaker, branch …), 1 body.
/// Filters are tokens too: `#k:talk`, `#s:<series>`, `#b:<branch id>`, `#t:<tag>`, `#y:<year>`.
public struct SearchIndex: Sendable {
    /// Entry index of each document id.
    public let order: [Int]
    public let shardCount: Int
    /// The index's files, when built by `build(_:)`; empty when they were handed on as they were made.
    public let files: [OutputFile]
    /// How many files the index has.
    public let fileCount: Int
    public let postingCount: Int

    static let folder = Addresses.searchData
    /// Result records per `doc/<n>.js` file: ids run newest first, so the results of a query, often
    /// recent and close in time, share files; a site of 10,000 entries needs 1,250 files, not 10,000.
    static let documentsPerFile = 8
    /// About this many postings per shard (roughly 16–24 KB of text).
    static let postingsPerShard = 8_000

    /// The index with its files kept (the preview, tests).
    public static func build(_ site: LinkedSite) -> SearchIndex {
        var files: [OutputFile] = []
        let index = build(site) { files += $0; return true }
        return SearchIndex(order: index.order, shardCount: index.shardCount, files: files, fileCount: files.count,
                           postingCount: index.postingCount)
    }

    /// Builds the index and hands its files to `emit` a batch at a time as they are made (a build
    /// writes them), so neither all its text nor all its posting lists are held at once: each
    /// chunk's document files are handed on once it is tokenized, each shard's lists are let go once
    /// its file is made. With `releasingTexts` (a build, whose later phases do not read them) each
    /// body's plain text is let go once its chunk is done, so the texts shrink as the lists grow.
    /// Stops handing on once `emit` returns false.
    public static func build(_ site: LinkedSite, releasingTexts: Bool = false, emit: ([OutputFile]) -> Bool) -> SearchIndex {
        let order = site.order.all
        // Documents are tokenized a chunk at a time and their postings filed into per-shard lists, one
        // list per distinct token, so no token is held once per document. The shard count comes from
        // the amount of text (about one distinct token per two characters), known before tokenizing.
        let shardCount = Self.shardCount(for: site)
        var total = 0
        var going = true
        var fileCount = 0
        let lists = ShardLists(count: shardCount)
        let chunkSize = 64 * documentsPerFile
        for start in stride(from: 0, to: order.count, by: chunkSize) where going {
            let ids = Array(start..<min(order.count, start + chunkSize))
            let tokens = ids.parallelMap { SearchDocument(site: site, entry: order[$0]).tokens() }
            total += tokens.reduce(0) { $0 + $1.count }
            var byShard = [[(token: SearchToken, posting: Posting)]](repeating: [], count: shardCount)
            for (offset, documentTokens) in tokens.enumerated() {
                for token in documentTokens {
                    let posting = Posting(document: Int32(ids[offset]), mask: token.mask)
                    byShard[Int(token.token.hash % UInt32(shardCount))].append((token.token, posting))
                }
            }
            lists.add(byShard)
            // The chunk is a whole number of document files (its size is a multiple of `documentsPerFile`).
            let files = (start / documentsPerFile)..<((start + ids.count + documentsPerFile - 1) / documentsPerFile)
            let documents = Array(files).parallelMap { documentFile($0, site: site, order: order) }
            if releasingTexts { for id in ids { site.bodies[order[id]].releasePlainText() } }
            fileCount += documents.count
            going = emit(documents)
        }
        let batch = 256
        for start in stride(from: 0, to: shardCount, by: batch) where going {
            let numbers = Array(start..<min(shardCount, start + batch))
            let shards = numbers.parallelMap { shardFile($0, encoded: lists.lists[$0]) }
            for number in numbers { lists.lists[number] = [:] }
            fileCount += shards.count
            going = emit(shards)
        }
        return SearchIndex(order: order, shardCount: shardCount, files: [], fileCount: fileCount, postingCount: total)
    }

    /// `doc/<number>.js`: the records of documents `documentsPerFile · number` onwards.
    static func documentFile(_ number: Int, site: LinkedSite, order: [Int]) -> OutputFile {
        let first = number * documentsPerFile
        let ids = first..<min(order.count, first + documentsPerFile)
        let text = ids.map { SearchDocument(site: site, entry: order[$0]).script(id: $0) }.joined()
        return OutputFile(path: folder + "doc/\(number).js", content: .text(text))
    }

    /// Bytes of indexed text / 6: CJK characters take three bytes, and a text of n characters has
    /// about n/2 distinct bigrams. Only decides how many shards there are.
    static func estimatedPostings(_ site: LinkedSite) -> Int {
        zip(site.entries, site.bodies).reduce(0) { sum, pair in
            sum + (min(pair.1.plainText.utf8.count, SearchDocument.textLimit * 3) + pair.0.title.utf8.count) / 6 + 10
        }
    }

    /// The number of shards the index of `site` has.
    static func shardCount(for site: LinkedSite) -> Int {
        shardCount(postings: estimatedPostings(site))
    }

    /// A power of two, so a site that grows a little keeps most of its shard files.
    static func shardCount(postings: Int) -> Int {
        var count = 1
        while count * postingsPerShard < postings && count < 4096 { count *= 2 }
        return count
    }

    /// A document id and its field mask in one 32-bit word (ids stay below 2^29): the index holds
    /// one of these per distinct token of every document, so four bytes each instead of eight.
    struct Posting: Sendable {
        private let packed: UInt32
        var document: Int32 { Int32(packed >> 3) }
        var mask: UInt8 { UInt8(packed & 7) }

        init(document: Int32, mask: UInt8) { packed = UInt32(document) << 3 | UInt32(mask & 7) }
    }

    /// `dangjianSearch.shard(n,{"token":"postings",…});` with tokens sorted.
    static func shardFile(_ number: Int, lists: [SearchToken: [Posting]]) -> OutputFile {
        shardFile(number, encoded: lists.mapValues { EncodedPostings($0) })
    }

    static func shardFile(_ number: Int, encoded lists: [SearchToken: EncodedPostings]) -> OutputFile {
        shardFile(number, tokens: lists.keys.sorted(by: tokenOrder), encoded: lists)
    }

    /// The order of a shard's tokens in its file.
    static func tokenOrder(_ a: SearchToken, _ b: SearchToken) -> Bool { a.string < b.string }

    /// The shard file of `lists`, whose tokens are `tokens`, in `tokenOrder`.
    static func shardFile(_ number: Int, tokens: [SearchToken], encoded lists: [SearchToken: EncodedPostings]) -> OutputFile {
        var text = "dangjianSearch.shard(\(number),{"
        for (position, token) in tokens.enumerated() {
            if position > 0 { text += ",\n" }
            text += JSONText.string(token.string) + ":\"" + (lists[token]?.text ?? "") + "\""
        }
        text += "});\n"
        return OutputFile(path: folder + "index/\(number).js", content: .text(text))
    }
}

/// The posting lists of every shard, encoded as they are filled chunk by chunk; each chunk's shards are filled in parallel.
private final class ShardLists: @unchecked Sendable {
    var lists: [[SearchToken: EncodedPostings]]

    init(count: Int) { lists = Array(repeating: [:], count: count) }

    func add(_ byShard: [[(token: SearchToken, posting: SearchIndex.Posting)]]) {
        lists.withUnsafeMutableBufferPointer { buffer in
            let shards = UnsafeMutableSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: byShard.count) { shard in
                for (token, posting) in byShard[shard] {
                    shards.value[shard][token, default: EncodedPostings()].append(posting.document, mask: posting.mask)
                }
            }
        }
    }
}

private struct UnsafeMutableSendable<V>: @unchecked Sendable {
    let value: V
    init(_ value: V) { self.value = value }
}

import Dispatch
