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
        if production && (diagnostic.rule == .placeholderReviewer || diagnostic.rule == .reviewSealBroken) { return .error }
        var severity = site[diagnostic.rule] ?? diagnostic.rule.defaultSeverity
        if diagnostic.rule.isFileSuppressible, let own = files[diagnostic.file]?[diagnostic.rule] { severity = own }
        return severity
    }

    /// Applies the policy: findings turned `off` are dropped; the rest are sorted by place.
    public func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.compactMap { diagnostic -> Diagnostic? in
            var d = diagnostic
            d.severity = severity(of: diagnostic)
            guard d.severity != .off, seen.insert(d).inserted else { return nil }
            return d
        }.sorted()
    }
}
