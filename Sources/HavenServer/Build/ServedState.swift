import Foundation
import HavenKit

/// What the server shows at one moment: the last good snapshot, and the problems of the latest
/// build if it failed. Replaced as a whole after each build, so a request never sees half of one.
struct ServedState: Sendable {
    /// The last build without errors; nil until one succeeds.
    var snapshot: SiteSnapshot?
    /// The latest build's errors, one `DiagnosticFormatter.text` line each; empty when it was good.
    var problems: [String]
    /// Bumped on every build, good or bad; open pages reload when it moves.
    var generation: Int
    /// The first build has not finished yet.
    var starting: Bool

    /// Names this build for open pages: unique across server restarts too, so a page served by an
    /// earlier run of `haven serve` reloads when it reconnects.
    var token: String

    init(session: String) {
        snapshot = nil
        problems = []
        generation = 0
        starting = true
        token = "\(session).0"
    }
}

/// The current `ServedState`, swapped atomically by the rebuild loop and read by every request.
final class ServedStateStore: @unchecked Sendable {
    private let lock = NSLock()
    private let session: String
    private var state: ServedState

    init() {
        session = String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 36) + "-" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
        state = ServedState(session: session)
    }

    /// The snapshot served before `serveEarly` replaced it, until the build's outcome is known.
    private var confirmed: SiteSnapshot?

    var current: ServedState { lock.withLock { state } }

    /// Serves a build's edited pages before the build is done, with no new generation (open pages
    /// reload only when `update` applies the whole build). Only over a good build: while errors
    /// are shown, or before the first build, nothing changes. The next `update` starts again from
    /// the snapshot served before, so a build that turns out to fail leaves the last good one.
    func serveEarly(_ snapshot: SiteSnapshot) {
        lock.withLock {
            guard state.problems.isEmpty, let served = state.snapshot else { return }
            if confirmed == nil { confirmed = served }
            state.snapshot = snapshot
        }
    }

    /// Applies a build's outcome as one new generation and returns the new state.
    @discardableResult
    func update(_ change: (inout ServedState) -> Void) -> ServedState {
        lock.withLock {
            if let confirmed {
                state.snapshot = confirmed
                self.confirmed = nil
            }
            change(&state)
            state.generation += 1
            state.starting = false
            state.token = "\(session).\(state.generation)"
            return state
        }
    }
}
