/// Decides each finding's final severity: the rule's default, then `haven.yml`'s `lint:`, then the
/// file's own `lint:`; `--production` makes `placeholder-reviewer` and `review-seal-broken` errors
/// whatever they say.
public struct SeverityPolicy: Sendable {
    public var site: [RuleID: Severity]
    public var files: [String: [RuleID: Severity]]
    public var production: Bool

    public init(site: [RuleID: Severity] = [:], files: [String: [RuleID: Severity]] = [:], production: Bool = false) {
        self.site = site
        self.files = files
        self.production = production
    }

    public func severity(of diagnostic: Diagnostic) -> Severity {
        severity(of: diagnostic.rule, in: diagnostic.file)
    }

    /// The severity of a finding of `rule` in `file`.
    func severity(of rule: RuleID, in file: String) -> Severity {
        if production && (rule == .placeholderReviewer || rule == .reviewSealBroken) { return .error }
        var severity = site[rule] ?? rule.defaultSeverity
        if rule.isFileSuppressible, let own = files[file]?[rule] { severity = own }
        return severity
    }

    /// Applies the policy: findings turned `off` are dropped; the rest are sorted by place.
    public func apply(_ diagnostics: consuming [Diagnostic]) -> [Diagnostic] {
        // In place: a caller that passes its last copy (`consume`) holds one array of findings, not three.
        var sorted = diagnostics
        var count = 0
        // Findings are moved (swapped), not copied: a copy retains and releases each one's strings.
        for index in sorted.indices {
            // Read in place (passing the finding copied it, retaining its strings).
            let level = severity(of: sorted[index].rule, in: sorted[index].file)
            guard level != .off else { continue }
            if count != index { sorted.swapAt(count, index) }
            sorted[count].severity = level
            count += 1
        }
        sorted.removeLast(sorted.count - count)
        sorted.sort()
        // A finding given twice is kept once. Equal findings sort next to each other, among those
        // of the same place, rule and message (which differ at most in their fixes): comparing
        // within those runs replaced a Set of every finding (hashing each message), 5% of a lint
        // of the bench corpus and its 134,000 findings.
        var kept = 0, runStart = 0
        for index in sorted.indices {
            if kept > 0, !(sorted[kept - 1] < sorted[index]) {
                if sorted[runStart..<kept].contains(sorted[index]) { continue }
            } else {
                runStart = kept
            }
            if kept != index { sorted.swapAt(kept, index) }
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }
}
