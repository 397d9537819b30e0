/// A value handed to the theme's templates: text, a number, a flag, a list, a map, text made
/// only when a template shows it (`deferred`), or `absent` — a key whose value an entry does not have. Templates show `absent` as nothing, and a map
/// answering `absent` stops the template engine from looking for the key in the values around it
/// (where another entry's branch or cover could be found). Built once and only read afterwards.
public enum TemplateValue: Sendable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    /// Boxed: a map is four words, every other case two, and cards hold tens of values each.
    indirect case map(TemplateMap)
    /// Text made when a template first shows it (a card's rendered fragment, a QR code): a page that
    /// is not rendered again does not make it. Its `key` names what it is made from.
    case deferred(DeferredText)
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

/// Template values under names. A *closed* map (an entry's card) answers `absent` for every name it
/// lacks, except the names of the page layout (`root`, `site`, `page`, `nav`, `chrome`): a template
/// reading inside a card a key the entry does not have finds nothing, never the value of the page or
/// the entry around it, whatever the kind, the family or the theme adds.
public struct TemplateMap: Sendable {
    private(set) var values: [String: TemplateValue] {
        didSet { digestMade = nil }
    }
    /// Whether names not in `values` (other than the layout's) answer `absent` instead of being
    /// looked up in the values around the map.
    let isClosed: Bool
    /// The map's fingerprint when it was made ahead (`fingerprinted`): a card shown on many pages is walked once.
    private(set) var digestMade: ContentDigest?

    public init(_ values: [String: TemplateValue] = [:]) {
        self.values = values
        isClosed = false
    }

    /// A closed map: an entry's card.
    static func closed(_ values: [String: TemplateValue]) -> TemplateMap {
        TemplateMap(values: values, isClosed: true)
    }

    private init(values: [String: TemplateValue], isClosed: Bool) {
        self.values = values
        self.isClosed = isClosed
    }

    public subscript(key: String) -> TemplateValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// What a template finds under `name` in this map: nil sends the engine on to the values around it.
    func lookup(_ name: String) -> TemplateValue? {
        if let value = values[name] { return value }
        return isClosed && !PageLayout.names.contains(name) ? .absent : nil
    }

    /// This map with its fingerprint made now, for maps that many pages show.
    func fingerprinted() -> TemplateMap {
        var copy = self
        copy.digestMade = copy.makeDigest()
        return copy
    }

    /// This map with `other`'s values added (`other` wins where both have a name); closed if this one is.
    func merging(_ other: TemplateMap) -> TemplateMap {
        TemplateMap(values: values.merging(other.values, uniquingKeysWith: { _, new in new }), isClosed: isClosed)
    }

    func merging(_ other: [String: TemplateValue]) -> TemplateMap { merging(TemplateMap(other)) }
}

/// The names every page's templates are given at the top: the layout, reachable from inside any card.
enum PageLayout {
    static let root = "root", site = "site", page = "page", nav = "nav", chrome = "chrome"
    static let names: Set<String> = [root, site, page, nav, chrome]
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
