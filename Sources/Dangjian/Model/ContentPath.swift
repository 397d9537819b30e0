/// Paths inside `content/`, written relative to a file, resolved without touching the disk.
public enum ContentPath {
    /// Resolves `relative` against `folder` (both relative to `content/`). Nil when the result
    /// would leave `content/`, or when `relative` is absolute.
    public static func resolve(_ relative: String, from folder: String) -> String? {
        guard !relative.hasPrefix("/"), !relative.contains("\\") else { return nil }
        var parts = folder.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
