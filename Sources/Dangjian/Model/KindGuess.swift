/// Tells when an entry file sits in the folder of one kind but is written as another kind's: it
/// lacks the fields its folder's kind requires and has every field another kind requires (a case
/// saved under `brands/`, a talk under `salons/`). One clear message then replaces a list of
/// missing fields that would only confuse.
enum KindGuess {
    struct Misplaced {
        let kind: EntryKind
        /// Where the first field that gave it away is written.
        let location: SourceLocation
        /// Those fields, as written (`brand`).
        let hint: String
    }

    static func misplaced(_ loaded: LoadedEntry, catalog: KindCatalog) -> Misplaced? {
        guard let fields = loaded.frontMatter.fields else { return nil }
        let present = Set(fields.filter { !$0.value.isNull }.map(\.key))
        let own = loaded.kind
        guard own.fields.contains(where: { $0.isRequired && !present.contains($0.name) }) else { return nil }
        let ownKnown = Set(catalog.knownFields(of: own))
        for other in catalog.kinds where other != own {
            let required = other.fields.filter(\.isRequired).map(\.name)
            guard !required.isEmpty, required.allSatisfy(present.contains) else { continue }
            let telling = required.filter { !ownKnown.contains($0) }
            guard let first = telling.first, let field = fields.first(where: { $0.key == first }) else { continue }
            return Misplaced(kind: other, location: field.keyLocation, hint: telling.joined(separator: "、"))
        }
        return nil
    }

    /// The kind a file outside every kind's folder is written as, when its fields say so.
    static func kind(of frontMatter: YAMLNode, catalog: KindCatalog) -> EntryKind? {
        let present = Set((frontMatter.fields ?? []).filter { !$0.value.isNull }.map(\.key))
        return catalog.kinds.first { kind in
            let required = kind.fields.filter(\.isRequired).map(\.name)
            return !required.isEmpty && required.allSatisfy(present.contains)
        }
    }
}
