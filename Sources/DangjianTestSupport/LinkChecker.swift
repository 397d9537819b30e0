import Foundation

/// Finds every `href` and `src` of every HTML page of a built site and reports those that do not
/// resolve to a file of the site, and those that point outside it.
public enum LinkChecker {
    public struct Problem: CustomStringConvertible, Equatable {
        public let page: String
        public let link: String
        public var description: String { "\(page): \(link)" }
    }

    public static func check(site: URL) -> (checked: Int, broken: [Problem], external: [Problem]) {
        var checked = 0
        var broken: [Problem] = []
        var external: [Problem] = []
        for page in TestSite.files(under: site) where page.hasSuffix(".html") {
            guard let html = try? String(contentsOf: site.appendingPathComponent(page), encoding: .utf8) else { continue }
            for link in links(in: html) {
                checked += 1
                if link.hasPrefix("#") || link.hasPrefix("mailto:") || link.hasPrefix("tel:") { continue }
                if link.contains("://") || link.hasPrefix("//") {
                    external.append(Problem(page: page, link: link))
                    continue
                }
                if !resolves(link, from: page, in: site) { broken.append(Problem(page: page, link: link)) }
            }
        }
        return (checked, broken, external)
    }

    public static func links(in html: String) -> [String] {
        let pattern = #/(?:href|src)="([^"]*)"/#
        return html.matches(of: pattern).map { decodeEntities(String($0.output.1)) }
    }

    static func resolves(_ link: String, from page: String, in site: URL) -> Bool {
        var path = link
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        if path.isEmpty { return true }
        path = path.removingPercentEncoding ?? path
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case ".", "": continue
            case "..":
                if parts.isEmpty { return false }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: site.appendingPathComponent(parts.joined(separator: "/")).path,
                                                    isDirectory: &isFolder)
        // A link to a folder shows a listing when the site is opened as files: it counts as broken.
        return exists && !isFolder.boolValue
    }

    static func decodeEntities(_ text: String) -> String {
        text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&quot;", with: "\"")
    }
}
