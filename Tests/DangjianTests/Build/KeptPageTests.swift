@testable import Dangjian
import Foundation
import Testing

/// A page kept from the previous build is linked from the site in place; should its file go
/// between the check and the link, the build stops with a message instead of leaving it out.
@Suite("Kept pages")
struct KeptPageTests {
    @Test("a kept page is linked only while its file is the recorded one; one removed meanwhile is an error")
    func keptPageRemoved() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kept-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("site"), staging = folder.appendingPathComponent("staging")
        try FileManager.default.createDirectory(at: output.appendingPathComponent("talks"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        let page = output.appendingPathComponent("talks/index.html")
        try Data("晨学三分钟".utf8).write(to: page)
        let stamp = try #require(FileStamp.of(page.path))
        let reuse = OutputReuse(output: output, previous: [
            "talks/index.html": .init(hash: ContentHash.of("晨学三分钟"), stamp: stamp, values: "v1"),
        ])
        #expect(reuse.mayKeep("talks/index.html", values: "v1"))
        #expect(!reuse.mayKeep("talks/index.html", values: "v2"), "other values: rendered again")
        #expect(!reuse.mayKeep("index.html", values: "v1"), "a page the record does not know")
        let places = StagingFolder.Places(root: nil, rootShown: folder.path, output: output.path)
        var folders = Set<String>()
        try StagingFolder.fill(staging, with: [], kept: [KeptPage(path: "talks/index.html", values: "v1")],
                               existingFolders: &folders, places: places, reuse: reuse)
        #expect(try String(contentsOf: staging.appendingPathComponent("talks/index.html"), encoding: .utf8) == "晨学三分钟")
        #expect(reuse.keptCount == 1 && reuse.outputs["talks/index.html"]?.values == "v1", "recorded for the next build")

        try FileManager.default.removeItem(at: page)
        #expect(!reuse.mayKeep("talks/index.html", values: "v1"), "its file is gone: rendered again")
        let again = folder.appendingPathComponent("staging-2")
        try FileManager.default.createDirectory(at: again, withIntermediateDirectories: true)
        var otherFolders = Set<String>()
        #expect(throws: WriteError.keptFileChanged(path: "talks/index.html", output: output.path)) {
            try StagingFolder.fill(again, with: [], kept: [KeptPage(path: "talks/index.html", values: "v1")],
                                   existingFolders: &otherFolders, places: places, reuse: reuse)
        }
    }
}
