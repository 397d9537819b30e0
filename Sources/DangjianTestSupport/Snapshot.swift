import Foundation

/// Golden files compared byte for byte; `RECORD_SNAPSHOTS=1 swift test` writes them anew for review in the diff.
public enum Snapshot {
    public static var folder: URL {
        Repository.root.appendingPathComponent("Tests/DangjianEndToEndTests/Snapshots")
    }

    public static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// Nil when `actual` matches the golden file `name`; otherwise what differs, for the test's message.
    public static func compare(_ actual: String, named name: String) -> String? {
        let url = folder.appendingPathComponent(name)
        if isRecording {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "no snapshot \(name): run RECORD_SNAPSHOTS=1 swift test and review the new file"
        }
        if expected == actual { return nil }
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        let expectedLine = line < a.count ? String(a[line]) : "(end)"
        let actualLine = line < b.count ? String(b[line]) : "(end)"
        return "\(name) differs at line \(line + 1):\n  expected: \(expectedLine)\n  actual:   \(actualLine)\n(RECORD_SNAPSHOTS=1 swift test re-records)"
    }
}
