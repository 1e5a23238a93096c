import Foundation

/// Notices changes to a site's files and reports the paths that changed, relative to the site root.
/// Reports may come in bursts; `ChangeDebouncer` turns them into one rebuild.
protocol FileWatching: AnyObject, Sendable {
    /// Starts watching; `report` is called from a background thread for each change that matters.
    func start(report: @escaping @Sendable (SiteChanges) -> Void) throws(WatchError)
    /// Stops watching; no report is made after it returns.
    func stop()
}

/// The watcher could not be set up.
struct WatchError: Error, CustomStringConvertible {
    var description: String
}

/// Picks the watcher for this system and the requested method.
enum FileWatchers {
    static func make(_ method: WatchMethod, siteRoot: URL, report: @escaping @Sendable (String) -> Void) -> (any FileWatching)? {
        switch method {
        case .none:
            return nil
        case .polling:
            return PollingWatcher(siteRoot: siteRoot)
        case .automatic:
            #if canImport(Glibc)
            return FallbackWatcher(primary: InotifyWatcher(siteRoot: siteRoot), fallback: PollingWatcher(siteRoot: siteRoot), report: report)
            #else
            return PollingWatcher(siteRoot: siteRoot)
            #endif
        }
    }
}

/// Uses the primary watcher, or the fallback when the primary cannot start (inotify limits reached).
final class FallbackWatcher: FileWatching, @unchecked Sendable {
    private let primary: any FileWatching
    private let fallback: any FileWatching
    private let note: @Sendable (String) -> Void
    private let lock = NSLock()
    private var active: (any FileWatching)?

    init(primary: any FileWatching, fallback: any FileWatching, report: @escaping @Sendable (String) -> Void) {
        self.primary = primary
        self.fallback = fallback
        self.note = report
    }

    func start(report: @escaping @Sendable (SiteChanges) -> Void) throws(WatchError) {
        do {
            try primary.start(report: report)
            lock.withLock { active = primary }
        } catch {
            note("haven: \(error.description); watching by polling instead")
            try fallback.start(report: report)
            lock.withLock { active = fallback }
        }
    }

    func stop() {
        lock.withLock { active }?.stop()
    }
}
