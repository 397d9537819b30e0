import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// Links, link loops, named pipes and folders where files are expected: nothing outside the site
/// root is read or published, no link reaches `site/`, nothing hangs, and each problem is named
/// with the file (and line) that uses it.
@Suite("Links and special files", .timeLimit(.minutes(10)))
struct FileSafetyTests {
    static let talkPath = "content/talks/2024/03/06-a.md"

    /// A site whose one talk shows the picture `picture` (relative to the talk's folder) on line 7.
    static func site(picture: String = "photo.png") throws -> TestSite {
        try TestSite(Fixtures.siteYML + "\n-- \(talkPath) --\n" + Fixtures.talk(body: "正文第一段。\n\n![合影](\(picture))"))
    }

    /// A real picture (it gets web versions), with a text after its end to recognise it by.
    static let pictureBytes = WordFixtures.png() + Data("合影".utf8)

    /// A file outside every site root, with text that must never appear in a site.
    static func secretFile() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("passwd.png")
        try Data("root:x:0:0:不应出现在网站中".utf8).write(to: file)
        return file
    }

    static func link(_ path: String, to destination: String, in site: TestSite) throws {
        let url = site.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    /// Everything below `folder` that is not a regular file or a folder (links above all), hidden names included.
    static func nonRegularItems(under folder: URL) -> [String] {
        var found: [String] = []
        func walk(_ path: String) {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                let child = path + "/" + name
                var info = stat()
                guard lstat(child, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: walk(child)
                case S_IFREG: continue
                default: found.append(child)
                }
            }
        }
        walk(folder.path)
        return found
    }

    /// Every file of the site with its bytes, to compare a site before and after.
    static func contents(of site: TestSite) -> [String: Data] {
        var contents: [String: Data] = [:]
        for file in site.outputFiles() { contents[file] = try? Data(contentsOf: site.output.appendingPathComponent(file)) }
        return contents
    }

    @Test("a picture that is a link to a file inside the site root is published as a regular file")
    func linkInsideRoot() throws {
        let site = try Self.site()
        try site.write("shared/photos/photo.png", data: Self.pictureBytes)
        try Self.link("content/talks/2024/03/photo.png", to: "../../../../shared/photos/photo.png", in: site)
        try site.write("templates/assets/extra.css", "body{}")
        try Self.link("templates/assets/linked.css", to: "extra.css", in: site)
        let report = site.build()
        #expect(report.succeeded, "\(report.errors.map(DiagnosticFormatter.compilerStyle))")
        let copied = site.output.appendingPathComponent("talks/2024/03/06-a/photo.png")
        var info = stat()
        #expect(lstat(copied.path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG, "copied as a file, not as a link")
        #expect(try Data(contentsOf: copied) == Self.pictureBytes)
        #expect(site.exists("assets/linked.css"))
        #expect(Self.nonRegularItems(under: site.output).isEmpty, "no link anywhere in site/")
    }

    @Test("a chain of links that ends outside the root is refused with the entry's file and line; nothing is published")
    func chainLeavingRoot() throws {
        let site = try Self.site(picture: "photo.png")
        try site.write("content/talks/2024/03/photo.png", data: Self.pictureBytes)
        #expect(site.build().succeeded)
        let before = Self.contents(of: site)
        let secret = try Self.secretFile()
        defer { try? FileManager.default.removeItem(at: secret.deletingLastPathComponent()) }
        // photo.png → ../step.png → ../../hop.png → the secret file, by a relative path full of ../
        let upToFilesystemRoot = String(repeating: "../", count: secret.pathComponents.count + 8)
        try site.remove("content/talks/2024/03/photo.png")
        try Self.link("content/talks/2024/03/photo.png", to: "../step.png", in: site)
        try Self.link("content/talks/2024/step.png", to: "../hop.png", in: site)
        try Self.link("content/talks/hop.png", to: upToFilesystemRoot + String(secret.path.dropFirst()), in: site)

        let report = site.build()
        #expect(!report.succeeded)
        let refused = report.errors.first { $0.code == "refused-file" }
        #expect(refused?.file == Self.talkPath)
        #expect(refused?.line == 9 && refused?.column == 1, "the picture's line in the file")
        #expect(refused?.message.contains("图片或附件“photo.png”是指向站点文件夹之外") == true)
        #expect(refused?.message.contains("请删除这个链接，把文件本身复制到 content/ 中") == true)
        #expect(Self.contents(of: site) == before, "the previous site stays as it was")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".site.dangjian-staging").path))
    }

    @Test("a link loop, a named pipe and a folder named .md are reported by name, without hanging")
    func loopsPipesAndFolders() throws {
        let site = try Self.site(picture: "loop.png")
        try Self.link("content/talks/2024/03/loop.png", to: "loop-2.png", in: site)
        try Self.link("content/talks/2024/03/loop-2.png", to: "loop.png", in: site)
        try Self.link("content/talks/2024/03/07-loop.md", to: "07-loop.md", in: site)
        let pipe = site.root.appendingPathComponent("content/talks/2024/03/08-pipe.md")
        #expect(mkfifo(pipe.path, 0o644) == 0)
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("content/talks/2024/03/09-folder.md"),
                                                withIntermediateDirectories: true)
        let report = site.build()
        #expect(!report.succeeded)
        let byFile = Dictionary(report.errors.filter { $0.code == "refused-file" }.map { ($0.file, $0.message) }) { first, _ in first }
        #expect(byFile[Self.talkPath]?.contains("图片或附件“loop.png”是循环的链接") == true)
        #expect(byFile["content/talks/2024/03/07-loop.md"]?.contains("此文件是循环的链接") == true)
        #expect(byFile["content/talks/2024/03/08-pipe.md"]?.contains("命名管道（FIFO）") == true)
        #expect(byFile["content/talks/2024/03/09-folder.md"]?.contains("是一个文件夹，不是文件") == true)
        #expect(!site.exists("index.html"))
    }

    @Test("site.yml that is a named pipe or a link out of the root is refused, not waited on")
    func siteConfigPipe() throws {
        let site = try TestSite("-- \(Self.talkPath) --\n" + Fixtures.talk())
        #expect(mkfifo(site.root.appendingPathComponent("content/site.yml").path, 0o644) == 0)
        let report = site.check()
        #expect(report.errors.contains { $0.code == "refused-file" && $0.file == "content/site.yml" && $0.message.contains("命名管道") })
        try site.remove("content/site.yml")
        let secret = try Self.secretFile()
        defer { try? FileManager.default.removeItem(at: secret.deletingLastPathComponent()) }
        try Self.link("content/site.yml", to: secret.path, in: site)
        #expect(site.check().errors.contains { $0.code == "refused-file" && $0.file == "content/site.yml" })
    }

    @Test("content/ or templates/ linked to a folder outside the root is refused and the previous site is kept")
    func foldersOutsideRoot() throws {
        let site = try Self.site()
        try site.write("content/talks/2024/03/photo.png", data: Self.pictureBytes)
        #expect(site.build().succeeded)
        let before = Self.contents(of: site)
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-elsewhere-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        for folder in ["content", "templates"] {
            let original = site.root.appendingPathComponent(folder)
            let moved = elsewhere.appendingPathComponent(folder)
            try FileManager.default.moveItem(at: original, to: moved)
            try FileManager.default.createSymbolicLink(at: original, withDestinationURL: moved)
            let report = site.build()
            #expect(!report.succeeded, "\(folder)")
            let problem = report.errors.first { $0.code == "folder-outside-root" }
            #expect(problem?.file == "\(folder)/")
            #expect(problem?.message.contains("是指向站点文件夹之外（\(moved.path)）的链接") == true)
            #expect(Self.contents(of: site) == before, "no empty site over the good one (\(folder))")
            try FileManager.default.removeItem(at: original)
            try FileManager.default.moveItem(at: moved, to: original)
        }
        #expect(site.build().succeeded)
    }

    @Test("a theme file or template that is a link out of the root is refused")
    func themeLinks() throws {
        let site = try Self.site()
        try site.write("content/talks/2024/03/photo.png", data: Self.pictureBytes)
        let secret = try Self.secretFile()
        defer { try? FileManager.default.removeItem(at: secret.deletingLastPathComponent()) }
        try Self.link("templates/assets/leak.css", to: secret.path, in: site)
        try Self.link("templates/partials/leak.mustache", to: secret.path, in: site)
        let report = site.build()
        #expect(!report.succeeded)
        let files = Set(report.errors.filter { $0.code == "refused-file" }.map(\.file))
        #expect(files == ["templates/assets/leak.css", "templates/partials/leak.mustache"])
        #expect(!site.exists("index.html"))
    }

    @Test("the dangjian command names the entry, line and column of a refused picture, and exits with status 1")
    func commandLine() throws {
        let site = try Self.site()
        let secret = try Self.secretFile()
        defer { try? FileManager.default.removeItem(at: secret.deletingLastPathComponent()) }
        try Self.link("content/talks/2024/03/photo.png", to: secret.path, in: site)
        let result = try CommandLineTests().run(["build", "--root", site.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(Self.talkPath):9:1: 错误: 图片或附件“photo.png”是指向站点文件夹之外（\(secret.path)）的链接"))
        #expect(!site.exists("index.html"))
    }

    @Test("serve reads a picture when it is asked for and refuses one replaced by a link out of the root")
    func serveRefusesSwappedLink() throws {
        let site = try Self.site()
        let picture = site.root.appendingPathComponent("content/talks/2024/03/photo.png")
        try Self.pictureBytes.write(to: picture)
        let secret = try Self.secretFile()
        defer { try? FileManager.default.removeItem(at: secret.deletingLastPathComponent()) }
        let server = try ServeTests.Server(root: site.root)
        defer { _ = server.stop() }
        try #require(server.port > 0, "the server did not say where it listens")
        let address = "/talks/2024/03/06-a/photo.png"
        let (status, body) = server.get(address)
        #expect(status == 200 && body.contains("合影"))

        // Swapped for a link at once: asked before the rebuild notices, and after it.
        let generation = server.status(after: -1)["generation"] as? Int ?? 0
        try FileManager.default.removeItem(at: picture)
        try FileManager.default.createSymbolicLink(atPath: picture.path, withDestinationPath: secret.path)
        let (early, earlyBody) = server.get(address)
        #expect(early == 403 && !earlyBody.contains("root:x"), "before the rebuild: \(early)")
        let rebuilt = server.status(after: generation)
        #expect((rebuilt["errors"] as? [String] ?? []).contains { $0.contains("图片或附件“photo.png”是指向站点文件夹之外") })
        let (late, lateBody) = server.get(address)
        #expect(late != 200 && !lateBody.contains("root:x"), "after the rebuild: \(late)")
    }
}
