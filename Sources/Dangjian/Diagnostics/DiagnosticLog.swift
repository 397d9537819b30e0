import Foundation

/// Collects the problems of a run from any thread. Every stage reports into one log, so a run
/// shows all of its problems at once instead of stopping at the first.
public final class DiagnosticLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Diagnostic] = []

    public init() {}

    public func report(_ diagnostic: Diagnostic) {
        lock.lock()
        items.append(diagnostic)
        lock.unlock()
    }

    public func report(_ error: DiagnosticConvertible) {
        report(error.diagnostic)
    }

    public func report(contentsOf diagnostics: [Diagnostic]) {
        lock.lock()
        items.append(contentsOf: diagnostics)
        lock.unlock()
    }

    /// All diagnostics, sorted and without repeats.
    public var diagnostics: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return Array(Set(items)).sorted()
    }

    public var hasErrors: Bool {
        lock.lock()
        defer { lock.unlock() }
        return items.contains(where: \.isError)
    }
}
