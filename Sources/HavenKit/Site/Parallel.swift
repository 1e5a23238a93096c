import Dispatch

/// Maps over an array on all cores, keeping the input order in the result, so output never
/// depends on scheduling.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    if items.count < 2 { return items.map(transform) }
    let results = ResultSlots<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        results.set(index, transform(items[index]))
    }
    return results.values()
}

/// Write-once slots filled from several threads; each index is written by exactly one iteration.
private final class ResultSlots<R>: @unchecked Sendable {
    private var storage: [R?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: R) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }
    func values() -> [R] { storage.compactMap { $0 } }
}
