/// Reads typed values out of a YAML mapping, reporting wrong types with the value's position.
struct FieldReader {
    let node: YAMLNode
    let log: DiagnosticLog
    /// The Chinese label of a key, for messages.
    let label: (String) -> String

    init(node: YAMLNode, log: DiagnosticLog, labels: @escaping (String) -> String = { $0 }) {
        self.node = node
        self.log = log
        label = labels
    }

    var file: String { node.location.file }

    func has(_ key: String) -> Bool {
        guard let value = node.field(key) else { return false }
        return !value.isNull
    }

    /// A text value of only spaces.
    func isBlank(_ key: String) -> Bool {
        guard let text = node.field(key)?.scalar else { return false }
        return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    func location(of key: String) -> SourceLocation {
        node.field(key)?.location ?? SourceLocation(file: file, line: 1, column: 1)
    }

    /// A text value; numbers and dates written without quotes are text too.
    func string(_ key: String) -> String? {
        guard let value = node.field(key), !value.isNull else { return nil }
        guard let text = value.scalar else {
            log.report(ModelError.wrongType(location: value.location, field: key, expected: "一段文字"))
            return nil
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A list of texts; a single text is taken as a list of one.
    func stringList(_ key: String) -> [String]? {
        guard let value = node.field(key), !value.isNull else { return nil }
        switch value.kind {
        case let .scalar(text, _):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? [] : [trimmed]
        case let .sequence(items):
            var texts: [String] = []
            for item in items where !item.isNull {
                guard let text = item.scalar else {
                    log.report(ModelError.wrongType(location: item.location, field: key, expected: "文字列表，每项一行“- 文字”"))
                    continue
                }
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { texts.append(trimmed) }
            }
            return texts
        case .mapping:
            log.report(ModelError.wrongType(location: value.location, field: key, expected: "文字列表，每项一行“- 文字”"))
            return nil
        }
    }

    func bool(_ key: String) -> Bool? {
        guard let value = node.field(key), !value.isNull else { return nil }
        switch value.scalar?.lowercased() {
        case "true", "yes", "on", "是": return true
        case "false", "no", "off", "否": return false
        default:
            log.report(ModelError.wrongType(location: value.location, field: key, expected: "true 或 false"))
            return nil
        }
    }

    func number(_ key: String) -> Double? {
        guard let value = node.field(key), !value.isNull else { return nil }
        guard let text = value.scalar, let number = Double(text.trimmingCharacters(in: .whitespaces)), number.isFinite else {
            log.report(ModelError.wrongType(location: value.location, field: key, expected: "一个数字"))
            return nil
        }
        return number
    }

    func positiveNumber(_ key: String) -> Double? {
        guard let number = number(key) else { return nil }
        guard number > 0 else {
            log.report(ModelError.wrongType(location: location(of: key), field: key, expected: "大于 0 的数字"))
            return nil
        }
        return number
    }

    func positiveInt(_ key: String) -> Int? {
        guard let value = node.field(key), !value.isNull else { return nil }
        guard let text = value.scalar, let number = Int(text.trimmingCharacters(in: .whitespaces)), number > 0 else {
            log.report(ModelError.wrongType(location: value.location, field: key, expected: "正整数"))
            return nil
        }
        return number
    }

    func invalid(_ key: String, problem: String) {
        log.report(ModelError.invalidSiteSetting(location: location(of: key), setting: key, problem: problem))
    }

    /// Unknown keys are kept but named, with the closest known key when it looks like a typo.
    func warnAboutUnknownKeys(known: [String]) -> [YAMLField] {
        var unknown: [YAMLField] = []
        for field in node.fields ?? [] where !known.contains(field.key) {
            log.report(ModelError.unknownField(location: field.keyLocation, field: field.key,
                                               suggestion: Suggestion.closest(to: field.key, among: known)))
            unknown.append(field)
        }
        return unknown
    }
}
