import Foundation
import HavenKit

/// The server's own watcher for what every page depends on (`haven.yml`, the data files): polled
/// every two seconds (four `stat` calls), for clients that do not send `didChangeWatchedFiles`.
/// Pages are not polled: an edited page is open (its text comes from the editor) or the client
/// reports the change.
final class SettingsPoller: @unchecked Sendable {
    private let root: URL
    private let onChange: @Sendable (Set<String>) -> Void
    private let queue = DispatchQueue(label: "haven.lsp.poll")
    private var timer: DispatchSourceTimer?
    private var last: [String: String] = [:]

    static let files = [SiteConfig.fileName, Registries.reviewersFile, Registries.crisisResourcesFile, Registries.contentWarningsFile]

    init(root: URL, onChange: @escaping @Sendable (Set<String>) -> Void) {
        self.root = root
        self.onChange = onChange
        last = signatures()
    }

    func start() {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + 2, repeating: 2)
        timer.setEventHandler { [weak self] in self?.poll() }
        timer.resume()
        self.timer = timer
    }

    func stop() {
        timer?.cancel()
        timer = nil
    }

    private func poll() {
        let now = signatures()
        let changed = Set(now.keys.filter { now[$0] != last[$0] })
        last = now
        if !changed.isEmpty { onChange(changed) }
    }

    private func signatures() -> [String: String] {
        var result: [String: String] = [:]
        for file in SettingsPoller.files {
            let attributes = try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(file).path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            result[file] = "\(size)-\(modified)"
        }
        return result
    }
}
