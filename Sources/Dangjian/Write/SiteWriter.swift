import CRenameExchange
import Foundation

/// The write stage: writes the whole site into a staging folder beside the output folder, then swaps
/// it into place in one step. A build that fails or is killed leaves the previous site as it was;
/// pages of removed entries disappear because the site is written anew each time.
public enum SiteWriter {
    /// A file in every generated site, so a folder full of someone's documents is never replaced by mistake.
    public static let markerName = ".dangjian-site"

    public static func write(_ files: [OutputFile], to output: URL, root: URL, log: DiagnosticLog) -> Bool {
        let output = output.standardizedFileURL
        guard isSafe(output, root: root.standardizedFileURL) else {
            log.report(WriteError.unsafeOutput(path: output.path))
            return false
        }
        guard mayReplace(output) else {
            log.report(WriteError.notASite(path: output.path))
            return false
        }
        let staging = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).dangjian-staging")
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: staging)
        do {
            try StagingFolder.fill(staging, with: files + [OutputFile(path: markerName, content: .text("dangjian\n"))])
            try swapIntoPlace(staging, output)
            return true
        } catch let error as WriteError {
            try? fileManager.removeItem(at: staging)
            log.report(error)
            return false
        } catch {
            try? fileManager.removeItem(at: staging)
            log.report(WriteError.cannotWrite(path: output.path, reason: error.localizedDescription))
            return false
        }
    }

    private static func isSafe(_ output: URL, root: URL) -> Bool {
        let protected = [root, root.appendingPathComponent("content"), root.appendingPathComponent("templates")]
            .map { $0.standardizedFileURL.path }
        let path = output.path
        return !protected.contains { $0 == path || $0.hasPrefix(path + "/") || path.hasPrefix($0 + "/") && $0 != root.path }
    }

    private static func mayReplace(_ output: URL) -> Bool {
        let fileManager = FileManager.default
        guard let items = try? fileManager.contentsOfDirectory(atPath: output.path), !items.isEmpty else { return true }
        return items.contains(markerName)
    }

    private static func swapIntoPlace(_ staging: URL, _ output: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        if dangjian_rename_exchange(staging.path, output.path) == 0 {
            try? fileManager.removeItem(at: staging)
            return
        }
        // Without an atomic exchange, move the old site aside first; the window is two renames long.
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).dangjian-old")
        try? fileManager.removeItem(at: old)
        try fileManager.moveItem(at: output, to: old)
        try fileManager.moveItem(at: staging, to: output)
        try? fileManager.removeItem(at: old)
    }
}
