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
        var shards: [OutputFile] = []
        var documents: [OutputFile] = []
    }

    private let lock = NSLock()
    private var state: State?
    /// Documents tokenized by the last update (for tests and `--verbose`).
    public private(set) var lastTokenized = 0

    public init() {}

    /// Every file of the search index of `site`.
    public func files(for site: LinkedSite) -> [OutputFile] {
        lock.withLock {
            let order = site.order.all
            let shardCount = SearchIndex.shardCount(for: site)
            let inputs = order.parallelMap { Inputs(SearchDocument(site: site, entry: $0)) }
            let paths = order.map { site.entries[$0].path }
            var next: State
            if var kept = state, kept.paths == paths, kept.lists.count == shardCount {
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
        let shards = Array(0..<shardCount).parallelMap { SearchIndex.shardFile($0, lists: made[$0]) }
        let documents = Array(stride(from: 0, to: order.count, by: SearchIndex.documentsPerFile)).parallelMap {
            SearchIndex.documentFile($0 / SearchIndex.documentsPerFile, site: site, order: order)
        }
        return State(paths: paths, inputs: inputs, tokens: tokens, lists: lists, shards: shards, documents: documents)
    }

    /// The same documents in the same order: only the changed ones' postings move.
    private func update(_ state: inout State, site: LinkedSite, order: [Int], inputs: [Inputs]) {
        let changed = order.indices.filter { state.inputs[$0] != inputs[$0] }
        lastTokenized = changed.count
        guard !changed.isEmpty else { return }
        let count = UInt32(state.lists.count)
        var touched = Set<Int>()
        for id in changed {
            let document = Int32(id)
            for token in state.tokens[id] {
                let shard = Int(token.token.hash % count)
                touched.insert(shard)
                state.lists[shard][token.token]?.removeAll { $0.document == document }
                if state.lists[shard][token.token]?.isEmpty == true { state.lists[shard][token.token] = nil }
            }
            let fresh = SearchDocument(site: site, entry: order[id]).tokens()
            for token in fresh {
                let shard = Int(token.token.hash % count)
                touched.insert(shard)
                var list = state.lists[shard][token.token] ?? []
                let position = list.firstIndex { $0.document > document } ?? list.endIndex
                list.insert(SearchIndex.Posting(document: document, mask: token.mask), at: position)
                state.lists[shard][token.token] = list
            }
            state.tokens[id] = fresh
            state.inputs[id] = inputs[id]
        }
        let lists = state.lists
        let remade = touched.sorted().parallelMap { SearchIndex.shardFile($0, lists: lists[$0]) }
        for (shard, file) in zip(touched.sorted(), remade) { state.shards[shard] = file }
        for file in Set(changed.map { $0 / SearchIndex.documentsPerFile }).sorted() {
            state.documents[file] = SearchIndex.documentFile(file, site: site, order: order)
        }
    }
}
