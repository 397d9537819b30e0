import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// `dangjian build` killed with SIGKILL (no chance to clean up) at random moments of a build of a
/// generated corpus: the previous site must stay byte for byte, and the next build must succeed and
/// leave nothing beside the site (the killed build's staging folder, lock file and set-aside site).
@Suite("Builds killed with kill -9", .serialized)
struct KillTests {
    static let entries = 200
    static let kills = 12

    /// A build of `site` started in the background (`full`: with `--full`, so it renders and writes
    /// everything even when nothing changed, and a kill has a whole build to land in).
    static func startBuild(_ site: TestSite, full: Bool = false) throws -> Process {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["build", "--root", site.root.path, "--quiet"] + (full ? ["--full"] : [])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("kill -9 at random moments keeps the previous site byte for byte; the next build succeeds", .timeLimit(.minutes(20)))
    func killedAtRandomMoments() throws {
        let corpus = try GeneratedCorpusTests.generate(entries: Self.entries)
        defer { try? FileManager.default.removeItem(at: corpus) }
        let site = try TestSite(copying: corpus)
        let started = Date()
        let first = try CommandLineTests().run(["build", "--root", site.root.path, "--quiet"])
        try #require(first.status == 0, "\(first.stderr)")
        let duration = Date().timeIntervalSince(started)
        var previous = AtomicWriteTests.contents(of: site.output)
        try #require(previous.count > 500, "a corpus big enough for a kill to land mid-build")

        var killed = 0
        var killedWhileWriting = 0
        for round in 0..<(Self.kills * 2) where killed < Self.kills {
            let delay = Double.random(in: 0.02...duration)
            let process = try Self.startBuild(site, full: true)
            Thread.sleep(forTimeInterval: delay)
            let beside = AtomicWriteTests.buildLeftovers(besides: site.output)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // It may have finished first: the site is then its own, and this round is not a kill.
            guard process.terminationReason == .uncaughtSignal else {
                previous = AtomicWriteTests.contents(of: site.output)
                continue
            }
            killed += 1
            if beside.contains(".site.dangjian-staging") { killedWhileWriting += 1 }
            let moment = "round \(round): killed \(String(format: "%.2f", delay)) s into a \(String(format: "%.1f", duration)) s build, beside the site: \(beside)"
            #expect(AtomicWriteTests.contents(of: site.output) == previous, "\(moment)")
            #expect(FileSafetyTests.nonRegularItems(under: site.output).isEmpty, "\(moment)")

            let next = try CommandLineTests().run(["build", "--root", site.root.path, "--quiet"])
            #expect(next.status == 0, "the build after the kill (\(moment)): \(next.stderr)")
            #expect(AtomicWriteTests.buildLeftovers(besides: site.output).isEmpty, "after the build that followed \(moment)")
            previous = AtomicWriteTests.contents(of: site.output)
        }
        #expect(killed >= 10, "builds killed before they ended: \(killed)")
        #expect(killedWhileWriting >= 3, "kills that landed while the new site was being written: \(killedWhileWriting)")
    }

    /// Incremental builds killed at random moments: each round changes one talk (every fifth round a
    /// template too, so the whole site is rendered), starts a build and kills it. The site must be the
    /// previous one byte for byte (or, killed after its swap, the whole new one), and the build after
    /// the kill must equal a `--full` build's.
    @Test("kill -9 during incremental builds keeps the previous site; the next build equals a full build", .timeLimit(.minutes(30)))
    func killedDuringIncrementalBuilds() throws {
        let corpus = try GeneratedCorpusTests.generate(entries: Self.entries / 2)
        defer { try? FileManager.default.removeItem(at: corpus) }
        let site = try TestSite(copying: corpus)
        let cli = CommandLineTests()
        try #require(try cli.run(["build", "--root", site.root.path, "--quiet"]).status == 0)
        let talks = TestSite.files(under: site.root.appendingPathComponent("content/talks")).filter { $0.hasSuffix(".md") }
        try #require(talks.count > 50)
        let fullOutput = site.root.appendingPathComponent("site-full")
        var killed = 0, killedWhileWriting = 0, killedBeforeSwap = 0
        // How long an incremental build takes: the kill lands within that (the build after each kill is timed again).
        var duration = 1.0
        for round in 0..<40 where killed < 20 {
            let talk = "content/talks/" + talks[(round * 37) % talks.count]
            try site.write(talk, try String(contentsOf: site.root.appendingPathComponent(talk), encoding: .utf8) + "\n第 \(round) 轮补充。\n")
            if round % 5 == 4 { try site.write("templates/partials/footer.mustache", "<footer>第 \(round) 轮</footer>\n") }
            let before = AtomicWriteTests.contents(of: site.output)
            let delay = Double.random(in: 0.01...max(0.02, duration))
            let victim = try Self.startBuild(site)
            Thread.sleep(forTimeInterval: delay)
            let beside = AtomicWriteTests.buildLeftovers(besides: site.output)
            // A spare without its token is being written into (or brought in line).
            let spareChanging = FileManager.default.fileExists(atPath: SpareSiteTests.spare(of: site).path) && !SpareSiteTests.trusted(site)
            kill(victim.processIdentifier, SIGKILL)
            victim.waitUntilExit()
            guard victim.terminationReason == .uncaughtSignal else { continue }
            killed += 1
            if beside.contains(".site.dangjian-staging") || spareChanging { killedWhileWriting += 1 }
            let moment = "round \(round): killed \(String(format: "%.2f", delay)) s into a \(String(format: "%.2f", duration)) s build, beside the site: \(beside)"
            let full = try cli.run(["build", "--root", site.root.path, "--output", fullOutput.path, "--full", "--quiet"])
            try #require(full.status == 0)
            let expected = AtomicWriteTests.contents(of: fullOutput)
            // Killed after its swap (while removing the previous site), the build has put its whole new site in place.
            let left = AtomicWriteTests.contents(of: site.output)
            #expect(left == before || left == expected, "\(moment): the previous site or the whole new one, nothing in between")
            if left == before { killedBeforeSwap += 1 }
            let started = Date()
            let next = try cli.run(["build", "--root", site.root.path, "--quiet"])
            duration = Date().timeIntervalSince(started)
            #expect(next.status == 0, "the build after the kill (\(moment)): \(next.stderr)")
            #expect(AtomicWriteTests.contents(of: site.output) == expected, "the build after \(moment) equals a full build")
            #expect(AtomicWriteTests.buildLeftovers(besides: site.output).isEmpty, "after the build that followed \(moment)")
            #expect(SpareSiteTests.differences(site).isEmpty, "the spare after the build that followed \(moment)")
        }
        #expect(killed >= 20, "incremental builds killed before they ended: \(killed)")
        #expect(killedBeforeSwap >= 15, "kills that left the previous site in place: \(killedBeforeSwap)")
        #expect(killedWhileWriting >= 3, "kills that landed while the new site was being assembled: \(killedWhileWriting)")
    }
}
