import Testing
@testable import HavenKit

/// What every command shows: findings with the site's and the file's severities, each once, by place.
@Suite struct SeverityPolicyTests {
    static func at(_ file: String, _ line: Int, _ rule: RuleID = .readingLevel, _ message: String = "m") -> Diagnostic {
        Diagnostic(rule, at: SourceLocation(file: file, line: line, column: 1), message)
    }

    @Test func findingsComeSortedEachOnceWithOffDropped() {
        let policy = SeverityPolicy(site: [.uncitedClaim: .off], files: ["b.md": [.readingLevel: .error]])
        let same = Self.at("a.md", 3)
        var fixed = Self.at("a.md", 3)
        fixed.suggestions = [Suggestion.replace("x", at: fixed.location, with: "y")]
        let input = [Self.at("b.md", 1), same, Self.at("a.md", 1, .uncitedClaim), fixed, same, Self.at("a.md", 2), same, fixed]
        let out = policy.apply(input)
        #expect(out.map { "\($0.file):\($0.line)" } == ["a.md:2", "a.md:3", "a.md:3", "b.md:1"])
        #expect(Set(out.filter { $0.line == 3 }.map(\.suggestions.count)) == [0, 1])
        #expect(out.last?.severity == .error)
        #expect(out.first?.severity == RuleID.readingLevel.defaultSeverity)
    }

    @Test func noFindingsIsNoFindings() {
        #expect(SeverityPolicy().apply([]).isEmpty)
    }
}
