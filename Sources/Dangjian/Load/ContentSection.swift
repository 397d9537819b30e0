/// The folders of `content/` and the kind of entry each holds.
public enum ContentSection: String, Sendable, CaseIterable, Hashable {
    case brands
    case salons
    case talks
    case pages

    /// The section a path relative to `content/` belongs to, by its first folder.
    static func of(contentPath: String) -> ContentSection? {
        guard let slash = contentPath.firstIndex(of: "/") else { return nil }
        return ContentSection(rawValue: String(contentPath[..<slash]))
    }
}
