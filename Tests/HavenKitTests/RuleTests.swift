import Foundation
import Testing
@testable import HavenKit

/// One test per rule: a page with exactly that defect reports exactly that rule, and a clean
/// page beside it reports nothing.
@Suite struct RuleTests {
    static let cleanPath = "Content/articles/clean.md"
    static let defectPath = "Content/articles/defect.md"

    /// Builds a site with a clean page and `defect`, returns the rules found in the defect's file.
    func rules(_ defect: String, path: String = RuleTests.defectPath, extra: [String: String] = [:],
               production: Bool = false, config: String = TestSite.config) throws -> [RuleID] {
        var files = extra
        files[RuleTests.cleanPath] = TestSite.clinical("Clean") + TestSite.body
        files[path] = defect
        let site = try TestSite(files: files, config: config)
        defer { site.remove() }
        let result = try site.lint(production: production)
        #expect(result.rules(in: RuleTests.cleanPath) == [], "the clean page must produce nothing")
        return result.rules(in: path)
    }

    @Test func cleanSiteHasNoFindings() throws {
        #expect(try rules(TestSite.clinical("Other") + TestSite.body) == [])
    }

    @Test func frontMatterSyntax() throws {
        #expect(try rules("---\ntitle: [unclosed\n---\nBody\n") == [.frontMatterSyntax])
        #expect(try rules("---\ntitle: x\nno end\n") == [.frontMatterSyntax])
    }

    @Test func unknownKey() throws {
        #expect(try rules(TestSite.clinical(extra: "reviwer: dana-reyes\n") + TestSite.body) == [.unknownKey])
        #expect(try rules(TestSite.clinical(extra: "author: Twice\n") + TestSite.body) == [.unknownKey])
    }

    /// `x.<id>.md` whose `<id>` has the form of a language id but is not a language of the site;
    /// other dotted names are ordinary slugs.
    @Test func unknownLanguageSuffix() throws {
        let page = TestSite.clinical("Depresión") + TestSite.body
        #expect(try rules(page, path: "Content/articles/defect.fr.md") == [.unknownLanguage])
        #expect(try rules(page, path: "Content/articles/defect.pt-br.md") == [.unknownLanguage])
        #expect(try rules(page, path: "Content/articles/defect.v2.md") == [])
        #expect(try rules(page, path: "Content/articles/defect.en.md") == [], "the default language's own id")
        let site = try TestSite(files: ["Content/articles/guide.fr.md": page])
        defer { site.remove() }
        let found = try site.lint().diagnostics.filter { $0.rule == .unknownLanguage }
        #expect(found.count == 1)
        #expect(found.first?.file == "Content/articles/guide.fr.md" && found.first?.line == 1)
        #expect(found.first?.message.contains("'fr'") == true)
    }

    @Test func missingTitle() throws {
        let page = TestSite.clinical().replacingOccurrences(of: "title: A page\n", with: "")
        #expect(try rules(page + TestSite.body) == [.missingTitle])
        #expect(try rules("Just text, no front matter.\n", path: "Content/pages/note.md") == [.missingTitle])
    }

    @Test func missingDescriptionAuthorReviewerDate() throws {
        func without(_ line: String) -> String { TestSite.clinical().replacingOccurrences(of: line, with: "") + TestSite.body }
        #expect(try rules(without("description: A short summary.\n")) == [.missingDescription])
        #expect(try rules(without("author: Test Author\n")) == [.missingAuthor])
        #expect(try rules(without("reviewer: dana-reyes\n")) == [.missingReviewer])
        #expect(try rules(without("reviewed: 2026-10-01\n")) == [.missingDate])
        #expect(try rules(without("updated: 2026-10-01\n")) == [.missingDate])
        // Pages need none of these.
        #expect(try rules("---\ntitle: About\n---\nHello.\n", path: "Content/pages/about.md") == [])
    }

    /// A key written with no value (`author: ""`, as `haven new` leaves it) is reported at the key,
    /// and offers no "Add 'author:'" fix: that fix would write the key a second time.
    @Test func anEmptyRequiredKeyIsReportedAtTheKeyWithoutAnAddFix() throws {
        let page = TestSite.clinical().replacingOccurrences(of: "author: Test Author", with: "author: \"\"")
            .replacingOccurrences(of: "reviewed: 2026-10-01", with: "reviewed:") + TestSite.body
        let site = try TestSite(files: [RuleTests.defectPath: page])
        defer { site.remove() }
        let found = try site.lint().diagnostics.filter { $0.file == RuleTests.defectPath }
        let author = try #require(found.first { $0.rule == .missingAuthor })
        #expect((author.line, author.column) == (4, 1))
        #expect(author.message == "`author:` is empty or not text: name the page's author")
        #expect(author.suggestions.isEmpty)
        let reviewed = try #require(found.first { $0.rule == .missingDate })
        #expect((reviewed.line, reviewed.column) == (6, 1))
        #expect(reviewed.suggestions.isEmpty)
        // Absent, it is reported at the front matter's start with the fix, as before.
        let absent = try rules(TestSite.clinical().replacingOccurrences(of: "author: Test Author\n", with: "") + TestSite.body)
        #expect(absent == [.missingAuthor])
    }

    @Test func unknownAndPlaceholderReviewer() throws {
        let unknown = TestSite.clinical().replacingOccurrences(of: "dana-reyes", with: "dr-who") + TestSite.body
        #expect(try rules(unknown) == [.unknownReviewer])
        let example = TestSite.clinical().replacingOccurrences(of: "dana-reyes", with: "example-reviewer") + TestSite.body
        #expect(try rules(example) == [.placeholderReviewer])
        let site = try TestSite(files: [RuleTests.defectPath: example])
        defer { site.remove() }
        #expect(try site.lint().diagnostics.first?.severity == .warning)
        #expect(try site.lint(production: true).diagnostics.first?.severity == .error)
    }

    @Test func invalidAndFutureDates() throws {
        let invalid = TestSite.clinical().replacingOccurrences(of: "reviewed: 2026-10-01", with: "reviewed: 2026-02-30") + TestSite.body
        #expect(try rules(invalid) == [.invalidDate])
        let future = TestSite.clinical(extra: "published: 2027-01-01\n") + TestSite.body
        #expect(try rules(future) == [.futureDate])
    }

    @Test func reviewOverdueAndUnreviewedChanges() throws {
        let old = TestSite.clinical().replacingOccurrences(of: "2026-10-01", with: "2023-01-01") + TestSite.body
        #expect(try rules(old) == [.reviewOverdue])
        let changed = TestSite.clinical().replacingOccurrences(of: "updated: 2026-10-01", with: "updated: 2026-11-02") + TestSite.body
        #expect(try rules(changed) == [.unreviewedChanges])
        // A shorter interval in haven.yml makes a recent review overdue.
        let recent = TestSite.clinical().replacingOccurrences(of: "2026-10-01", with: "2026-06-01") + TestSite.body
        #expect(try rules(recent, config: TestSite.config + "review_interval_months: 3\n") == [.reviewOverdue])
    }

    @Test func missingDisclaimer() throws {
        #expect(try rules(TestSite.clinical(extra: "disclaimer: false\n") + TestSite.body) == [.missingDisclaimer])
        #expect(try rules("---\ntitle: About\ndisclaimer: false\n---\nHello.\n", path: "Content/pages/about.md") == [])
    }

    @Test func contentWarningsAndCrisisResources() throws {
        #expect(try rules(TestSite.clinical(extra: "content_warnings: [suicidal]\n") + TestSite.body) == [.unknownContentWarning])
        #expect(try rules(TestSite.clinical(extra: "crisis_resources: [lifeline-998]\n") + TestSite.body) == [.unknownCrisisResource])
        let speaks = TestSite.clinical() + "Some people have thoughts of suicide. Help is there.\n"
        #expect(try rules(speaks) == [.missingCrisisResource])
        let withHelp = TestSite.clinical(extra: "content_warnings: [suicide]\n") + "Some people have thoughts of suicide. Help is there.\n"
        #expect(try rules(withHelp) == [])
        let viaResource = TestSite.clinical(extra: "crisis_resources: [lifeline-988]\n") + "Some people think about self-harm.\n"
        #expect(try rules(viaResource) == [])
    }

    @Test func crisisResourceUnverifiedAndInvalidPhone() throws {
        let data = "Content/_data/crisis-resources.yml"
        let stale = TestSite.crisisResources.replacingOccurrences(of: "samaritans:\n  name: Samaritans\n  phone: \"116 123\"\n  region: GB\n  verified_on: 2026-11-01",
                                                                 with: "samaritans:\n  name: Samaritans\n  phone: \"116 123\"\n  region: GB\n  verified_on: 2024-01-01")
        let site = try TestSite(files: [data: stale, RuleTests.cleanPath: TestSite.clinical() + TestSite.body])
        defer { site.remove() }
        #expect(try site.lint().rules(in: data) == [.crisisResourceUnverified])

        let badPhone = TestSite.crisisResources.replacingOccurrences(of: "\"1-800-662-4357\"", with: "\"1-800-662-HELP\"")
        let site2 = try TestSite(files: [data: badPhone, RuleTests.cleanPath: TestSite.clinical() + TestSite.body])
        defer { site2.remove() }
        #expect(try site2.lint().rules(in: data) == [.invalidPhone])
    }

    @Test func crisisResourceURLsMustBeWebAddresses() throws {
        let data = "Content/_data/crisis-resources.yml"
        let hostile = TestSite.crisisResources.replacingOccurrences(of: "url: https://988lifeline.org/", with: "url: \"javascript:alert(1)\"")
        let site = try TestSite(files: [data: hostile, RuleTests.cleanPath: TestSite.clinical() + TestSite.body])
        defer { site.remove() }
        #expect(try site.lint().rules(in: data) == [.dataSyntax])
        #expect(try site.load().registries.crisisResources["lifeline-988"]?.url == nil)
    }


    @Test func unknownTerm() throws {
        let extra = ["Content/modalities/cbt.md": TestSite.clinical("CBT") + TestSite.body]
        #expect(try rules(TestSite.clinical(extra: "modalities: [cbt]\n") + TestSite.body, extra: extra) == [])
        #expect(try rules(TestSite.clinical(extra: "modalities: [cbtt]\n") + TestSite.body, extra: extra) == [.unknownTerm])
        #expect(try rules(TestSite.clinical(extra: "conditions: [cbt]\n") + TestSite.body, extra: extra) == [.unknownTerm])
    }

    @Test func brokenLinks() throws {
        let target = ["Content/conditions/depression.md": TestSite.clinical("Depression") + "## How it is treated\n\nText.\n"]
        let good = TestSite.clinical() + "See [treatment](../conditions/depression.md#how-it-is-treated), [the list](/conditions/), [help](/get-help/) and [top](#what-it-is).\n\n## What it is\n\nText.\n"
        #expect(try rules(good, extra: target) == [])
        for link in ["../conditions/depresion.md", "../conditions/depression.md#how-its-treated", "/conditions/nothing/",
                     "#nowhere", "../../../etc/passwd.md", "../media/missing.png"] {
            #expect(try rules(TestSite.clinical() + "See [this](\(link)).\n", extra: target) == [.brokenLink], "\(link)")
        }
    }

    @Test func missingAlt() throws {
        let media = ["Content/media/photo.png": "not really a png"]
        #expect(try rules(TestSite.clinical() + "![A calm lake](../media/photo.png)\n", extra: media) == [])
        #expect(try rules(TestSite.clinical() + "![](../media/photo.png)\n", extra: media) == [.missingAlt])
        let leadNoAlt = TestSite.clinical(extra: "image:\n  src: ../media/photo.png\n") + TestSite.body
        #expect(try rules(leadNoAlt, extra: media) == [.missingAlt])
    }

    @Test func duplicateSlug() throws {
        // The file later in path order is the one reported.
        let extra = ["Content/articles/a-first.md": TestSite.clinical("First", extra: "slug: same\n") + TestSite.body]
        #expect(try rules(TestSite.clinical("Second", extra: "slug: same\n") + TestSite.body, extra: extra) == [.duplicateSlug])
    }

    @Test func rawHTML() throws {
        #expect(try rules(TestSite.clinical() + "Hello <span>there</span>.\n\n<div>block</div>\n") == [.rawHTML, .rawHTML])
    }

    @Test func unsafeMessaging() throws {
        let page = TestSite.clinical(extra: "content_warnings: [suicide]\n") + "Her uncle committed suicide last year.\n"
        #expect(try rules(page) == [.unsafeMessaging])
        let quoted = TestSite.clinical(extra: "content_warnings: [suicide]\n") + "> He said his uncle committed suicide.\n"
        #expect(try rules(quoted) == [])
        let fine = TestSite.clinical(extra: "content_warnings: [suicide]\n") + "Her uncle died by suicide last year.\n"
        #expect(try rules(fine) == [])
        // Forms seen on real statistics pages (plural victims, "complete suicide"), and an imperative that is fine.
        for phrase in ["Most suicide victims had seen a doctor that year.", "Many people who complete suicide made an earlier attempt.",
                       "Figures on successful suicides are collected each year.", "Few suicides committed at home are reported."] {
            #expect(try rules(TestSite.clinical(extra: "content_warnings: [suicide]\n") + phrase + "\n") == [.unsafeMessaging], "\(phrase)")
        }
        #expect(try rules(TestSite.clinical(extra: "content_warnings: [suicide]\n") + "Staff complete suicide prevention training each year.\n") == [])
    }

    @Test func stigmatizingLanguage() throws {
        for phrase in ["He suffers from depression.", "Services for the mentally ill.", "That sounds crazy.", "An addict may relapse.",
                       "A schizophrenic was interviewed.",
                       "The myth of the violent mentally ill person persists."] {
            #expect(try rules(TestSite.clinical() + phrase + "\n") == [.stigmatizingLanguage], "\(phrase)")
        }
        for phrase in ["She has depression and bipolar disorder.", "ADHD and substance use disorder are treatable.",
                       "Psychodynamic therapy and psychoanalysis differ.", "Call the Substance Abuse and Mental Health Services Administration."] {
            #expect(try rules(TestSite.clinical() + phrase + "\n") == [], "\(phrase)")
        }
    }

    @Test func uncitedClaim() throws {
        #expect(try rules(TestSite.clinical() + "Research suggests that therapy helps.\n") == [.uncitedClaim])
        #expect(try rules(TestSite.clinical() + "Research suggests that [therapy helps](https://www.nimh.nih.gov/).\n") == [])
        #expect(try rules(TestSite.clinical() + "A study found this.[^1]\n\n[^1]: A real source.\n") == [])
    }

    @Test func readingLevel() throws {
        let hard = String(repeating: "Psychotherapeutic interventions necessitate comprehensive individualized considerations regarding multidimensional psychological vulnerabilities. ", count: 12)
        #expect(try rules(TestSite.clinical() + hard + "\n") == [.readingLevel])
        let easy = String(repeating: "You can talk to a friend. It can help a lot. ", count: 15)
        #expect(try rules(TestSite.clinical() + easy + "\n") == [])
    }

    @Test func severityOverrides() throws {
        let page = TestSite.clinical(extra: "lint:\n  raw-html: off\n") + "Hello <b>there</b>.\n"
        #expect(try rules(page) == [])
        let site = try TestSite(files: [RuleTests.defectPath: TestSite.clinical() + "Hello <b>there</b>.\n"],
                                config: TestSite.config + "lint:\n  raw-html: error\n")
        defer { site.remove() }
        let result = try site.lint()
        #expect(result.diagnostics.map(\.severity) == [.error])
        #expect(result.failed)
        let badRule = TestSite.clinical(extra: "lint:\n  raw-htm: off\n") + TestSite.body
        #expect(try rules(badRule) == [.unknownKey])
    }

    @Test func strictFailsOnWarnings() throws {
        let site = try TestSite(files: [RuleTests.defectPath: TestSite.clinical() + "Hello <b>there</b>.\n"])
        defer { site.remove() }
        #expect(try site.lint().failed == false)
        #expect(try Builder.run(site.options(strict: true)).failed == true)
    }

    @Test func diagnosticsPointAtTheKey() throws {
        let page = TestSite.clinical().replacingOccurrences(of: "dana-reyes", with: "dana-reyse") + TestSite.body
        let site = try TestSite(files: [RuleTests.defectPath: page])
        defer { site.remove() }
        let d = try #require(try site.lint().diagnostics.first)
        #expect(DiagnosticFormatter.text(d) == "Content/articles/defect.md:5:11: error: reviewer 'dana-reyse' is not in Content/_data/reviewers.yml (did you mean 'dana-reyes'?) [unknown-reviewer]\n")
    }
}
