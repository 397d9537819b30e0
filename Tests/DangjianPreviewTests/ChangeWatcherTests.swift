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

    @Test("it says which files were written, relative to the root, and that it cannot say once a folder is made")
    func namesWrittenFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let month = root.appendingPathComponent("content/talks/2026/11")
        try FileManager.default.createDirectory(at: month, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try Data("a".utf8).write(to: month.appendingPathComponent("23-a.md"))
        let watcher = ChangeWatcher(root: root)
        #expect(watcher.takeChanges() == [])

        try Data("ab".utf8).write(to: month.appendingPathComponent("23-a.md"))
        try Data("{{title}}".utf8).write(to: root.appendingPathComponent("templates/talk.mustache"))
        #expect(watcher.hasChanged())
        #expect(watcher.takeChanges() == ["content/talks/2026/11/23-a.md", "templates/talk.mustache"])
        #expect(watcher.takeChanges() == [])

        try FileManager.default.createDirectory(at: month.appendingPathComponent("photos"), withIntermediateDirectories: true)
        try Data("b".utf8).write(to: month.appendingPathComponent("24-b.md"))
        #expect(watcher.hasChanged())
        #expect(watcher.takeChanges() == nil, "a new folder: what is in it is not known file by file")
        #expect(watcher.takeChanges() == [])
    }
}
