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

    static func startBuild(_ site: TestSite) throws -> Process {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["build", "--root", site.root.path, "--quiet"]
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
            let process = try Self.startBuild(site)
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
}
