import Foundation

/// Reads one loaded entry into a validated `Entry`, as its kind's declaration says, reporting every
/// problem it finds. Returns nil when a required field is missing or wrong, so no half-valid entry is published.
struct EntryReader {
    let config: SiteConfig
    let catalog: KindCatalog
    let assetPaths: Set<String>
    let log: DiagnosticLog
    /// The `content/` folder, where covers are read to check that they are pictures.
    var contentFolder: URL?

    func read(_ loaded: LoadedEntry) -> Entry? {
        let kind = loaded.kind
        let reader = FieldReader(node: loaded.frontMatter, log: log, labels: { catalog.label(of: $0, in: kind) })
        if let misplaced = KindGuess.misplaced(loaded, catalog: catalog) {
            log.report(ModelError.wrongFolder(location: misplaced.location, kind: misplaced.kind.name,
                                              folder: misplaced.kind.folder, hint: misplaced.hint))
            return nil
        }
        let title = required(reader, "title")
        let date = readDate(reader)
        let slug = readSlug(reader)
        let cover = readCover(reader, folder: loaded.contentFolder)
        var complete = true
        let values = kind.fields.map { field -> FieldValue? in
            let read = FieldValueReader(reader: reader, config: config, log: log).read(field)
            if read.failed { complete = false }
            return read.value
        }
        let extra = reader.warnAboutUnknownKeys(known: catalog.knownFields(of: kind))
        guard let title, let date, complete else { return nil }
        let fileSlug = Slug.fromFileName(String(loaded.contentPath.split(separator: "/").last ?? ""), pinyin: config.pinyin)
        return Entry(path: loaded.path, contentPath: loaded.contentPath, kind: kind, title: title, date: date,
                     tags: uniqued(reader.stringList("tags") ?? []), summary: reader.string("summary"),
                     slug: slug ?? (fileSlug.isEmpty ? kind.id : fileSlug), slugIsExplicit: slug != nil,
                     cover: cover, isDraft: reader.bool("draft") ?? false, values: values, extraFields: extra,
                     fieldLocations: Dictionary(loaded.frontMatter.fields!.map { ($0.key, $0.value.location) },
                                                uniquingKeysWith: { first, _ in first }),
                     body: loaded.body, bodyFirstLine: loaded.bodyFirstLine, revision: loaded.revision)
    }

    private func required(_ reader: FieldReader, _ key: String) -> String? {
        FieldValueReader(reader: reader, config: config, log: log).requiredText(key)
    }

    private func readDate(_ reader: FieldReader) -> EntryDate? {
        guard let text = required(reader, "date") else { return nil }
        guard let date = EntryDate(parsing: text) else {
            log.report(ModelError.invalidDate(location: reader.location(of: "date"), value: text))
            return nil
        }
        return date
    }

    private func readSlug(_ reader: FieldReader) -> String? {
        guard let slug = reader.string("slug") else { return nil }
        guard Slug.isValid(slug) else {
            log.report(ModelError.invalidSlug(location: reader.location(of: "slug"), value: slug))
            return nil
        }
        return slug
    }

    /// The cover's path relative to `content/`, checked to exist inside it and to be a picture.
    private func readCover(_ reader: FieldReader, folder: String) -> String? {
        guard let cover = reader.string("cover") else { return nil }
        guard let resolved = ContentPath.resolve(cover, from: folder), assetPaths.contains(resolved) else {
            log.report(ModelError.missingCover(location: reader.location(of: "cover"), path: cover))
            return nil
        }
        if let contentFolder, ImageHeader.read(contentFolder.appendingPathComponent(resolved)) == nil {
            log.report(ModelError.coverNotPicture(location: reader.location(of: "cover"), path: cover))
            return nil
        }
        return resolved
    }

    private func uniqued(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.filter { seen.insert($0).inserted }
    }
}

/// Reads one declared field by its type: the value, or nothing, and whether the entry must be left out.
struct FieldValueReader {
    let reader: FieldReader
    let config: SiteConfig
    let log: DiagnosticLog

    struct Read {
        var value: FieldValue?
        /// A required field missing or wrong, or a given value that is not allowed.
        var failed = false
    }

    func read(_ field: FieldSpec) -> Read {
        let key = field.name
        if !field.isRequired && !reader.has(key) {
            return Read(value: field.defaultNumber.map { .number($0) })
        }
        switch field.type {
        case .text:
            guard field.isRequired else { return Read(value: reader.string(key).map { .text($0) }) }
            return checked(requiredText(key).map { .text($0) })
        case .texts:
            let items = reader.stringList(key) ?? []
            if let limit = field.printLimit { check(items, of: field, against: limit) }
            return Read(value: .texts(items))
        case .positiveInteger:
            guard let text = requiredText(key) else { return Read(failed: true) }
            guard let number = Int(text), number > 0 else {
                log.report(ModelError.invalidInteger(location: reader.location(of: key), field: key,
                                                     label: field.label, value: text))
                return Read(failed: true)
            }
            return Read(value: .integer(number))
        case .positiveNumber:
            return Read(value: (reader.positiveNumber(key) ?? field.defaultNumber).map { .number($0) })
        case .flag:
            return Read(value: reader.bool(key).map { .flag($0) })
        case let .choice(vocabulary):
            return checked(choice(key, among: config.vocabulary(vocabulary)).map { .text($0) })
        case .branch:
            return checked(branch(key).map { .branch($0) })
        case .reference:
            return checked(requiredText(key).map { .reference($0) })
        }
    }

    private func checked(_ value: FieldValue?) -> Read { Read(value: value, failed: value == nil) }

    /// Warns where a printed list has more items, or longer ones, than its place holds.
    private func check(_ items: [String], of field: FieldSpec, against limit: PrintLimit) {
        if items.count > limit.items {
            let key = reader.node.fields?.first { $0.key == field.name }?.keyLocation ?? reader.location(of: field.name)
            log.report(ModelError.tooManyItems(location: key, label: field.label, count: items.count,
                                               limit: limit.items, place: limit.place))
        }
        var nodes: [YAMLNode] = []
        if case let .sequence(list)? = reader.node.field(field.name)?.kind { nodes = list }
        for (number, item) in items.enumerated() where item.count > limit.characters {
            let location = nodes.first { $0.scalar?.trimmingCharacters(in: .whitespaces) == item }?.location
            log.report(ModelError.itemTooLong(location: location ?? reader.location(of: field.name), label: field.label,
                                              number: number + 1, length: item.count, limit: limit.characters, place: limit.place))
        }
    }

    /// A text that must be there: absent, empty or blank are all the same to the writer.
    func requiredText(_ key: String) -> String? {
        if let value = reader.string(key) { return value }
        // (A list or map was reported as the wrong type.)
        if !reader.has(key) || reader.isBlank(key) {
            log.report(ModelError.missingField(file: reader.file, field: key, label: reader.label(key)))
        }
        return nil
    }

    private func choice(_ key: String, among choices: [String]) -> String? {
        guard let value = requiredText(key) else { return nil }
        guard choices.contains(value) else {
            log.report(ModelError.unknownValue(location: reader.location(of: key), field: key, label: reader.label(key),
                                               value: value, choices: choices))
            return nil
        }
        return value
    }

    private func branch(_ key: String) -> Branch? {
        guard let value = requiredText(key) else { return nil }
        guard let branch = config.branch(matching: value) else {
            log.report(ModelError.unknownValue(location: reader.location(of: key), field: key, label: reader.label(key),
                                               value: value, choices: config.branches.flatMap { [$0.id, $0.name] }))
            return nil
        }
        return branch
    }
}
