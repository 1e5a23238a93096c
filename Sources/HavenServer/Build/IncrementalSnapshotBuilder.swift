import Foundation
import HavenKit
import NIOCore

/// Rebuilds through HavenKit's `IncrementalSession`: an edit to one article re-parses that file and
/// re-renders the pages that show it; settings, theme or URL-table changes rebuild everything. The
/// session guarantees the result equals a clean build. An edited page is handed out early, before the
/// listings that show it are made again. Served files are kept as `ByteBuffer`s and only
/// the changed ones are converted again, so a small edit on a 10,000-page site stays cheap.
public final class IncrementalSnapshotBuilder: SiteSnapshotBuilding, @unchecked Sendable {
    public let siteRoot: URL
    public let includeDrafts: Bool
    public let today: @Sendable () -> CalendarDate

    private let lock = NSLock()
    private var session: IncrementalSession?
    private var sessionKey: (baseURL: String, today: CalendarDate)?
    private var buffers: [String: ByteBuffer] = [:]

    public init(siteRoot: URL, includeDrafts: Bool = false, today: @escaping @Sendable () -> CalendarDate) {
        self.siteRoot = siteRoot
        self.includeDrafts = includeDrafts
        self.today = today
    }

    public func build(changes: SiteChanges, baseURL: String) async throws(HavenError) -> SnapshotBuild {
        try await build(changes: changes, baseURL: baseURL, early: { _ in })
    }

    public func build(changes: SiteChanges, baseURL: String,
                      early: @escaping @Sendable (SnapshotBuild) -> Void) async throws(HavenError) -> SnapshotBuild {
        let day = today()
        // Builds are CPU-bound and synchronous: off Swift's cooperative threads.
        let outcome = await OffloadedWork.run { () -> Result<SnapshotBuild, HavenError> in
            do throws(HavenError) {
                return .success(try self.buildNow(changes, baseURL: baseURL, today: day, early: early))
            } catch {
                return .failure(error)
            }
        }
        guard let outcome else { throw .io("the build was cancelled (the server is stopping)") }
        return try outcome.get()
    }

    private func buildNow(_ changes: SiteChanges, baseURL: String, today day: CalendarDate,
                          early: @escaping @Sendable (SnapshotBuild) -> Void) throws(HavenError) -> SnapshotBuild {
        lock.lock()
        defer { lock.unlock() }
        if session == nil || sessionKey?.baseURL != baseURL || sessionKey?.today != day {
            var options = BuildOptions(siteRoot: siteRoot, output: nil, today: day)
            options.includeDrafts = includeDrafts
            options.baseURL = baseURL
            session = IncrementalSession(options: options)
            sessionKey = (baseURL, day)
            buffers = [:]
        }
        guard let session else { throw .io("no build session") }
        // The watcher's paths spare the session a scan of every file; unknown changes scan them all.
        let result = try session.rebuild(changed: changes.everything ? nil : changes.paths) { partial in
            early(self.snapshotBuild(partial))
        }
        return snapshotBuild(result)
    }

    /// The served form of a session's snapshot: only the files it changed are converted again.
    private func snapshotBuild(_ result: IncrementalSession.Snapshot) -> SnapshotBuild {
        for path in result.changedPaths {
            buffers[path] = result.files[path].map { ByteBuffer(bytes: $0) }
        }
        return SnapshotBuild(snapshot: SiteSnapshot(files: buffers, pageCount: result.pageCount),
                             diagnostics: result.diagnostics, failed: result.failed)
    }
}
