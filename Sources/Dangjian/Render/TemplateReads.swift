/// The templates each template's pages are made with (itself, the partials and parents it names,
/// through all of theirs, and the parts every page shows: the header and footer, an entry's row and
/// card fragments), and the names they can look up: every word in their tags. A page's fingerprint
/// takes only those templates' texts, and only the site values under those names: a talk added
/// changes the site's count of talks, not a page that never shows it; an edit of the salon
/// template, not the pages of talks.
enum TemplateReads {
    /// The templates every page may show besides its own.
    static let shared = ["partials/header", "partials/footer", "partials/row", "partials/card"]

    /// What the pages of one template are made with.
    struct Reads {
        /// The template, the partials and parents it names (through all of theirs) and the shared parts, sorted.
        let templates: [String]
        let names: Set<String>
    }

    /// The reads by template; nil when a template changes the tag delimiters (`{{=<% %>=}}`), whose
    /// tags these words would miss: then every page counts as made with every template and name.
    static func reads(in texts: [String: String]) -> [String: Reads]? {
        guard !texts.values.contains(where: { $0.contains("{{=") }) else { return nil }
        let references = Dictionary(grouping: TemplateReferences.find(in: texts), by: \.from).mapValues { $0.map(\.name) }
        func closure(of start: [String]) -> Set<String> {
            var seen = Set<String>(), pending = start
            while let name = pending.popLast() {
                if seen.insert(name).inserted { pending += references[name] ?? [] }
            }
            return seen
        }
        let own = texts.mapValues(words)
        let everyPage = closure(of: shared)
        return Dictionary(uniqueKeysWithValues: texts.keys.map { name in
            let used = closure(of: [name]).union(everyPage).filter { texts[$0] != nil }.sorted()
            return (name, Reads(templates: used, names: used.reduce(into: Set<String>()) { $0.formUnion(own[$1] ?? []) }))
        })
    }

    /// Every word inside `{{ }}` tags: names, the parts of dotted names, transforms, partials' names.
    static func words(_ text: String) -> Set<String> {
        var words = Set<String>()
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "}}") else { break }
            for word in after[..<close.lowerBound].split(whereSeparator: isSeparator) { words.insert(String(word)) }
            rest = after[close.upperBound...]
        }
        return words
    }

    private static func isSeparator(_ character: Character) -> Bool {
        character.isWhitespace || "{}#^/&>!<$.()=,%*:\"'|".contains(character)
    }
}

extension TemplateValue {
    /// The value with every map's names that are not in `names` left out (lists keep all their items).
    func keeping(_ names: Set<String>) -> TemplateValue {
        switch self {
        case let .list(items): return .list(items.map { $0.keeping(names) })
        case let .map(map): return .map(map.keeping(names))
        case .text, .number, .flag, .deferred, .absent: return self
        }
    }
}

extension TemplateMap {
    func keeping(_ names: Set<String>) -> TemplateMap {
        var kept = self
        for name in values.keys where !names.contains(name) { kept[name] = nil }
        for (name, value) in kept.values { kept[name] = value.keeping(names) }
        return kept
    }
}
