/// A value handed to the theme's templates: text, a number, a flag, a list, a map, or `absent`
/// — a key whose value an entry does not have. Templates show `absent` as nothing, and a map
/// answering `absent` stops the template engine from looking for the key in the values around it
/// (where another entry's branch or cover could be found). Built once and only read afterwards.
public enum TemplateValue: Sendable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case map(TemplateMap)
    case absent

    /// Text, or `absent` for nil.
    static func text(_ value: String?) -> TemplateValue { value.map { .text($0) } ?? .absent }
    static func texts(_ values: [String]) -> TemplateValue { .list(values.map { .text($0) }) }

    /// The items of a list (nil for anything else).
    public var items: [TemplateValue]? {
        if case let .list(items) = self { return items }
        return nil
    }
}

/// Template values under names. A map made with a `schema` answers `absent` for every name of the
/// schema it lacks: cards are made that way, from every key any kind's card can have.
public struct TemplateMap: Sendable {
    private(set) var values: [String: TemplateValue]

    public init(_ values: [String: TemplateValue] = [:]) {
        self.values = values
    }

    /// A map answering `absent` for the names of `schema` not set in `values`.
    init(_ values: [String: TemplateValue], schema: Set<String>) {
        var closed = values
        for key in schema where closed[key] == nil { closed[key] = .absent }
        self.values = closed
    }

    public subscript(key: String) -> TemplateValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// This map with `other`'s values added (`other` wins where both have a name).
    func merging(_ other: TemplateMap) -> TemplateMap {
        TemplateMap(values.merging(other.values, uniquingKeysWith: { _, new in new }))
    }

    func merging(_ other: [String: TemplateValue]) -> TemplateMap { merging(TemplateMap(other)) }
}

extension YAMLNode {
    /// A value handed to templates as written: text, a list or a map of them.
    var templateValue: TemplateValue {
        switch kind {
        case let .scalar(text, _): return .text(isNull ? "" : text)
        case let .sequence(items): return .list(items.map(\.templateValue))
        case let .mapping(fields):
            var map = TemplateMap()
            for field in fields { map[field.key] = field.value.templateValue }
            return .map(map)
        }
    }
}
