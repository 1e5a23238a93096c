import Foundation
import HavenKit

/// Debounced checks on the `checks` queue, and publishing their findings per open document.
extension LanguageServer {
    /// Checks after `delay` seconds, unless another change comes first (then that one's check
    /// covers this one's paths). `paths` nil: anything may have changed. `publish`: a document whose
    /// findings are sent after the check even when unchanged (the one being typed in).
    func scheduleCheck(paths: Set<String>?, publish uri: String? = nil, delay: Double) {
        let ticket: Int = withLock {
            if let paths { pending = pending.map { $0.union(paths) } } else { pending = nil }
            if let uri { mustPublish.insert(uri) }
            generation += 1
            return generation
        }
        checks.asyncAfter(deadline: .now() + delay) { [weak self] in
            guard let self, self.withLock({ self.generation == ticket }) else { return }
            self.check()
        }
    }

    /// Runs the session over what changed and publishes the findings of the open documents.
    func check() {
        let (current, changed, force) = withLock { () -> (IncrementalSession?, Set<String>?, Set<String>) in
            let taken = (self.session, pending, mustPublish)
            pending = []
            mustPublish = []
            return taken
        }
        guard let session = current else { return }
        let timer = CheckTimer.start()
        // The documents as they are before the check: a later edit has its own check coming.
        let docs: [Document] = withLock { Array(self.documents.values) }
        let snapshot: IncrementalSession.Snapshot
        do {
            snapshot = try session.rebuild(changed: changed)
            timer?.lap("rebuild")
            withLock {
                site = session.currentSite
                siteFault = nil
            }
        } catch {
            // haven.yml broken, the site folder gone: shown on haven.yml (or as a message), checked again on the next change.
            withLock {
                siteFault = error
                pending = nil
            }
            publishFault(error)
            return
        }
        publish(snapshot, docs: docs, force: force)
        if let timer { timer.lap("publish"); log(timer.report(changed: changed)) }
    }

    /// Sends each open document its findings: its own, and those elsewhere that concern it.
    /// (Each document's findings are looked up in the snapshot, not sorted out of the site's.)
    private func publish(_ snapshot: IncrementalSession.Snapshot, docs: [Document], force: Set<String>) {
        let encoding: PositionEncoding = withLock { self.encoding }
        for doc in docs {
            guard let path = doc.path else { continue }
            let found = snapshot.findings.in(path)
            var lsp = found.map { convert($0, in: doc, encoding) }
            lsp += snapshot.findings.concerning(path).map { relatedDiagnostic($0, in: doc, encoding) }
            let changed: Bool = withLock {
                guard documents[doc.uri] != nil else { return false }  // closed meanwhile
                published[doc.uri] = found
                let changed = sent[doc.uri] != lsp || force.contains(doc.uri)
                sent[doc.uri] = lsp
                return changed
            }
            if changed {
                notify("textDocument/publishDiagnostics", PublishDiagnosticsParams(uri: doc.uri, version: doc.version, diagnostics: lsp))
            }
        }
    }

    /// A Haven finding as an LSP diagnostic in `doc`.
    func convert(_ d: HavenKit.Diagnostic, in doc: Document, _ encoding: PositionEncoding) -> LSPDiagnostic {
        let original: String? = d.suggestions.lazy.compactMap { suggestion -> String? in
            if case .replace(let at, let original, _) = suggestion.edit, at == d.location { return original }
            return nil
        }.first
        return LSPDiagnostic(range: doc.range(of: d.location, original: original, encoding), severity: LanguageServer.severity(d.severity),
                             code: d.rule.rawValue, codeDescription: .init(href: ruleDocs.href(d.rule)), message: d.message,
                             relatedInformation: relatedInformation(d))
    }

    /// A finding in another file shown in `doc` (the file it concerns), at the top, pointing at where it was found.
    private func relatedDiagnostic(_ d: HavenKit.Diagnostic, in doc: Document, _ encoding: PositionEncoding) -> LSPDiagnostic {
        let here = SourceLocation(file: doc.path ?? "", line: d.related?.line ?? 1, column: d.related?.column ?? 1)
        let root: URL? = withLock { self.root }
        let uri = root.map { LanguageServer.uri(ofPath: $0.appendingPathComponent(d.file).path) } ?? d.file
        let at = Position(line: max(0, d.line - 1), character: 0)
        return LSPDiagnostic(range: doc.range(of: here, original: nil, encoding), severity: LanguageServer.severity(d.severity),
                             code: d.rule.rawValue, codeDescription: .init(href: ruleDocs.href(d.rule)),
                             message: "\(d.file):\(d.line): \(d.message)",
                             relatedInformation: [.init(location: Location(uri: uri, range: Range(start: at, end: at)), message: d.message)])
    }

    private func relatedInformation(_ d: HavenKit.Diagnostic) -> [LSPDiagnostic.RelatedInformation]? {
        guard let related = d.related, let root: URL = withLock({ self.root }) else { return nil }
        let at = Position(line: max(0, related.line - 1), character: 0)
        return [.init(location: Location(uri: LanguageServer.uri(ofPath: root.appendingPathComponent(related.file).path),
                                         range: Range(start: at, end: at)),
                      message: related.file)]
    }

    /// A fault that stops checking: on haven.yml when it is open and the fault is there, else as a message.
    private func publishFault(_ error: HavenError) {
        let docs: [Document] = withLock { Array(self.documents.values) }
        if case .config(let at, let message) = error, let doc = docs.first(where: { $0.path == at.file }) {
            let encoding: PositionEncoding = withLock { self.encoding }
            let d = LSPDiagnostic(range: doc.range(of: at, original: nil, encoding), severity: 1, code: "config",
                                  codeDescription: nil, message: message, relatedInformation: nil)
            withLock { sent[doc.uri] = [d] }
            notify("textDocument/publishDiagnostics", PublishDiagnosticsParams(uri: doc.uri, version: doc.version, diagnostics: [d]))
        } else {
            notify("window/showMessage", ShowMessageParams(type: 1, message: "Haven cannot check the site: \(error.description)"))
        }
    }

    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .off: 4
        }
    }
}

/// Each check's wall-clock and CPU time (all threads), logged on stderr when `HAVEN_LSP_TIMING` is
/// set: what `scripts/lsp-latency.py` reports, taken apart (the debounce and the pipe excluded).
final class CheckTimer {
    static let enabled = ProcessInfo.processInfo.environment["HAVEN_LSP_TIMING"] != nil
    private let wall = DispatchTime.now().uptimeNanoseconds
    private let cpu = CheckTimer.cpuNanoseconds()
    private var laps: [(String, UInt64)] = []

    static func start() -> CheckTimer? { enabled ? CheckTimer() : nil }

    func lap(_ name: String) { laps.append((name, DispatchTime.now().uptimeNanoseconds)) }

    func report(changed: Set<String>?) -> String {
        var last = wall
        var parts: [String] = []
        for (name, at) in laps {
            parts.append("\(name) \(CheckTimer.ms(at - last))")
            last = at
        }
        let what = changed.map { "\($0.count) file(s)" } ?? "everything"
        return "check of \(what): \(CheckTimer.ms(last - wall)) ms wall (\(parts.joined(separator: ", "))), "
            + "\(CheckTimer.ms(CheckTimer.cpuNanoseconds() - cpu)) ms CPU"
    }

    private static func ms(_ nanoseconds: UInt64) -> String { String(format: "%.1f", Double(nanoseconds) / 1e6) }

    /// CPU time of the whole process (every thread: pages are checked on all cores).
    private static func cpuNanoseconds() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }
}
