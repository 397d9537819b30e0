import Foundation

/// Turns option values into front matter values, as each field's declaration says: checked against
/// site.yml and the site's entries, asked for at a terminal when a required one is missing, reported
/// when wrong.
struct ValueResolver {
    let request: NewEntryRequest
    let config: SiteConfig
    /// The site as read (for the next number and the entries a reference can name).
    let site: LoadedSite
    let prompter: ScaffoldPrompter?
    let log: DiagnosticLog
    /// When set, a missing or unknown value is noted here and its field written empty, not reported.
    var unresolved: UnresolvedFields? = nil
    /// The number to give when none is asked for (import numbers a batch itself).
    var givenNextNumber: Int? = nil

    func date(now: Date) -> EntryDate? {
        guard let text = request.values["date"] else { return EntryDate.of(now, in: config.timeZone).dayOnly }
        guard let date = EntryDate(parsing: text) else {
            log.report(ScaffoldError.invalidDate(option: "--date", value: text))
            return nil
        }
        return date
    }

    /// What to write after `field:`, or nil to leave the field out.
    func value(of field: FieldSpec) -> String? {
        let given = request.values[field.name]
        switch field.type {
        case .text:
            return field.isRequired ? text(field) : YAMLText.quoted(given ?? "")
        case .texts:
            return YAMLText.list(list(field.name))
        case .positiveInteger:
            return field.has(.number) ? number(field, next: nextNumber(field)).map(String.init) ?? ""
                : given.map { number(field, next: 0).map(String.init) ?? $0 }
        case .positiveNumber, .flag:
            return given.map(YAMLText.quoted)
        case let .choice(vocabulary):
            guard field.isRequired || given != nil else { return nil }
            return choice(field, among: config.vocabulary(vocabulary))
        case .branch:
            guard field.isRequired || given != nil else { return nil }
            return branch(field)
        case let .reference(kind):
            guard field.isRequired || given != nil else { return nil }
            return reference(field, to: kind)
        case .asset:
            return given.map(YAMLText.quoted)
        case let .branchScores(maximum):
            return scores(field, maximum: maximum)
        }
    }

    /// `--stars jiguan-1=5,jiguan-2=4`, or every branch of site.yml on a line of its own to fill in.
    private func scores(_ field: FieldSpec, maximum: Int) -> String {
        guard let given = request.values[field.name] else {
            return config.branches.map { "\n  \($0.id):   # \($0.name)：填 1–\(maximum)" }.joined()
        }
        var lines = ""
        for pair in list(field.name) {
            let parts = pair.split(whereSeparator: { $0 == "=" || $0 == ":" || $0 == "：" }).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let branch = config.branch(matching: parts[0]), let score = Int(parts[1]), (1...maximum).contains(score) else {
                log.report(ScaffoldError.unknownValue(option: "--" + field.name, field: field.name, label: field.label, value: given,
                                                      choices: config.branches.map { "\($0.id)=\(maximum)" }))
                return ""
            }
            lines += "\n  \(branch.id): \(score)"
        }
        return lines
    }

    /// Free text that is required (the speaker): asked for when missing.
    private func text(_ field: FieldSpec) -> String {
        if let value = request.values[field.name], !value.isEmpty { return YAMLText.quoted(value) }
        if let value = ask("请输入\(field.label)：", from: []), !value.isEmpty { return YAMLText.quoted(value) }
        if let unresolved {
            unresolved.note(field, rejected: nil)
            return YAMLText.quoted("")
        }
        log.report(ScaffoldError.missingValue(option: "--" + field.name, label: field.label, choices: []))
        return ""
    }

    /// A value from a list of site.yml (series, category).
    private func choice(_ field: FieldSpec, among choices: [String]) -> String {
        pick(field, among: choices, displayed: choices) { choices.contains($0) ? YAMLText.quoted($0) : nil }
    }

    /// A branch, written by id.
    private func branch(_ field: FieldSpec) -> String {
        pick(field, among: config.branches.flatMap { [$0.id, $0.name] }, displayed: config.branches.map(\.name)) {
            config.branch(matching: $0)?.id
        }
    }

    /// Another entry (a case's brand), written by its file name, with its title as a comment.
    private func reference(_ field: FieldSpec, to kind: String) -> String {
        let targets = site.entries.filter { $0.kind.id == kind }.map { entry -> (stem: String, title: String) in
            let file = entry.contentPath.split(separator: "/").last.map(String.init) ?? entry.contentPath
            return (String(file.dropLast(3)), entry.frontMatter.field("title")?.scalar ?? "")
        }
        return pick(field, among: targets.flatMap { [$0.stem, $0.title] }, displayed: targets.map(\.title)) { value in
            let target = targets.first { $0.stem == value || $0.title == value || $0.stem + ".md" == value }
                ?? targets.first { EntryReferences.Names.shortTitle($0.title) == value }
            return target.map { "\($0.stem)  # \($0.title)" }
        }
    }

    /// The option's value, or one asked for among `displayed`, as `accept` writes it; reported when wrong or missing.
    private func pick(_ field: FieldSpec, among choices: [String], displayed: [String],
                               accept: (String) -> String?) -> String {
        let option = "--" + field.name
        if let value = request.values[field.name] {
            guard let written = accept(value) else {
                if let unresolved {
                    unresolved.note(field, rejected: value)
                    return YAMLText.quoted("")
                }
                log.report(ScaffoldError.unknownValue(option: option, field: field.name, label: field.label, value: value,
                                                      choices: choices))
                return ""
            }
            return written
        }
        if let value = ask("请选择\(field.label)：", from: displayed), let written = accept(value) { return written }
        if let unresolved {
            unresolved.note(field, rejected: nil)
            return YAMLText.quoted("")
        }
        log.report(ScaffoldError.missingValue(option: option, label: field.label, choices: displayed))
        return ""
    }

    private func ask(_ question: String, from choices: [String]) -> String? {
        prompter?.choose(question, from: choices)
    }

    private func number(_ field: FieldSpec, next: Int) -> Int? {
        guard let text = request.values[field.name] else { return next }
        guard let number = Int(text), number > 0 else {
            log.report(ScaffoldError.invalidNumber(option: "--" + field.name, label: field.label, value: text))
            return nil
        }
        return number
    }

    /// One more than the highest number of the kind's entries so far.
    private func nextNumber(_ field: FieldSpec) -> Int {
        if let givenNextNumber { return givenNextNumber }
        let numbers = site.entries.filter { $0.kind == request.kind }.compactMap { $0.frontMatter.field(field.name)?.scalar.flatMap { Int($0) } }
        // (A number beyond the field's range is a typo `check` reports; it does not count, nor overflow.)
        return (numbers.filter { field.allows(Double($0)) }.max() ?? 0) + 1
    }

    /// Comma-separated values (`家风建设,廉洁自律` or with Chinese commas).
    func list(_ field: String) -> [String] {
        (request.values[field] ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// YAML text written by dangjian: always double-quoted, so any title is safe.
enum YAMLText {
    static func quoted(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "\"\(escaped)\""
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }
}
