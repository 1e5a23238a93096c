import HavenKit

/// Makes a `SiteSnapshot` after the site changed.
///
/// The server only ever talks to this protocol, so an incremental builder (re-parse the changed
/// article, re-render the pages that show it) can replace `FullSnapshotBuilder` without touching
/// the watcher, the HTTP side or the reload logic. Whatever it does, its result must equal a clean
/// build of the same files.
public protocol SiteSnapshotBuilding: Sendable {
    /// Builds the site as it is now on disk. `changes` says what changed since the previous call
    /// (`SiteChanges.all` on the first); a full builder may ignore it.
    ///
    /// - Parameter baseURL: the address the preview is served on, `http://127.0.0.1:8000/`, used in
    ///   place of `haven.yml`'s `base_url` so every link stays on the preview server.
    /// - Throws: `HavenError` when Haven cannot build at all (`haven.yml` unreadable, theme broken).
    func build(changes: SiteChanges, baseURL: String) async throws(HavenError) -> SnapshotBuild

    /// The same, and may call `early` once before it returns (from any thread) with a snapshot
    /// whose edited pages are final and whose other files are the previous build's, so the server
    /// can answer for an edited page while listings and feeds are still being made.
    func build(changes: SiteChanges, baseURL: String,
               early: @escaping @Sendable (SnapshotBuild) -> Void) async throws(HavenError) -> SnapshotBuild
}

extension SiteSnapshotBuilding {
    /// Builders that cannot serve anything early build as usual.
    public func build(changes: SiteChanges, baseURL: String,
                      early: @escaping @Sendable (SnapshotBuild) -> Void) async throws(HavenError) -> SnapshotBuild {
        try await build(changes: changes, baseURL: baseURL)
    }
}
