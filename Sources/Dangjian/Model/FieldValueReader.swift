/// Reads one declared field by its type: the value, or nothing, and whether the entry must be left out.
struct FieldValueReader {
    let reader: FieldReader
    let config: SiteConfig
    /// Files of `content/` that are not entries, and the entry's folder (for `asset` fields).
    let assetPaths: AssetFiles
    let folder: String
    let log: DiagnosticLog

    struct Read {
        var value: FieldValue?
        /// A required field missing or wrong, or a given value that is not allowed.
        var failed = false
    }

    func read(_ field: FieldSpec) -> Read {
        let key = field.name
        if field.has(.video) { return checked(video(field)) }
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
            let tooLarge = Int(text) == nil && !text.isEmpty && text.allSatisfy { ("0"..."9").contains($0) }
            guard let number = Int(text), number > 0, field.allows(Double(number)) else {
                log.report(tooLarge || (Int(text) ?? 0) > 0 ? outOfRange(field, text)
                           : ModelError.invalidInteger(location: reader.location(of: key), field: key, label: field.label, value: text))
                return Read(failed: true)
            }
            return Read(value: .integer(number))
        case .positiveNumber:
            guard let number = reader.number(key) else { return Read(value: field.defaultNumber.map { .number($0) }) }
            guard field.allows(number) else {
                log.report(outOfRange(field, reader.node.field(key)?.scalar ?? "\(number)"))
                return Read(value: field.defaultNumber.map { .number($0) })
            }
            return Read(value: .number(number))
        case .flag:
            return Read(value: reader.bool(key).map { .flag($0) })
        case let .choice(vocabulary):
            return checked(choice(key, among: config.vocabulary(vocabulary)).map { .text($0) })
        case .branch:
            return checked(branch(key).map { .branch($0) })
        case .reference:
            return checked(requiredText(key).map { .reference($0) })
        case .asset:
            return checked(asset(field))
        case let .branchScores(maximum):
            return checked(scores(field, maximum: maximum))
        }
    }

    /// A file beside the entry, by its path relative to the entry's folder.
    private func asset(_ field: FieldSpec) -> FieldValue? {
        guard let written = requiredText(field.name) else { return nil }
        guard let resolved = ContentPath.resolve(written, from: folder), assetPaths.contains(resolved) else {
            let location = reader.location(of: field.name)
            if let refusal = ContentPath.resolve(written, from: folder).flatMap(assetPaths.refusal) {
                log.report(ModelError.refusedFile(location: location, label: field.label, path: written, refusal: refusal))
            } else {
                log.report(ModelError.missingFile(location: location, label: field.label, path: written))
            }
            return nil
        }
        return .asset(resolved)
    }

    /// The entry's video: the file `video:` names, or the MP4 or WebM of the entry's own name beside it.
    /// Only its presence is checked here; the media step checks the file itself.
    private func video(_ field: FieldSpec) -> FieldValue? {
        guard reader.has(field.name) else {
            let base = String((reader.file.split(separator: "/").last ?? "").dropLast(3))
            let names = ["mp4", "webm"].map { base + "." + $0 }
            if let found = names.lazy.compactMap({ ContentPath.resolve($0, from: folder) }).first(where: assetPaths.contains) {
                return .asset(found)
            }
            log.report(VideoError.noVideo(location: SourceLocation(file: reader.file, line: 1, column: 1), expected: names))
            return nil
        }
        guard let written = requiredText(field.name) else { return nil }
        let location = reader.location(of: field.name)
        guard let resolved = ContentPath.resolve(written, from: folder), assetPaths.contains(resolved) else {
            if let refusal = ContentPath.resolve(written, from: folder).flatMap(assetPaths.refusal) {
                log.report(ModelError.refusedFile(location: location, label: field.label, path: written, refusal: refusal))
            } else {
                log.report(VideoError.missing(location: location, path: written))
            }
            return nil
        }
        return .asset(resolved)
    }

    /// `branch: score` lines: each branch of site.yml, each score a whole number from 1 to `maximum`.
    private func scores(_ field: FieldSpec, maximum: Int) -> FieldValue? {
        guard let node = reader.node.field(field.name), !node.isNull else {
            log.report(ModelError.missingField(file: reader.file, field: field.name, label: field.label))
            return nil
        }
        guard let lines = node.fields, !lines.isEmpty else {
            log.report(ModelError.wrongType(location: node.location, field: field.name,
                                            expected: "每行一个“支部: 星级”，例如 jiguan-1: 5"))
            return nil
        }
        var scores: [BranchScore] = []
        var complete = true
        for line in lines {
            guard let branch = config.branch(matching: line.key) else {
                log.report(ModelError.unknownValue(location: line.keyLocation, field: "branch", label: "支部", value: line.key,
                                                   choices: config.branches.flatMap { [$0.id, $0.name] }))
                complete = false
                continue
            }
            guard let text = line.value.scalar, let score = Int(text.trimmingCharacters(in: .whitespaces)), (1...maximum).contains(score) else {
                log.report(ModelError.invalidScore(location: line.value.location, label: field.label,
                                                   value: line.value.scalar ?? "", maximum: maximum))
                complete = false
                continue
            }
            if scores.contains(where: { $0.branch == branch }) {
                log.report(ModelError.duplicateScore(location: line.keyLocation, branch: branch.name))
                complete = false
                continue
            }
            scores.append(BranchScore(branch: branch, score: score))
        }
        return complete ? .scores(scores) : nil
    }

    private func checked(_ value: FieldValue?) -> Read { Read(value: value, failed: value == nil) }

    private func outOfRange(_ field: FieldSpec, _ written: String) -> ModelError {
        .numberOutOfRange(location: reader.location(of: field.name), field: field.name, label: field.label,
                          value: written.trimmingCharacters(in: .whitespaces), maximum: Int(field.maximum),
                          whole: field.type == .positiveInteger)
    }

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
            let location = nodes.first { $0.scalar?.trimmingCharacters(in: .whitespacesAndNewlines) == item }?.location
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
