import Foundation

/// Tells every open page which build is current, over Server-Sent Events. Each subscriber gets the
/// current generation at once (so a rebuild that happened while the page loaded is not missed) and
/// every later one; only the newest matters, so older ones are dropped if a page is slow.
final class ReloadBroadcaster: @unchecked Sendable {
    private let lock = NSLock()
    private var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0
    private var latest: String?
    private var closed = false

    /// The generations from now on, starting with the current one if there is one.
    func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(1))
        let id = lock.withLock { () -> Int? in
            guard !closed else { return nil }
            nextID += 1
            subscribers[nextID] = continuation
            if let latest { continuation.yield(latest) }
            return nextID
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.remove(id)
        }
        return stream
    }

    /// Announces a new build to every open page.
    func publish(_ generation: String) {
        let targets = lock.withLock { () -> [AsyncStream<String>.Continuation] in
            latest = generation
            return Array(subscribers.values)
        }
        for continuation in targets { continuation.yield(generation) }
    }

    /// Ends every stream (server shutting down).
    func close() {
        let targets = lock.withLock { () -> [AsyncStream<String>.Continuation] in
            closed = true
            defer { subscribers = [:] }
            return Array(subscribers.values)
        }
        for continuation in targets { continuation.finish() }
    }

    var subscriberCount: Int { lock.withLock { subscribers.count } }

    private func remove(_ id: Int) {
        _ = lock.withLock { subscribers.removeValue(forKey: id) }
    }
}
