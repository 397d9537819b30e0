@testable import DangjianPreview
import Foundation
import Testing

@Suite("Noticing changes for the preview")
struct ChangeWatcherTests {
    @Test("edits, new folders and files in them, and removals are noticed; quiet folders are not")
    func notices() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("talks/2026/11"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        let talk = content.appendingPathComponent("talks/2026/11/23-a.md")
        try Data("a".utf8).write(to: talk)
        let watcher = ChangeWatcher(root: root)
        #expect(!watcher.hasChanged())

        try Data("ab".utf8).write(to: talk)
        #expect(watcher.hasChanged())
        #expect(!watcher.hasChanged())

        let month = content.appendingPathComponent("talks/2027/01")
        try FileManager.default.createDirectory(at: month, withIntermediateDirectories: true)
        #expect(watcher.hasChanged())
        try Data("c".utf8).write(to: month.appendingPathComponent("04-c.md"))
        #expect(watcher.hasChanged())

        try FileManager.default.removeItem(at: talk)
        #expect(watcher.hasChanged())
        try Data("{{title}}".utf8).write(to: root.appendingPathComponent("templates/talk.mustache"))
        #expect(watcher.hasChanged())
        #expect(!watcher.hasChanged())
    }
}
