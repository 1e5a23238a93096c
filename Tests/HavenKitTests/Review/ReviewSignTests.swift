import Foundation
import Testing
@testable import HavenKit

/// `haven review sign`: the three keys set in place, everything else byte for byte; refusals
/// leave every file untouched.
@Suite struct ReviewSignTests {
    static let date = CalendarDate(year: 2026, month: 11, day: 20) ?? .distantPast

    func sign(_ site: TestSite, _ paths: [String], reviewer: String = "dana-reyes", production: Bool = false) throws -> ReviewSigner.Outcome {
        try ReviewSigner.sign(ReviewSigner.Request(siteRoot: site.root, paths: paths, reviewer: reviewer, date: ReviewSignTests.date,
                                                   production: production, workingDirectory: site.root.path))
    }

    func bytes(_ site: TestSite, _ path: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: site.root.appendingPathComponent(path)))) ?? []
    }

    func seal(_ site: TestSite, _ path: String) -> String { SealedContent(fileBytes: bytes(site, path))?.seal ?? "none" }

    @Test func replacesOnlyTheThreeValuesByteForByte() throws {
        let original = "---\r\n# Governance: keep this comment\r\ntitle: 'Grief: an overview'\r\nreviewed: \"2025-01-02\"   # last review\r\n"
            + "description: >-\r\n  Folded text\r\n  over lines.\r\nreviewer:   old-id\r\nauthor: A\r\nupdated: 2025-01-01\r\nreview_seal: 0000000000000000\r\n"
            + "---\r\n\r\nBody line.  \r\n\r\n"
        let site = try TestSite(files: ["Content/articles/a.md": original])
        defer { site.remove() }
        let outcome = try sign(site, ["Content/articles/a.md"])
        guard case .signed(let signed) = outcome else { Issue.record("refused: \(outcome)"); return }
        let seal = seal(site, "Content/articles/a.md")
        #expect(signed == [ReviewSigner.Signed(file: "Content/articles/a.md", seal: seal, unchanged: false)])
        let expected = original.replacingOccurrences(of: "\"2025-01-02\"", with: "\"2026-11-20\"")
            .replacingOccurrences(of: "reviewer:   old-id", with: "reviewer:   dana-reyes")
            .replacingOccurrences(of: "review_seal: 0000000000000000", with: "review_seal: \(seal)")
        #expect(String(decoding: bytes(site, "Content/articles/a.md"), as: UTF8.self) == expected)
        // The seal is that of the content before signing: signing changes nothing the reader sees.
        #expect(SealedContent(fileBytes: Array(original.utf8))?.seal == seal)
    }

    @Test func insertsMissingKeysBesideTheirNeighbours() throws {
        let original = "---\ntitle: T\ndescription: D\nauthor: A  # writer\nupdated: 2026-10-01\n---\nBody\n"
        let site = try TestSite(files: ["Content/conditions/c.md": original])
        defer { site.remove() }
        guard case .signed = try sign(site, ["Content/conditions/c.md"]) else { Issue.record("refused"); return }
        let seal = seal(site, "Content/conditions/c.md")
        let expected = "---\ntitle: T\ndescription: D\nauthor: A  # writer\nreviewer: dana-reyes\nreviewed: 2026-11-20\nreview_seal: \(seal)\nupdated: 2026-10-01\n---\nBody\n"
        #expect(String(decoding: bytes(site, "Content/conditions/c.md"), as: UTF8.self) == expected)
    }

    @Test func emptyAndMultiLineValues() throws {
        let original = "---\ntitle: T\nauthor: A\nreviewer:   # to do\nreviewed:\n  2026-01-01\nupdated: 2026-10-01\n---\nBody\n"
        let site = try TestSite(files: ["Content/articles/e.md": original])
        defer { site.remove() }
        guard case .signed = try sign(site, ["Content/articles/e.md"]) else { Issue.record("refused"); return }
        let seal = seal(site, "Content/articles/e.md")
        let expected = "---\ntitle: T\nauthor: A\nreviewer:   dana-reyes # to do\nreviewed: 2026-11-20\nreview_seal: \(seal)\nupdated: 2026-10-01\n---\nBody\n"
        #expect(String(decoding: bytes(site, "Content/articles/e.md"), as: UTF8.self) == expected)
    }

    @Test func aSealThatLooksLikeANumberIsQuoted() {
        #expect(FrontMatterEditor.scalar("1234567890123456", style: .plain) == "\"1234567890123456\"")
        #expect(FrontMatterEditor.scalar("12e4567890123456", style: .plain) == "\"12e4567890123456\"")
        #expect(FrontMatterEditor.scalar("0a1b2c3d4e5f6a7b", style: .plain) == "0a1b2c3d4e5f6a7b")
        #expect(FrontMatterEditor.scalar("2026-11-20", style: .plain) == "2026-11-20")
        #expect(FrontMatterEditor.scalar("yes", style: .plain) == "\"yes\"")
        #expect(FrontMatterEditor.scalar("o'neil", style: .singleQuoted) == "'o''neil'")
    }

    @Test func signingTwiceChangesNothing() throws {
        let site = try TestSite(files: ["Content/articles/a.md": TestSite.clinical() + TestSite.body])
        defer { site.remove() }
        guard case .signed = try sign(site, ["Content/articles/a.md"]) else { Issue.record("refused"); return }
        let once = bytes(site, "Content/articles/a.md")
        guard case .signed(let again) = try sign(site, ["Content/articles/a.md"]) else { Issue.record("refused"); return }
        #expect(again.first?.unchanged == true)
        #expect(bytes(site, "Content/articles/a.md") == once)
    }

    @Test func aFolderSignsItsClinicalPages() throws {
        let site = try TestSite(files: ["Content/articles/a.md": TestSite.clinical() + TestSite.body,
                                        "Content/articles/sub/b.md": TestSite.clinical("B") + TestSite.body,
                                        "Content/pages/about.md": "---\ntitle: About\n---\nHi\n",
                                        "Content/conditions/c.md": TestSite.clinical("C") + TestSite.body])
        defer { site.remove() }
        guard case .signed(let signed) = try sign(site, ["Content/articles"]) else { Issue.record("refused"); return }
        #expect(signed.map(\.file) == ["Content/articles/a.md", "Content/articles/sub/b.md"])
        #expect(site.read("Content/conditions/c.md")?.contains("review_seal") == false)
        guard case .signed(let all) = try sign(site, ["Content"]) else { Issue.record("refused"); return }
        #expect(all.count == 3)
        #expect(site.read("Content/pages/about.md") == "---\ntitle: About\n---\nHi\n")
        // Named on its own, a non-clinical page is refused.
        guard case .refused(let problems) = try sign(site, ["Content/pages/about.md"]) else { Issue.record("signed"); return }
        #expect(problems.first?.contains("page page has no medical review") == true)
    }

    @Test func refusalsTouchNothing() throws {
        let good = TestSite.clinical() + TestSite.body
        let files = ["Content/articles/a.md": good,
                     "Content/articles/broken.md": "---\ntitle: [unclosed\n---\nBody\n",
                     "Content/articles/twice.md": TestSite.clinical(extra: "review_seal: 0123456789abcdef\nreview_seal: 0123456789abcdef\n") + TestSite.body,
                     "Content/articles/none.md": "Just text, no front matter.\n",
                     "Content/articles/notes.txt": "not a page\n"]
        let site = try TestSite(files: files)
        defer { site.remove() }
        func refused(_ paths: [String], reviewer: String = "dana-reyes", production: Bool = false) throws -> [String] {
            guard case .refused(let problems) = try sign(site, paths, reviewer: reviewer, production: production) else { return [] }
            return problems
        }
        #expect(try refused(["Content/articles/a.md"], reviewer: "dana-reyess").first?.contains("did you mean 'dana-reyes'") == true)
        #expect(try refused(["Content/articles/a.md"], reviewer: "example-reviewer", production: true).first?.contains("placeholder") == true)
        #expect(try refused(["Content/articles/a.md", "Content/articles/broken.md"]).first?.contains("does not parse") == true)
        #expect(try refused(["Content/articles/a.md", "Content/articles/twice.md"]).first?.contains("given twice") == true)
        #expect(try refused(["Content/articles/none.md"]).first?.contains("no front matter") == true)
        #expect(try refused(["Content/articles/notes.txt"]).first?.contains("not a page") == true)
        #expect(try refused(["Content/_data/reviewers.yml"]).first?.contains("not a page") == true)
        #expect(try refused(["../outside.md"]).first?.contains("not inside the site") == true)
        #expect(try refused(["Content/articles/../../../etc/passwd"]).first?.contains("not inside the site") == true)
        for (path, text) in files { #expect(site.read(path) == text, "\(path) was changed") }
        // A placeholder reviewer without --production is allowed (lint warns about it).
        guard case .signed = try sign(site, ["Content/articles/a.md"], reviewer: "example-reviewer") else { Issue.record("refused"); return }
    }

    @Test func theSealBreaksOnVisibleEditsOnly() throws {
        let site = try TestSite(files: ["Content/articles/a.md": TestSite.clinical(extra: "content_warnings: [suicide]\n") + TestSite.body])
        defer { site.remove() }
        guard case .signed = try sign(site, ["Content/articles/a.md"]) else { Issue.record("refused"); return }
        #expect(try site.lint().rules(in: "Content/articles/a.md") == [])
        let signed = site.read("Content/articles/a.md") ?? ""
        func findings(_ text: String, production: Bool = false) throws -> [Diagnostic] {
            try site.write("Content/articles/a.md", Data(text.utf8))
            return try site.lint(production: production).diagnostics.filter { $0.file == "Content/articles/a.md" }
        }
        #expect(try findings(signed.replacingOccurrences(of: "author: Test Author", with: "author: New Author")
            .replacingOccurrences(of: "updated: 2026-10-01", with: "updated: 2026-09-01")).isEmpty)
        let body = try findings(signed.replacingOccurrences(of: "a few plain things", with: "a few other things"))
        #expect(body.map(\.rule) == [.reviewSealBroken])
        #expect(body.first?.severity == .warning)
        // Located at the key.
        let line = signed.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("review_seal:") }.map { $0 + 1 }
        #expect(body.first?.line == line)
        #expect(body.first?.column == 1)
        #expect(try findings(signed.replacingOccurrences(of: "[suicide]", with: "[suicide, substance-use]")).map(\.rule) == [.reviewSealBroken])
        #expect(try findings(signed.replacingOccurrences(of: "description: A short summary.", with: "description: Another summary."),
                             production: true).map(\.severity) == [.error])
    }
}
