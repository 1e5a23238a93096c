import Foundation
import Testing
@testable import HavenKit

/// The seal's rules: a malformed seal, a seal on a non-clinical page, `missing-review-seal` off
/// by default and on when a site asks for it; in every output format.
@Suite struct ReviewRuleTests {
    func lint(_ files: [String: String], config: String = TestSite.config, production: Bool = false) throws -> [Diagnostic] {
        let site = try TestSite(files: files, config: config)
        defer { site.remove() }
        return try site.lint(production: production).diagnostics
    }

    @Test func malformedSealIsAnInvalidValueAtTheValue() throws {
        let page = TestSite.clinical(extra: "review_seal: not-a-seal\n") + TestSite.body
        let found = try lint(["Content/articles/a.md": page])
        #expect(found.map(\.rule) == [.invalidValue])
        #expect(found.first?.line == 8)
        #expect(found.first?.column == 14)
        #expect(found.first?.message.contains("not 16 lowercase hex digits") == true)
        #expect(try lint(["Content/articles/a.md": TestSite.clinical(extra: "review_seal: 0123456789ABCDEF\n") + TestSite.body]).map(\.rule) == [.invalidValue])
    }

    @Test func sealOnANonClinicalPage() throws {
        let found = try lint(["Content/pages/about.md": "---\ntitle: About\nreview_seal: 0123456789abcdef\n---\nHello.\n"])
        #expect(found.map(\.rule) == [.invalidValue])
        #expect(found.first?.line == 3)
        #expect(found.first?.message.contains("only clinical pages") == true)
    }

    @Test func missingSealIsOffUnlessTheSiteAsks() throws {
        let page = TestSite.clinical() + TestSite.body
        #expect(try lint(["Content/articles/a.md": page]).isEmpty)
        let strict = TestSite.config + "lint:\n  missing-review-seal: error\n"
        let found = try lint(["Content/articles/a.md": page, "Content/pages/about.md": "---\ntitle: About\n---\nHi.\n"], config: strict)
        #expect(found.map(\.rule) == [.missingReviewSeal])
        #expect(found.first?.severity == .error)
        #expect(found.first?.line == 6)  // at `reviewed:`
        #expect(RuleID.missingReviewSeal.defaultSeverity == .off)
        #expect(RuleID.reviewSealBroken.defaultSeverity == .warning)
    }

    @Test func everyFormatCarriesTheRules() {
        let d = Diagnostic(.reviewSealBroken, at: SourceLocation(file: "Content/a.md", line: 8, column: 1), "changed")
        #expect(DiagnosticFormatter.format([d], as: .text) == "Content/a.md:8:1: warning: changed [review-seal-broken]\n")
        #expect(DiagnosticFormatter.format([d], as: .json).contains("\"rule\": \"review-seal-broken\""))
        #expect(DiagnosticFormatter.format([d], as: .github) == "::warning file=Content/a.md,line=8,col=1,title=review-seal-broken::changed\n")
        let sarif = DiagnosticFormatter.format([d], as: .sarif)
        #expect(sarif.contains("\"ruleId\": \"review-seal-broken\""))
        #expect(sarif.contains("\"id\": \"missing-review-seal\""))
        #expect(RuleID.markdownCatalogue.contains("| `missing-review-seal` | off |"))
        #expect(RuleID.markdownCatalogue.contains("| `review-seal-broken` | warning |"))
    }
}
