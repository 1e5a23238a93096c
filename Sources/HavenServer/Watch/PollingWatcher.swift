import Foundation

/// Watches the site by comparing each file's modification time and size every half second: the
/// fallback where inotify is missing (macOS, BSD) or cannot be used (watch limit reached).
final class PollingWatcher: FileWatching, @unchecked Sendable {
    private let siteRoot: URL
    private let interval: TimeInterval
    private let lock = NSLock()
    private var running = false
    private var report: (@Sendable (SiteChanges) -> Void)?

    struct Stamp: Equatable {
        var modified: Date?
        var size: Int?
    }

    init(siteRoot: URL, interval: TimeInterval = 0.5) {
        self.siteRoot = siteRoot
        self.interval = interval
    }

    func start(report: @escaping @Sendable (SiteChanges) -> Void) throws(WatchError) {
        lock.withLock {
            running = true
            self.report = report
        }
        let baseline = scan()
        let thread = Thread { [self] in loop(from: baseline) }
        thread.name = "haven-poll"
        thread.start()
    }

    func stop() {
        lock.withLock {
            running = false
            report = nil
        }
    }

    private func loop(from baseline: [String: Stamp]) {
        var previous = baseline
        while lock.withLock({ running }) {
            Thread.sleep(forTimeInterval: interval)
            let current = scan()
            var changes = SiteChanges()
            for (path, stamp) in current where previous[path] != stamp { changes.paths.insert(path) }
            for path in previous.keys where current[path] == nil { changes.paths.insert(path) }
            previous = current
            if !changes.isEmpty, let sink = lock.withLock({ running ? report : nil }) { sink(changes) }
        }
    }

    /// Every file that matters, with its stamp.
    func scan() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let fm = FileManager.default
        func stamp(_ relative: String) {
            guard WatchScope.matters(relative),
                  let attributes = try? fm.attributesOfItem(atPath: siteRoot.appendingPathComponent(relative).path) else { return }
            stamps[relative] = Stamp(modified: attributes[.modificationDate] as? Date, size: (attributes[.size] as? NSNumber)?.intValue)
        }
        stamp(WatchScope.configFile)
        for folder in WatchScope.folders {
            let base = siteRoot.appendingPathComponent(folder).path
            guard let walker = fm.enumerator(atPath: base) else { continue }
            while let relative = walker.nextObject() as? String {
                stamp(folder + "/" + relative)
            }
        }
        return stamps
    }
}
