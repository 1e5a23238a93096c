import HavenKit
import NIOCore

/// One complete build of the site, held in memory: every output file by its URL path
/// (`/conditions/depression/index.html`, `/assets/haven.css`). This is all `haven serve` ever serves.
public struct SiteSnapshot: Sendable {
    /// Output files by path; each path starts with `/`.
    public var files: [String: ByteBuffer]
    /// How many pages the build made.
    public var pageCount: Int

    public init(files: [String: ByteBuffer], pageCount: Int) {
        self.files = files
        self.pageCount = pageCount
    }
}

/// What one build produced: the files, and what the checks found.
public struct SnapshotBuild: Sendable {
    public var snapshot: SiteSnapshot
    public var diagnostics: [Diagnostic]
    /// The content has errors: the server keeps the previous good snapshot and shows these.
    public var failed: Bool

    public init(snapshot: SiteSnapshot, diagnostics: [Diagnostic], failed: Bool) {
        self.snapshot = snapshot
        self.diagnostics = diagnostics
        self.failed = failed
    }
}

/// Which site files changed since the last build, relative to the site root
/// (`Content/articles/grief.md`, `Templates/layout.mustache`, `haven.yml`).
public struct SiteChanges: Sendable, Equatable {
    /// The changed paths (created, modified, deleted or renamed).
    public var paths: Set<String>
    /// Everything may have changed: the first build, or the watcher lost track (event overflow).
    public var everything: Bool

    public init(paths: Set<String> = [], everything: Bool = false) {
        self.paths = paths
        self.everything = everything
    }

    /// The first build of a session.
    public static let all = SiteChanges(everything: true)

    /// Adds another batch of changes to this one.
    public mutating func merge(_ other: SiteChanges) {
        paths.formUnion(other.paths)
        everything = everything || other.everything
    }

    public var isEmpty: Bool { paths.isEmpty && !everything }
}
