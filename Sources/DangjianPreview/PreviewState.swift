import Dangjian
import Foundation

/// What the preview server shows: the last site that built, and the problems of the last build
/// when it failed. Every rebuild bumps the generation the browsers wait on.
public actor PreviewState {
    public struct Status: Sendable {
        public let generation: Int
        public let diagnostics: [Diagnostic]
        public var hasErrors: Bool { diagnostics.contains(where: \.isError) }
    }

    private var site: OnDemandSite?
    private var status = Status(generation: 0, diagnostics: [])
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var closing = false

    public init() {}

    /// After a successful build: the new site replaces the old one.
    public func publish(_ newSite: OnDemandSite, diagnostics: [Diagnostic]) {
        site = newSite
        advance(diagnostics)
    }

    /// After a failed build: the last good site stays, the problems are shown over it.
    public func fail(_ diagnostics: [Diagnostic]) {
        advance(diagnostics)
    }

    /// The site to answer from and its generation; its pages are rendered outside the actor.
    public var shown: (site: OnDemandSite?, generation: Int) { (site, status.generation) }

    public var current: Status { status }

    /// Returns once the generation is past `generation`, or after `timeout` seconds.
    public func waitForChange(after generation: Int, timeout: Double) async -> Status {
        if status.generation > generation || closing { return status }
        let waiter = Task { [weak self] in
            try? await Task.sleep(nanoseconds: UInt64(timeout * 1e9))
            await self?.wakeAll()
        }
        await withCheckedContinuation { waiters.append($0) }
        waiter.cancel()
        return status
    }

    /// The server is stopping: answer every waiting browser now, so the shutdown need not wait for them.
    public func close() {
        closing = true
        wakeAll()
    }

    private func advance(_ diagnostics: [Diagnostic]) {
        status = Status(generation: status.generation + 1, diagnostics: diagnostics)
        wakeAll()
    }

    private func wakeAll() {
        let waiting = waiters
        waiters = []
        waiting.forEach { $0.resume() }
    }
}
