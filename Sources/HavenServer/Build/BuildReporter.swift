import Foundation
import HavenKit

/// What the person running `haven serve` sees in the terminal after each build: the findings in
/// the same form as `haven build` (errors every time, warnings when they are new), then one line.
final class BuildReporter: @unchecked Sendable {
    private let report: @Sendable (String) -> Void
    private let lock = NSLock()
    /// The last build's warnings, sorted (a large site has tens of thousands: compared by a merge
    /// of two sorted lists, not by hashing them all after every save).
    private var knownWarnings: [Diagnostic] = []
    private var builds = 0

    init(report: @escaping @Sendable (String) -> Void) {
        self.report = report
    }

    func note(_ message: String) { report(message) }

    func reportBuild(_ outcome: Result<SnapshotBuild, HavenError>, changes: SiteChanges, elapsed: Duration, keptPrevious: Bool) {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let first = lock.withLock { () -> Bool in
            builds += 1
            return builds == 1
        }
        let what = first ? "Built" : "Rebuilt"
        let cause = first ? "" : " after a change to \(Self.describe(changes))"
        switch outcome {
        case .failure(let error):
            report(error.description)
            report(keptPrevious
                   ? "Haven could not rebuild the site\(cause); still serving the last good build."
                   : "Haven could not build the site; the preview shows why. Watching for a fix…")
        case .success(let build):
            var warnings = build.diagnostics.filter { $0.severity == .warning }
            if zip(warnings, warnings.dropFirst()).contains(where: { !($0.0 < $0.1) }) { warnings.sort() }
            let fresh = lock.withLock { () -> [Diagnostic] in
                defer { knownWarnings = warnings }
                return Self.missing(warnings, from: knownWarnings)
            }
            let shown = build.diagnostics.filter { $0.severity == .error } + fresh
            if !shown.isEmpty { report(DiagnosticFormatter.format(shown.sorted(), as: .text)) }
            let counts = "\(build.diagnostics.errorCount) error(s), \(build.diagnostics.warningCount) warning(s)"
            if build.failed {
                report(keptPrevious
                       ? "The site has errors (\(counts))\(cause); still serving the last good build, with the errors shown on every page."
                       : "The site has errors (\(counts)); the preview lists them until they are fixed.")
            } else {
                report("\(what) \(build.snapshot.pageCount) pages in \(String(format: "%.2f", seconds)) s\(cause); \(counts).")
            }
        }
    }

    /// The findings of `sorted` that `known` (sorted too) lacks.
    static func missing(_ sorted: [Diagnostic], from known: [Diagnostic]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var j = 0
        for d in sorted {
            while j < known.count && known[j] < d { j += 1 }
            if j < known.count && known[j] == d { continue }
            result.append(d)
        }
        return result
    }

    private static func describe(_ changes: SiteChanges) -> String {
        if changes.everything && changes.paths.isEmpty { return "the site" }
        let sorted = changes.paths.sorted()
        guard let first = sorted.first else { return "the site" }
        return sorted.count == 1 ? first : "\(first) and \(sorted.count - 1) more"
    }
}
