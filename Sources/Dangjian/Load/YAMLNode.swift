/// A YAML value with the place it was written, independent of the YAML library.
/// Scalars stay text: the model decides what a date, a number or a boolean is.
public struct YAMLNode: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        /// `quoted` is true for '…' and "…" scalars, which are always text.
        case scalar(String, quoted: Bool)
        case sequence([YAMLNode])
        case mapping([YAMLField])
    }

    public let kind: Kind
    public let location: SourceLocation

    public init(_ kind: Kind, location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// `~`, `null` and an empty value.
    public var isNull: Bool {
        if case let .scalar(text, quoted) = kind, !quoted {
            return text.isEmpty || text == "~" || text.lowercased() == "null"
        }
        return false
    }

    public var scalar: String? {
        if case let .scalar(text, _) = kind, !isNull { return text }
        return nil
    }

    public var fields: [YAMLField]? {
        if case let .mapping(fields) = kind { return fields }
        return nil
    }

    public func field(_ key: String) -> YAMLNode? {
        fields?.first(where: { $0.key == key })?.value
    }
}

public struct YAMLField: Sendable, Hashable {
    public let key: String
    public let keyLocation: SourceLocation
    public let value: YAMLNode
}
