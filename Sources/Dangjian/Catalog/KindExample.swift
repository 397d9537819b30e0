/// The example of a kind that `dangjian init` writes into a new site: a title and file name, the
/// front matter after `title` and `date`, and a body saying how to change it. Declared with the kind
/// (`example:`), so a new site shows every kind the catalog has and nothing else names one.
public struct KindExample: Sendable {
    public let title: String
    public let slug: String
    /// Field name → the value as written in YAML, for a new site of `ExampleSite`'s branches and series.
    public let fields: @Sendable (ExampleSite) -> [(String, String)]
    public let body: String

    public init(title: String, slug: String, body: String, fields: @escaping @Sendable (ExampleSite) -> [(String, String)] = { _ in [] }) {
        self.title = title
        self.slug = slug
        self.body = body
        self.fields = fields
    }
}

/// What an example may use of the new site: its branches, its first series and its organisation.
public struct ExampleSite: Sendable {
    public let branches: [String]
    public let series: String
    public let organization: String

    /// The first branch: the one the examples belong to.
    public var branch: String { branches[0] }
}
