import Foundation

/// The preview server's search index, kept from one rebuild to the next. After a change the index
/// is not built again: the documents whose inputs changed (title, names, texts, filters, address)
/// lose their old postings and get their new ones, and only the shards and result files they touch
/// are written again; every file equals what `SearchIndex.build` makes of the same site (tested).
/// When the documents themselves change (an entry added, removed or moved in the order) or the
/// shard count does, the tokens of unchanged documents are still reused.
public final class SearchIndexCache: @unchecked Sendable {
    /// What a document's postings and result record are made of.
    struct Inputs: Equatable {
        let title: String
        let names: [String]
        let texts: [String]
        let filters: [String]
        let record: [String]

        init(_ document: SearchDocument) {
            title = document.entry.title
            names = document.names
            texts = document.texts
            filters = document.filters
            record = [document.entry.url, document.entry.kind.joins(.year) ? document.entry.date.isoDay : "",
                      document.entry.kind.name]
        }
    }

    private struct State {
        var paths: [String] = []
        var inputs: [Inputs] = []
        var tokens: [[SearchDocument.Token]] = []
        var lists: [[SearchToken: [SearchIndex.Posting]]] = []
        /// Each shard's lists encoded, and its tokens in file order: an update encodes only the lists it changed.
        var encoded: [[SearchToken: EncodedPostings]] = []
        var sortedTokens: [[SearchToken]] = []
        var shards: [OutputFile] = []
        var documents: [OutputFile] = []
    }

    private let lock = NSLock()
    private var state: State?
    /// The rebuild (`BuildCache.generation`) whose site the index was last made for.
    private var madeFor: Int?
    /// Per rebuild that only edited texts, the entries (source paths) it edited. Between the index's
    /// rebuild and a later one, when every rebuild is such an edit, only those documents can differ;
    /// otherwise every document's inputs are compared.
    private var editedIn: [Int: Set<String>] = [:]
    /// Guards `editedIn` alone: a rebuild notes its edits while the index may be being made.
    private let editsLock = NSLock()
    /// Documents tokenized by the last update (for tests and `--verbose`).
    public private(set) var lastTokenized = 0

    public init() {}

    /// Rebuild `generation` edited the texts of the entries at `paths` (source paths), and nothing else.
    func noteEdited(_ paths: [String], generation: Int) {
        editsLock.withLock { editedIn[generation] = Set(paths) }
    }

    /// The entries whose documents may differ between rebuild `madeFor` and `generation`; nil: any may.
    private func edited(upTo generation: Int?) -> Set<String>? {
        guard let madeFor, let generation, madeFor <= generation else { return nil }
        let editedIn = editsLock.withLock { self.editedIn }
        var paths = Set<String>()
        for between in stride(from: madeFor + 1, through: generation, by: 1) {
            guard let edited = editedIn[between] else { return nil }
            paths.formUnion(edited)
        }
        return paths
    }

    /// Every file of the search index of `site`.
    /// `generation`: the rebuild that made `site` (nil when not known: every document is compared).
    public func files(for site: LinkedSite, generation: Int? = nil) -> [OutputFile] {
        lock.withLock {
            let order = site.order.all
            let shardCount = SearchIndex.shardCount(for: site)
            let paths = order.map { site.entries[$0].path }
            let inputs: [Inputs]
            if let kept = state, let changed = edited(upTo: generation), kept.paths == paths {
                // Only the edited texts can differ: the others' inputs are not made again to be compared.
                inputs = order.indices.map { changed.contains(paths[$0]) ? Inputs(SearchDocument(site: site, entry: order[$0])) : kept.inputs[$0] }
            } else {
                inputs = order.parallelMap { Inputs(SearchDocument(site: site, entry: $0)) }
            }
            madeFor = generation
            let made = generation ?? Int.max
            editsLock.withLock { editedIn = editedIn.filter { $0.key > made } }
            var next: State
            if var kept = state, kept.paths == paths, kept.lists.count == shardCount {
                // Held once only while it is updated: its lists are changed in place, not copied first.
                state = nil
                update(&kept, site: site, order: order, inputs: inputs)
                next = kept
            } else {
                next = rebuild(site: site, order: order, inputs: inputs, paths: paths, shardCount: shardCount)
            }
            state = next
            return next.shards + next.documents
        }
    }

    private func rebuild(site: LinkedSite, order: [Int], inputs: [Inputs], paths: [String], shardCount: Int) -> State {
        var kept: [String: (Inputs, [SearchDocument.Token])] = [:]
        if let old = state { for id in old.paths.indices { kept[old.paths[id]] = (old.inputs[id], old.tokens[id]) } }
        let known = kept
        var fresh = 0
        let tokens = Array(order.indices).parallelMap { id -> [SearchDocument.Token] in
            if let (kept, tokens) = known[paths[id]], kept == inputs[id] { return tokens }
            return SearchDocument(site: site, entry: order[id]).tokens()
        }
        for id in order.indices where known[paths[id]].map({ $0.0 != inputs[id] }) ?? true { fresh += 1 }
        lastTokenized = fresh
        var lists = [[SearchToken: [SearchIndex.Posting]]](repeating: [:], count: shardCount)
        for (id, documentTokens) in tokens.enumerated() {
            for token in documentTokens {
                lists[Int(token.token.hash % UInt32(shardCount))][token.token, default: []]
                    .append(SearchIndex.Posting(document: Int32(id), mask: token.mask))
            }
        }
        let made = lists
        let encoded = made.parallelMap { $0.mapValues { EncodedPostings($0) } }
        let sortedTokens = made.parallelMap { $0.keys.sorted(by: SearchIndex.tokenOrder) }
        let shards = Array(0..<shardCount).parallelMap {
            SearchIndex.shardFile($0, tokens: sortedTokens[$0], encoded: encoded[$0])
        }
        let documents = Array(stride(from: 0, to: order.count, by: SearchIndex.documentsPerFile)).parallelMap {
            SearchIndex.documentFile($0 / SearchIndex.documentsPerFile, site: site, order: order)
        }
        return State(paths: paths, inputs: inputs, tokens: tokens, lists: lists, encoded: encoded, sortedTokens: sortedTokens,
                     shards: shards, documents: documents)
    }

    /// Encodes again the lists of `tokens` in `shard`; a list left empty goes, with its token.
    private func reencode(_ state: inout State, shard: Int, tokens: Set<SearchToken>) {
        for token in tokens {
            let list = state.lists[shard][token] ?? []
            let wasListed = state.encoded[shard][token] != nil
            if list.isEmpty {
                state.lists[shard][token] = nil
                state.encoded[shard][token] = nil
            } else {
                state.encoded[shard][token] = EncodedPostings(list)
            }
            guard wasListed == list.isEmpty else { continue }
            let position = state.sortedTokens[shard].insertionPoint(of: token, by: SearchIndex.tokenOrder)
            if list.isEmpty { state.sortedTokens[shard].remove(at: position) } else { state.sortedTokens[shard].insert(token, at: position) }
        }
    }

    /// The same documents in the same order: only the changed ones' postings move.
    private func update(_ state: inout State, site: LinkedSite, order: [Int], inputs: [Inputs]) {
        let changed = order.indices.filter { state.inputs[$0] != inputs[$0] }
        lastTokenized = changed.count
        guard !changed.isEmpty else { return }
        let count = UInt32(state.lists.count)
        var touched: [Int: Set<SearchToken>] = [:]
        for id in changed {
            let document = Int32(id)
            let fresh = SearchDocument(site: site, entry: order[id]).tokens()
            // Only tokens the document gained, lost, or now has in other fields move: an edit of a
            // sentence leaves most of a text's tokens, and their long lists, as they were.
            var before = Dictionary(uniqueKeysWithValues: state.tokens[id].map { ($0.token, $0.mask) })
            for token in fresh where before[token.token] == token.mask { before[token.token] = nil }
            let kept = Set(state.tokens[id].filter { before[$0.token] == nil }.map(\.token))
            for (token, _) in before {
                let shard = Int(token.hash % count)
                touched[shard, default: []].insert(token)
                state.lists[shard][token]?.removeAll { $0.document == document }
            }
            for token in fresh where !kept.contains(token.token) {
                let shard = Int(token.token.hash % count)
                touched[shard, default: []].insert(token.token)
                var list = state.lists[shard][token.token] ?? []
                let position = list.firstIndex { $0.document > document } ?? list.endIndex
                list.insert(SearchIndex.Posting(document: document, mask: token.mask), at: position)
                state.lists[shard][token.token] = list
            }
            state.tokens[id] = fresh
            state.inputs[id] = inputs[id]
        }
        for (shard, tokens) in touched { reencode(&state, shard: shard, tokens: tokens) }
        let shards = touched.keys.sorted()
        let (sortedTokens, encoded) = (state.sortedTokens, state.encoded)
        let remade = shards.parallelMap { SearchIndex.shardFile($0, tokens: sortedTokens[$0], encoded: encoded[$0]) }
        for (shard, file) in zip(shards, remade) { state.shards[shard] = file }
        for file in Set(changed.map { $0 / SearchIndex.documentsPerFile }).sorted() {
            state.documents[file] = SearchIndex.documentFile(file, site: site, order: order)
        }
    }
}
