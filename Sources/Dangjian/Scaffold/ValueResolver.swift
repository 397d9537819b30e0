import Foundation

/// Turns option values into front matter values: checked against site.yml, asked for at a terminal
/// when missing, reported when wrong.
struct ValueResolver {
    let request: NewEntryRequest
    let config: SiteConfig
    let prompter: ScaffoldPrompter?
    let log: DiagnosticLog

    func date(now: Date) -> EntryDate? {
        guard let text = request.values["date"] else { return EntryDate.of(now, in: config.timeZone).dayOnly }
        guard let date = EntryDate(parsing: text) else {
            log.report(ScaffoldError.invalidDate(option: "--date", value: text))
            return nil
        }
        return date
    }

    /// Free text that is required (the speaker): asked for when missing.
    mutating func text(_ choice: RequiredChoice) -> String {
        if let value = request.values[choice.field], !value.isEmpty { return YAMLText.quoted(value) }
        if let prompter, let value = prompter.choose("请输入\(FieldLabels.label(choice.field))：", from: []), !value.isEmpty {
            return YAMLText.quoted(value)
        }
        log.report(ScaffoldError.missingValue(option: choice.option, field: choice.field, choices: []))
        return ""
    }

    /// A value from a list of site.yml (series, category).
    mutating func choice(_ choice: RequiredChoice, among choices: [String]) -> String {
        if let value = request.values[choice.field] {
            guard choices.contains(value) else {
                log.report(ScaffoldError.unknownValue(option: choice.option, field: choice.field, value: value, choices: choices))
                return ""
            }
            return YAMLText.quoted(value)
        }
        if let prompter, let value = prompter.choose("请选择\(FieldLabels.label(choice.field))：", from: choices),
           choices.contains(value) {
            return YAMLText.quoted(value)
        }
        log.report(ScaffoldError.missingValue(option: choice.option, field: choice.field, choices: choices))
        return ""
    }

    /// A required branch (brand's branch, salon's host), written by id.
    mutating func branch(_ choice: RequiredChoice) -> String {
        let names = config.branches.map(\.name)
        if let value = request.values[choice.field] {
            guard let branch = config.branch(matching: value) else {
                log.report(ScaffoldError.unknownValue(option: choice.option, field: choice.field, value: value,
                                                      choices: config.branches.flatMap { [$0.id, $0.name] }))
                return ""
            }
            return branch.id
        }
        if let prompter, let value = prompter.choose("请选择\(FieldLabels.label(choice.field))：", from: names),
           let branch = config.branch(matching: value) {
            return branch.id
        }
        log.report(ScaffoldError.missingValue(option: choice.option, field: choice.field, choices: names))
        return ""
    }

    /// A talk's optional branch: only checked when given.
    func optionalBranch() -> String? {
        guard let value = request.values["branch"] else { return nil }
        guard let branch = config.branch(matching: value) else {
            log.report(ScaffoldError.unknownValue(option: "--branch", field: "branch", value: value,
                                                  choices: config.branches.flatMap { [$0.id, $0.name] }))
            return nil
        }
        return branch.id
    }

    func issue(next: Int) -> Int? {
        guard let text = request.values["issue"] else { return next }
        guard let issue = Int(text), issue > 0 else {
            log.report(ScaffoldError.invalidIssue(option: "--issue", value: text))
            return nil
        }
        return issue
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
