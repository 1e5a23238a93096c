/// One finding of one rule at one place. Every message Haven reports about content is a `Diagnostic`.
public struct Diagnostic: Sendable, Hashable {
    public var location: SourceLocation
    public var severity: Severity
    public var rule: RuleID
    /// What the finding says, in English (findings are for editors, not readers).
    public var message: String {
        get { text.string }
        set { text = .plain(newValue) }
    }
    /// `message` as the rule left it (see `DiagnosticText`).
    var text: DiagnosticText
    /// Changes that would fix the finding, best first (empty when the fix needs a person's judgement).
    /// Editors offer them as quick fixes; the text formats do not show them.
    public var suggestions: [Suggestion]
    /// Another file the finding concerns, where an editor should show it too: the page that
    /// already has the URL (`duplicate-slug`), the page a link's `#fragment` is missing from.
    public var related: SourceLocation?

    public init(_ rule: RuleID, at location: SourceLocation, _ message: String, severity: Severity? = nil,
                suggestions: [Suggestion] = [], related: SourceLocation? = nil) {
        self.init(rule, at: location, text: .plain(message), severity: severity, suggestions: suggestions, related: related)
    }

    init(_ rule: RuleID, at location: SourceLocation, text: DiagnosticText, severity: Severity? = nil,
         suggestions: [Suggestion] = [], related: SourceLocation? = nil) {
        self.rule = rule
        self.location = location
        self.text = text
        self.severity = severity ?? rule.defaultSeverity
        self.suggestions = suggestions
        self.related = related
    }

    public var file: String { location.file }
    public var line: Int { location.line }
    public var column: Int { location.column }
}

extension Diagnostic: Comparable {
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.rule != b.rule { return a.rule.rawValue < b.rule.rawValue }
        // Equal texts first: comparing a finding with its equal (as `haven serve` does with every
        // finding it already printed) must not write two messages out.
        return a.text != b.text && a.message < b.message
    }
}

extension Array where Element == Diagnostic {
    // Counted, not filtered: a filter copied every finding of that severity into a new array; and
    // by index, reading the severity in place (iterating copied each finding, retaining its strings).
    public var errorCount: Int { count(of: .error) }
    public var warningCount: Int { count(of: .warning) }

    func count(of severity: Severity) -> Int {
        var count = 0
        for index in indices where self[index].severity == severity { count += 1 }
        return count
    }
}

extension Diagnostic: Error {}
