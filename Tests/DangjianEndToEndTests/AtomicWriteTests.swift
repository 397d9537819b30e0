import Dangjian
import DangjianTestSupport
import Foundation
import Testing

@Suite("Writing the site")
struct AtomicWriteTests {
    static let site = Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk()

    @Test("a failed build leaves the previous site as it was")
    func failedBuildKeepsSite() throws {
        let site = try TestSite(Self.site)
        #expect(site.build().succeeded)
        let before = site.outputFiles()
        let page = site.page("talks/2024/03/06-a/index.html")
        try site.write("content/talks/2024/03/07-b.md", Fixtures.talk("branch: 不存在的支部"))
        #expect(!site.build().succeeded)
        #expect(site.outputFiles() == before)
        #expect(site.page("talks/2024/03/06-a/index.html") == page)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".site.dangjian-staging").path))
    }

    @Test("pages of removed entries disappear on the next build")
    func removedEntriesDisappear() throws {
        let site = try TestSite(Self.site + "\n-- content/talks/2024/03/07-b.md --\n" + Fixtures.talk(date: "2024-03-07"))
        site.build()
        #expect(site.exists("talks/2024/03/07-b/index.html"))
        try site.remove("content/talks/2024/03/07-b.md")
        #expect(site.build().succeeded)
        #expect(!site.exists("talks/2024/03/07-b/index.html"))
        #expect(site.exists("talks/2024/03/06-a/index.html"))
    }

    @Test("content files are never modified by a build")
    func contentUntouched() throws {
        let site = try TestSite(Self.site)
        let file = site.root.appendingPathComponent("content/talks/2024/03/06-a.md")
        let before = try Data(contentsOf: file)
        site.build()
        #expect(try Data(contentsOf: file) == before)
    }

    @Test("an output folder holding other files, or the content folder itself, is refused")
    func unsafeOutputs() throws {
        let site = try TestSite(Self.site)
        let documents = site.root.appendingPathComponent("documents")
        try site.write("documents/report.docx", "重要文件")
        let report = SiteBuilder.build(root: site.root, output: documents, options: BuildOptions(now: TestSite.today))
        #expect(report.diagnostics.contains { $0.code == "output-not-a-site" })
        #expect(FileManager.default.fileExists(atPath: documents.appendingPathComponent("report.docx").path))
        for folder in ["content", "templates", "."] {
            let refused = SiteBuilder.build(root: site.root, output: site.root.appendingPathComponent(folder),
                                            options: BuildOptions(now: TestSite.today))
            #expect(refused.diagnostics.contains { $0.code == "unsafe-output" }, "\(folder)")
        }
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/site.yml").path))
    }

    @Test("check validates everything and writes nothing")
    func checkWritesNothing() throws {
        let site = try TestSite(Self.site)
        let report = site.check()
        #expect(report.succeeded)
        #expect(report.pageCount > 10)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }
}
