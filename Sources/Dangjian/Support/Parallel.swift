import Dispatch

extension Array where Element: Sendable {
    /// Maps the elements on all cores, keeping their order. For CPU-bound work on many items.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        let results = ResultSlots<T>(count: count)
        self.withUnsafeBufferPointer { buffer in
            let elements = UnsafeSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                results.store(transform(elements.value[index]), at: index)
            }
        }
        return results.values()
    }
}

/// Write-once slots, one per index, filled from many threads without overlap.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: T, at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [T] { slots.map { $0! } }
}

/// A buffer that is only read while the work runs.
private struct UnsafeSendable<V>: @unchecked Sendable {
    let value: V
    init(_ value: V) { self.value = value }
}
