import Foundation

/// Gathers the changes a watcher reports and hands them out as one batch once the files have been
/// quiet for a moment, so a burst (an editor's temp file, rename and chmod; a `git checkout`) costs
/// one rebuild. Changes that arrive while a rebuild runs wait for the next batch.
final class ChangeDebouncer: @unchecked Sendable {
    private let quiet: Duration
    private let longest: Duration
    private let lock = NSLock()
    private var pending = SiteChanges()
    private var lastChange = ContinuousClock.now
    private let signal: AsyncStream<Void>.Continuation
    private let signals: AsyncStream<Void>

    /// - Parameters:
    ///   - quiet: how long no change must arrive before a batch is released.
    ///   - longest: a batch is released after this long even if changes keep coming.
    init(quiet: Duration, longest: Duration = .seconds(1)) {
        self.quiet = quiet
        self.longest = longest
        (signals, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Records changes (any thread).
    func add(_ changes: SiteChanges) {
        guard !changes.isEmpty else { return }
        lock.withLock {
            pending.merge(changes)
            lastChange = .now
        }
        signal.yield()
    }

    /// Stops `batches()`.
    func finish() { signal.finish() }

    /// The next batch, after the quiet period; nil when finished or cancelled.
    func nextBatch(_ iterator: inout AsyncStream<Void>.Iterator) async -> SiteChanges? {
        while true {
            guard await iterator.next() != nil else { return nil }
            let started = ContinuousClock.now
            while true {
                let last = lock.withLock { lastChange }
                let due = min(last + quiet, started + longest)
                if due <= .now { break }
                do { try await Task.sleep(until: due, clock: .continuous) } catch { return nil }
            }
            let batch = lock.withLock { () -> SiteChanges in
                defer { pending = SiteChanges() }
                return pending
            }
            if !batch.isEmpty { return batch }
        }
    }

    func makeIterator() -> AsyncStream<Void>.Iterator { signals.makeAsyncIterator() }
}
