import Foundation

/// Request paths → files of the built site. Only the site's own files can be named: `..`, encoded
/// or not, backslashes and NUL bytes are refused before any lookup.
enum PreviewPath {
    /// The site path for a request path (`/talks/` → `talks/index.html`), or nil when it is refused.
    static func resolve(_ raw: String) -> String? {
        let withoutQuery = raw.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard let decoded = withoutQuery.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else {
            return nil
        }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        let path = parts.joined(separator: "/")
        if path.isEmpty || decoded.hasSuffix("/") { return path.isEmpty ? "index.html" : path + "/index.html" }
        return path
    }
}

