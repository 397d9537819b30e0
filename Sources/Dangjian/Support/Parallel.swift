import Dispatch

extension Array where Element: Sendable {
    /// Maps the elements on all cores, keeping their order. For CPU-bound work on many items.
    /// Each result is written once, straight into its place in the new array's storage: no shared
    /// Swift array is mutated from several threads.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        let count = self.count
        return withUnsafeBufferPointer { source in
            let elements = UnsafeSendable(source)
            return [T](unsafeUninitializedCapacity: count) { target, initialized in
                let slots = UnsafeSendable(target.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    (slots.value + index).initialize(to: transform(elements.value[index]))
                }
                initialized = count
            }
        }
    }
}

/// A buffer that is only read, or written at distinct places, while the work runs.
private struct UnsafeSendable<V>: @unchecked Sendable {
    let value: V
    init(_ value: V) { self.value = value }
}
