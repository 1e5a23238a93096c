import Foundation

/// Runs blocking, CPU-bound work on a thread of its own so it holds none of the few threads of
/// Swift's cooperative pool (the HTTP side keeps answering while a build runs). Not a Dispatch
/// global queue: on Linux the cooperative pool is built on those, so blocking one starves requests.
enum OffloadedWork {
    /// The work's result, or nil if the calling task is cancelled first (the work then finishes
    /// on its own and its result is dropped), so shutting down never waits for a long build.
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T? {
        let slot = OneShot<T>()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
                slot.install(continuation)
                let thread = Thread { slot.resume(work()) }
                thread.name = "haven-build"
                thread.stackSize = 8 << 20  // as the main thread: parsing and rendering may recurse deeply
                thread.start()
            }
        } onCancel: {
            slot.resume(nil)
        }
    }
}

/// A continuation resumed exactly once, by whichever comes first.
private final class OneShot<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T?, Never>?
    private var early: T??

    func install(_ continuation: CheckedContinuation<T?, Never>) {
        let value = lock.withLock { () -> T?? in
            if let early { return .some(early) }
            self.continuation = continuation
            return nil
        }
        if let value { continuation.resume(returning: value) }
    }

    func resume(_ value: T?) {
        let waiting = lock.withLock { () -> CheckedContinuation<T?, Never>? in
            if let continuation {
                self.continuation = nil
                early = .some(nil)  // mark as done so a second resume is ignored
                return continuation
            }
            if early == nil { early = .some(value) }
            return nil
        }
        waiting?.resume(returning: value)
    }
}
