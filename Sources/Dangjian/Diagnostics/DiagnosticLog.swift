import Foundation

/// Collects the problems of a run from any thread. Every stage reports into one log, so a run
/// shows all of its problems at once instead of stopping at the first.
public final class DiagnosticLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Diagnostic] = []
    /// `diagnostics` as last worked out, until something more is reported.
    private var sorted: [Diagnostic]?

    public init() {}

    public func report(_ diagnostic: Diagnostic) {
        lock.lock()
        items.append(diagnostic)
        sorted = nil
        lock.unlock()
    }

    public func report(_ error: DiagnosticConvertible) {
        report(error.diagnostic)
    }

    public func report(contentsOf diagnostics: [Diagnostic]) {
        lock.lock()
        items.append(contentsOf: diagnostics)
        sorted = nil
        lock.unlock()
    }

    /// All diagnostics, sorted and without repeats. (Sorted first, so repeats are neighbours: hashing
    /// thousands of Chinese messages to find them was most of the cost.)
    public var diagnostics: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        if let sorted { return sorted }
        var unique: [Diagnostic] = []
        unique.reserveCapacity(items.count)
        // Positions are sorted, not the diagnostics themselves: moving one copies its four texts.
        for position in items.indices.sorted(by: { items[$0] < items[$1] }) where unique.last != items[position] {
            unique.append(items[position])
        }
        sorted = unique
        return unique
    }

    public var hasErrors: Bool {
        lock.lock()
        defer { lock.unlock() }
        return items.contains(where: \.isError)
    }
}

extension DiagnosticLog {
    /// `sorted` (a log's `diagnostics`: in order, without repeats) with `old` taken out and `new`
    /// put in, as a log holding the rest and `new` would give them, without sorting the whole list again.
    static func replacing(_ old: [Diagnostic], with new: [Diagnostic], in sorted: [Diagnostic]) -> [Diagnostic] {
        var list = sorted
        for problem in old {
            let position = list.insertionPoint(of: problem, by: <)
            if position < list.count, list[position] == problem { list.remove(at: position) }
        }
        for problem in new {
            let position = list.insertionPoint(of: problem, by: <)
            if position == list.count || list[position] != problem { list.insert(problem, at: position) }
        }
        return list
    }
}
