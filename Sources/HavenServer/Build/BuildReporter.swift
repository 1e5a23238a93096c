import Foundation
import HavenKit

/// What the person running `haven serve` sees in the terminal after each build: the findings in
/// the same form as `haven build` (errors every time, warnings when they are new), then one line.
final class BuildReporter: @unchecked Sendable {
    private let report: @Sendable (String) -> Void
    private let lock = NSLock()
    private var knownWarnings: Set<Diagnostic> = []
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
            let warnings = build.diagnostics.filter { $0.severity == .warning }
            let fresh = lock.withLock { () -> [Diagnostic] in
                defer { knownWarnings = Set(warnings) }
                return warnings.filter { !knownWarnings.contains($0) }
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

    private static func describe(_ changes: SiteChanges) -> String {
        if changes.everything && changes.paths.isEmpty { return "the site" }
        let sorted = changes.paths.sorted()
        guard let first = sorted.first else { return "the site" }
        return sorted.count == 1 ? first : "\(first) and \(sorted.count - 1) more"
    }
}
