import Foundation

/// What a one-shot command (`haven build`, `haven lint`) leaves for the process's exit to
/// reclaim instead of freeing it: the site's model (every page's front matter, headings and text
/// blocks), the render's memos and the findings. Freed one object at a time they took 0.25 s of a
/// 10,000-page build (5% of it, on one thread, after all the work is done); the process ends a
/// moment later and the system takes the memory back at once. Long-running callers (`haven
/// serve`, `haven lsp`, the tests) never use it: their builds are freed as usual.
public enum UntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    /// Keeps `values` alive until the process exits.
    public static func keep(_ values: Any...) {
        lock.lock()
        kept.append(contentsOf: values)
        lock.unlock()
    }
}
