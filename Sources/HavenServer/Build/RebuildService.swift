import Foundation
import HavenKit
import ServiceLifecycle

/// The preview's build loop, run as a ServiceLifecycle service beside the HTTP server: waits for
/// the port, builds once, then rebuilds after each burst of changes, swaps what is served in one
/// step and tells open pages to reload. Stops on graceful shutdown (Ctrl-C).
final class RebuildService: Service, @unchecked Sendable {
    private let builder: any SiteSnapshotBuilding
    private let store: ServedStateStore
    private let broadcaster: ReloadBroadcaster
    private let port: ListeningPort
    private let watcher: (any FileWatching)?
    private let debouncer: ChangeDebouncer
    private let host: String
    private let terminal: BuildReporter

    init(options: ServeOptions, builder: any SiteSnapshotBuilding, store: ServedStateStore,
         broadcaster: ReloadBroadcaster, port: ListeningPort) {
        self.builder = builder
        self.store = store
        self.broadcaster = broadcaster
        self.port = port
        self.host = options.host
        self.debouncer = ChangeDebouncer(quiet: options.debounce)
        self.watcher = FileWatchers.make(options.watchMethod, siteRoot: options.siteRoot, report: options.report)
        self.terminal = BuildReporter(report: options.report)
    }

    func run() async throws {
        let debouncer = self.debouncer
        // Watch before the first build so a save during it is not lost.
        do {
            try watcher?.start { changes in debouncer.add(changes) }
        } catch {
            terminal.note("haven: cannot watch the site (\(error.description)); restart `haven serve` to see changes")
        }
        defer {
            watcher?.stop()
            broadcaster.close()
        }
        await cancelWhenGracefulShutdown {
            await self.loop()
        }
    }

    private func loop() async {
        guard let bound = await port.wait() else { return }
        let baseURL = PreviewAddress.baseURL(host: host, port: bound)
        await rebuild(.all, baseURL: baseURL)
        var iterator = debouncer.makeIterator()
        while !Task.isCancelled, let changes = await debouncer.nextBatch(&iterator) {
            await rebuild(changes, baseURL: baseURL)
        }
    }

    /// One build, applied: a good one replaces the snapshot and clears the overlay; a failed one keeps
    /// the last good snapshot and shows its errors.
    private func rebuild(_ changes: SiteChanges, baseURL: String) async {
        let started = ContinuousClock.now
        let outcome: Result<SnapshotBuild, HavenError>
        do throws(HavenError) {
            // Edited pages are served as soon as they are made; the reload event waits for the whole build.
            let store = self.store
            outcome = .success(try await builder.build(changes: changes, baseURL: baseURL) { early in
                if !early.failed { store.serveEarly(early.snapshot) }
            })
        } catch {
            outcome = .failure(error)
        }
        if Task.isCancelled { return }
        let elapsed = ContinuousClock.now - started
        let state: ServedState
        switch outcome {
        case .success(let build) where !build.failed:
            state = store.update { state in
                state.snapshot = build.snapshot
                state.problems = []
            }
        case .success(let build):
            let problems = build.diagnostics.filter { $0.severity == .error }.map(DiagnosticFormatter.text)
            state = store.update { state in
                state.problems = problems.isEmpty ? build.diagnostics.map(DiagnosticFormatter.text) : problems
            }
        case .failure(let error):
            state = store.update { state in state.problems = [error.description] }
        }
        broadcaster.publish(state.token)
        terminal.reportBuild(outcome, changes: changes, elapsed: elapsed, keptPrevious: state.snapshot != nil)
    }
}

/// The address a preview is served on, as links in the preview should use it.
enum PreviewAddress {
    static func baseURL(host: String, port: Int) -> String {
        let name: String
        switch host {
        case "0.0.0.0", "::", "[::]", "": name = "localhost"
        default: name = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        }
        return "http://\(name):\(port)/"
    }
}
