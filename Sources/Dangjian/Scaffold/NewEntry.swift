import Foundation

/// What `dangjian new` was asked for: the kind, the title and option values as typed.
public struct NewEntryRequest: Sendable {
    public var kind: EntryKind
    public var title: String
    /// Option values by field name (`date`, `tags`, `slug` and the kind's own fields: `speaker`,
    /// `series`, `host`, `brand` …); lists comma-separated.
    public var values: [String: String]

    public init(kind: EntryKind, title: String, values: [String: String] = [:]) {
        self.kind = kind
        self.title = title
        self.values = values
    }
}

/// Asks people for missing values when they sit at a terminal.
public protocol ScaffoldPrompter {
    /// One of `choices`, or nil when the person gave up.
    func choose(_ question: String, from choices: [String]) -> String?
}
