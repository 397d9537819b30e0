/// One entry as the search index sees it: its tokens with their field masks, and its result record.
struct SearchDocument {
    let site: LinkedSite
    let entry: Entry
    let body: EntryBody

    init(site: LinkedSite, entry index: Int) {
        self.site = site
        entry = site.entries[index]
        body = site.bodies[index]
    }

    struct Token {
        let token: SearchToken
        let mask: UInt8
    }

    static let titleMask: UInt8 = 4, namesMask: UInt8 = 2, bodyMask: UInt8 = 1
    /// The longest text of a document kept for snippets.
    static let textLimit = 4000

    /// Every distinct token with the fields it occurs in (in no particular order: shard files sort them).
    func tokens() -> [Token] {
        // Han tokens (nearly all of them) go to a table of their own, keyed by their 32 bits.
        let texts = self.texts
        var han = HanTokenMasks(expected: texts.reduce(entry.title.utf8.count) { $0 + $1.utf8.count } / 3)
        var words: [String: UInt8] = [:]
        func add(_ text: String, _ mask: UInt8) {
            SearchTokenizer.tokens(text) { token in
                switch token {
                case let .han(key): han.add(key, mask)
                case let .text(word): words[word, default: 0] |= mask
                }
            }
        }
        add(entry.title, Self.titleMask)
        for name in names { add(name, Self.namesMask) }
        for text in texts { add(text, Self.bodyMask) }
        for filter in filters { words[filter, default: 0] |= Self.bodyMask }
        var tokens: [Token] = []
        tokens.reserveCapacity(han.count + words.count)
        han.forEach { tokens.append(Token(token: .han($0), mask: $1)) }
        for (word, mask) in words { tokens.append(Token(token: .text(word), mask: mask)) }
        return tokens
    }

    /// Tags and the names an entry is filed under: its fields that search reads as names.
    var names: [String] {
        var names = entry.tags
        for (field, value) in zip(entry.kind.fields, entry.values) where field.search == .name {
            names += text(of: value, field: field)
        }
        return names
    }

    /// The body, the summary and the fields that search reads as text.
    var texts: [String] {
        var texts = [body.plainText]
        if let summary = entry.summary { texts.append(summary) }
        for (field, value) in zip(entry.kind.fields, entry.values) where field.search == .text {
            texts += text(of: value, field: field)
        }
        return texts
    }

    private func text(of value: FieldValue?, field: FieldSpec) -> [String] {
        switch value {
        case let .text(text)?: return [text]
        case let .texts(texts)?: return texts
        case let .branch(branch)?: return [branch.name]
        case .reference?: return entry.references[field.name].flatMap(site.entry(atPath:)).map { [$0.title] } ?? []
        default: return []
        }
    }

    /// The filter tokens: kind, year, series, branch (a salon's host, a case's brand's), tags.
    var filters: [String] {
        var filters = ["#k:" + entry.kind.id]
        if entry.kind.joins(.year) { filters.append("#y:\(entry.date.year)") }
        if let series = entry.value(with: .series)?.text { filters.append("#s:" + series) }
        if let branch = entry.branch { filters.append("#b:" + branch.id) }
        filters += entry.tags.map { "#t:" + $0 }
        return filters
    }

    /// `dangjianSearch.doc(id,{t,u,d,k,x})`: title, site-root-relative address, day, kind name, text.
    func script(id: Int) -> String {
        let text = String(body.plainText.prefix(Self.textLimit))
        let fields = [("t", entry.title), ("u", entry.url), ("d", entry.kind.joins(.year) ? entry.date.isoDay : ""),
                      ("k", entry.kind.name), ("x", text)]
        let object = fields.map { "\"\($0.0)\":" + JSONText.string($0.1) }.joined(separator: ",")
        return "dangjianSearch.doc(\(id),{\(object)});\n"
    }
}
