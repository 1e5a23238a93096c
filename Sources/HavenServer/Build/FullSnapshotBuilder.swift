import Foundation
import HavenKit
import NIOCore

/// Rebuilds the whole site through `Builder.run` on every change, into memory (`output = nil`,
/// every file caught by `collect`). Simple and always equal to a clean build; too slow for very large
/// sites, where an incremental `SiteSnapshotBuilding` should take its place.
public struct FullSnapshotBuilder: SiteSnapshotBuilding {
    public var siteRoot: URL
    public var includeDrafts: Bool
    public var today: @Sendable () -> CalendarDate

    public init(siteRoot: URL, includeDrafts: Bool = false, today: @escaping @Sendable () -> CalendarDate) {
        self.siteRoot = siteRoot
        self.includeDrafts = includeDrafts
        self.today = today
    }

    public func build(changes: SiteChanges, baseURL: String) async throws(HavenError) -> SnapshotBuild {
        let collector = FileCollector()
        var options = BuildOptions(siteRoot: siteRoot, output: nil, today: today())
        options.includeDrafts = includeDrafts
        options.baseURL = baseURL
        options.collect = { path, bytes in collector.add(path, bytes) }
        let frozen = options
        // Builder.run is synchronous and CPU-bound: keep it off Swift's cooperative threads.
        let outcome = await OffloadedWork.run { () -> Result<BuildResult, HavenError> in
            do throws(HavenError) { return .success(try Builder.run(frozen)) } catch { return .failure(error) }
        }
        guard let outcome else { throw .io("the build was cancelled (the server is stopping)") }
        let result = try outcome.get()
        return SnapshotBuild(snapshot: SiteSnapshot(files: collector.files, pageCount: result.pageCount),
                             diagnostics: result.diagnostics, failed: result.failed)
    }
}

/// Gathers the files `Builder` emits from its parallel render threads.
final class FileCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: ByteBuffer] = [:]

    func add(_ path: String, _ bytes: [UInt8]) {
        let buffer = ByteBuffer(bytes: bytes)
        lock.withLock { storage[path] = buffer }
    }

    var files: [String: ByteBuffer] { lock.withLock { storage } }
}
