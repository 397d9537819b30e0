import Foundation

/// Inputs that would only find again what issue 12 already lists and another change of that issue
/// fixes. They are skipped (and named once on stderr) so a run goes on to find something new.
/// Remove a guard once its fix is merged: the fuzzer then holds the fix too.
enum KnownProblems {
    /// Issue 12, "resource exhaustion": Yams expands every alias, so a few lines of nested aliases
    /// (a "billion laughs") take gigabytes. A handful of aliases expands to little and is kept, so
    /// anchors and aliases are still fuzzed; more than `aliasLimit` alias tokens are skipped.
    static let aliasLimit = 8

    static func skipReason(yaml: String) -> String? {
        aliasTokens(in: yaml) > aliasLimit ? "YAML alias bomb (issue 12: aliases limited in front matter and site.yml)" : nil
    }

    /// `*name` where a YAML node can start: at a line's start or after a space, `[`, `{` or `,`.
    static func aliasTokens(in yaml: String) -> Int {
        var count = 0
        var previous: UInt8 = UInt8(ascii: "\n")
        var sawAnchor = false
        for byte in yaml.utf8 {
            let startsNode = previous == UInt8(ascii: "\n") || previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t")
                || previous == UInt8(ascii: "[") || previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",")
            if startsNode && byte == UInt8(ascii: "*") { count += 1 }
            if startsNode && byte == UInt8(ascii: "&") { sawAnchor = true }
            previous = byte
        }
        return sawAnchor ? count : 0
    }

    nonisolated(unsafe) private static var noted = Set<String>()
    private static let lock = NSLock()

    static func note(_ reason: String) {
        lock.lock()
        defer { lock.unlock() }
        if noted.insert(reason).inserted {
            FileHandle.standardError.write(Data("dangjian-fuzz: skipping inputs of a known problem: \(reason)\n".utf8))
        }
    }
}
