/// Checks a catalog's declarations against each other, so a kind declared wrongly (by the product or
/// by a test) is caught when the catalog is made, not as a strange page later.
enum CatalogCheck {
    static func problems(of catalog: KindCatalog) -> [String] {
        var problems: [String] = []
        var ids = Set<String>(), folders = Set<String>()
        let common = Set(KindCatalog.commonFields.map(\.name))
        for kind in catalog.kinds {
            if !ids.insert(kind.id).inserted { problems.append("kind id \(kind.id) declared twice") }
            if !folders.insert(kind.folder).inserted { problems.append("folder \(kind.folder) declared twice") }
            if !Slug.isValid(kind.id) || !Slug.isValid(kind.folder) { problems.append("\(kind.id): id and folder must be slugs") }
            if kind.id == kind.folder { problems.append("\(kind.id): id and folder must differ (its pages' and its index's templates)") }
            if Addresses.generatorFolders.contains(kind.folder) { problems.append("\(kind.id): folder \(kind.folder) is the generator's own") }
            problems += fieldProblems(of: kind, in: catalog, common: common)
        }
        // Series pages are one set: kinds with series (talks, video lessons) choose from one list.
        if Set(catalog.kinds.compactMap { $0.field(with: .series)?.vocabulary }).count > 1 {
            problems.append("series fields of several kinds choose from different lists")
        }
        if catalog.kinds.filter({ $0.appears(in: .dailyRun) }).count > 1 {
            problems.append("more than one kind has the daily run")
        }
        return problems
    }

    private static func fieldProblems(of kind: EntryKind, in catalog: KindCatalog, common: Set<String>) -> [String] {
        var problems: [String] = []
        var names = Set<String>()
        for field in kind.fields {
            if common.contains(field.name) { problems.append("\(kind.id).\(field.name) is a common field") }
            if !names.insert(field.name).inserted { problems.append("\(kind.id).\(field.name) declared twice") }
            if let target = field.referencedKind, catalog.kind(id: target) == nil {
                problems.append("\(kind.id).\(field.name) refers to unknown kind \(target)")
            }
            if field.has(.series), field.vocabulary == nil {
                problems.append("\(kind.id).\(field.name): a series field must be a choice")
            }
            if field.has(.number), field.type != .positiveInteger {
                problems.append("\(kind.id).\(field.name): a number field must be a positive integer")
            }
            if field.has(.branch), field.type != .branch { problems.append("\(kind.id).\(field.name): a branch field must be a branch") }
        }
        let numbered = kind.field(with: .number) != nil
        if (kind.address == .numbered || kind.appears(in: .ownBulletin) || kind.order == .highestNumberFirst) && !numbered {
            problems.append("\(kind.id): numbered addresses, own bulletins and number order need a number field")
        }
        for name in [kind.albumGrouping, indexField(of: kind)].compactMap({ $0 }) {
            if kind.field(name)?.vocabulary == nil { problems.append("\(kind.id): \(name) must be a choice field of the kind") }
        }
        for statistic in kind.statistics {
            if case let .perValue(name, _, _) = statistic, kind.field(name)?.vocabulary == nil {
                problems.append("\(kind.id): statistic by \(name) needs a choice field")
            }
        }
        return problems
    }

    private static func indexField(of kind: EntryKind) -> String? {
        if case let .field(name) = kind.index { return name }
        return nil
    }
}
