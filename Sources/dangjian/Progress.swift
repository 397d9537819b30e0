import Foundation

/// Shows how far a long build has come: a line that updates in place on a terminal, plain lines
/// every few seconds elsewhere (CI logs). Nothing for builds that take only a moment.
final class ProgressDisplay: @unchecked Sendable {
    private let start = Date()
    private let isTerminal = isatty(2) == 1
    private var lastShown: Date?
    private var shownAny = false
    private let lock = NSLock()
    private let label: String

    init(label: String = "正在生成页面") { self.label = label }

    func update(done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(start) > 1 else { return }
        let interval: TimeInterval = isTerminal ? 0.1 : 5
        if let lastShown, now.timeIntervalSince(lastShown) < interval, done < total { return }
        lastShown = now
        shownAny = true
        let percent = total > 0 ? done * 100 / total : 100
        let text = "\(label) \(done)/\(total)（\(percent)%）"
        FileHandle.standardError.write(Data((isTerminal ? "\r\u{1B}[K" + text : text + "\n").utf8))
    }

    /// Clears the terminal line before the summary is printed.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shownAny && isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
