import Foundation
import Testing
@testable import HavenKit

/// `haven review`: exactly the pages that need attention, with the right statuses, in every format.
@Suite struct ReviewQueueTests {
    /// Today is 2026-11-29 (`TestSite.today`); the interval is 36 months.
    static func page(_ title: String, reviewer: String = "dana-reyes", reviewed: String, updated: String, extra: String = "") -> String {
        "---\ntitle: \(title)\ndescription: D.\nauthor: A\nreviewer: \(reviewer)\nreviewed: \(reviewed)\nupdated: \(updated)\n\(extra)---\n\nBody text.\n"
    }

    static func sealed(_ text: String) -> String {
        let seal = SealedContent(fileBytes: Array(text.utf8))?.seal ?? ""
        return text.replacingOccurrences(of: "\n---\n\n", with: "\nreview_seal: \(seal)\n---\n\n")
    }

    static var files: [String: String] {
        [
            // sealed, fresh: not in the queue
            "Content/articles/fine.md": sealed(page("Fine", reviewed: "2026-10-01", updated: "2026-10-01")),
            // overdue (due 2026-10-01), sealed
            "Content/articles/old.md": sealed(page("Old", reviewed: "2023-10-01", updated: "2023-10-01")),
            // due soon (2027-01-15), not sealed
            "Content/conditions/soon.md": page("Soon", reviewed: "2024-01-15", updated: "2024-01-15"),
            // sealed, then the body changed; updated after reviewed
            "Content/modalities/edited.md": sealed(page("Edited", reviewer: "example-reviewer", reviewed: "2026-09-01", updated: "2026-09-01"))
                .replacingOccurrences(of: "Body text.", with: "Body text, changed.").replacingOccurrences(of: "updated: 2026-09-01", with: "updated: 2026-11-01"),
            // never reviewed, no reviewer
            "Content/articles/new.md": "---\ntitle: New\ndescription: D.\nauthor: A\nupdated: 2026-11-01\n---\nBody.\n",
            // a non-clinical page and a draft never appear
            "Content/pages/about.md": "---\ntitle: About\n---\nHi.\n",
            "Content/articles/draft.md": page("Draft", reviewed: "2020-01-01", updated: "2020-01-01", extra: "draft: true\n"),
        ]
    }

    func queue(within: Int = 90, reviewer: String? = nil) throws -> ReviewQueue {
        let site = try TestSite(files: ReviewQueueTests.files)
        defer { site.remove() }
        return try ReviewQueue.load(siteRoot: site.root, today: TestSite.today, within: within, reviewer: reviewer)
    }

    @Test func listsExactlyThePagesThatNeedAttention() throws {
        let q = try queue()
        #expect(q.items.map(\.file) == ["Content/articles/new.md", "Content/articles/old.md", "Content/conditions/soon.md", "Content/modalities/edited.md"])
        let statuses = Dictionary(uniqueKeysWithValues: q.items.map { ($0.file, $0.statuses) })
        #expect(statuses["Content/articles/new.md"] == [.notSealed])
        #expect(statuses["Content/articles/old.md"] == [.overdue])
        #expect(statuses["Content/conditions/soon.md"] == [.dueSoon, .notSealed])
        #expect(statuses["Content/modalities/edited.md"] == [.changedSinceReview, .unreviewedChanges])
        #expect(q.pageCount == 5)
        // A narrower window: soon.md is only unsealed.
        #expect(try queue(within: 30).items.first { $0.file == "Content/conditions/soon.md" }?.statuses == [.notSealed])
        #expect(try queue(reviewer: "example-reviewer").items.map(\.file) == ["Content/modalities/edited.md"])
    }

    @Test func translationsBehindTheirSourceAreListedInBothTheCLIAndTheServedSite() throws {
        let config = TestSite.spanishConfig
        let files: [String: String] = [
            "Content/conditions/x.md": Self.sealed(Self.page("X", reviewed: "2026-10-15", updated: "2026-10-15")),
            // follows an older version of x.md
            "Content/conditions/x.es.md": Self.sealed(Self.page("X es", reviewed: "2026-10-01", updated: "2026-10-01", extra: "source_updated: 2026-10-01\n")),
            "Content/conditions/y.md": Self.sealed(Self.page("Y", reviewed: "2026-10-15", updated: "2026-10-15")),
            // follows the current version
            "Content/conditions/y.es.md": Self.sealed(Self.page("Y es", reviewed: "2026-10-16", updated: "2026-10-16", extra: "source_updated: 2026-10-15\n")),
            "Content/_data/crisis-resources.yml": "", "Content/_data/content-warnings.yml": "",
        ]
        let site = try TestSite(files: files, config: config)
        defer { site.remove() }
        let q = try ReviewQueue.load(siteRoot: site.root, today: TestSite.today)
        #expect(q.items.map(\.file) == ["Content/conditions/x.es.md"])
        #expect(q.items.first?.statuses == [.translationOutdated])
        #expect(q.items.first?.language == "es")
        let served = ReviewQueue.make(try site.load(), within: 90)
        #expect(served.items.map(\.file) == ["Content/conditions/x.es.md"])
    }

    @Test func unknownReviewerFilterIsAnError() throws {
        #expect(throws: HavenError.self) { try queue(reviewer: "dana-reyess") }
    }

    @Test func json() throws {
        let out = ReviewQueueFormatter.format(try queue(), as: .json)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        #expect(parsed.count == 4)
        #expect(parsed.map { Set($0.keys) }.allSatisfy { $0 == Set(ReviewQueueFormatter.fields) })
        #expect(parsed[0]["file"] as? String == "Content/articles/new.md")
        #expect(parsed[0]["reviewer"] is NSNull)
        #expect(parsed[0]["due"] is NSNull)
        #expect(parsed[1]["due"] as? String == "2026-10-01")
        #expect(parsed[1]["language"] as? String == "en")
        #expect(parsed[3]["status"] as? [String] == ["changed-since-review", "unreviewed-changes"])
    }

    @Test func csv() throws {
        let out = ReviewQueueFormatter.format(try queue(), as: .csv)
        let rows = out.components(separatedBy: "\r\n")
        #expect(rows[0] == "file,title,language,reviewer,reviewed,due,status")
        #expect(rows[1] == "Content/articles/new.md,New,en,,,,not-sealed")
        #expect(rows[3] == "Content/conditions/soon.md,Soon,en,dana-reyes,2024-01-15,2027-01-15,due-soon;not-sealed")
        #expect(rows.count == 6 && rows[5] == "")
        let quoted = ReviewItem(file: "f.md", path: "/f/", title: "A, \"B\"", language: "en", reviewer: nil, reviewerName: nil,
                                reviewed: nil, due: nil, statuses: [.notSealed])
        let one = ReviewQueue(items: [quoted], today: TestSite.today, within: 90, pageCount: 1, baseURL: "https://example.org/")
        #expect(ReviewQueueFormatter.format(one, as: .csv).contains("f.md,\"A, \"\"B\"\"\",en,"))
    }

    @Test func textGroupsByReviewerMostUrgentFirst() throws {
        let out = ReviewQueueFormatter.format(try queue(), as: .text)
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("4 pages of 5 need a reviewer's attention: 1 overdue, 1 changed-since-review, 1 unreviewed-changes, 1 due-soon, 2 not-sealed"))
        let groups = lines.filter { !$0.hasPrefix(" ") && $0.contains(" — ") }
        #expect(groups == ["Dana Reyes (dana-reyes) — 2 pages", "Example Person (example-reviewer) — 1 page", "No reviewer named — 1 page"])
        let dana = lines.firstIndex(of: "Dana Reyes (dana-reyes) — 2 pages") ?? 0
        #expect(lines[dana + 1] == "  Content/articles/old.md: overdue")
        #expect(lines[dana + 3] == "  Content/conditions/soon.md: due-soon, not-sealed")
        #expect(out.contains("haven review diff FILE"))
    }

    @Test func markdownForAnIssue() throws {
        let out = ReviewQueueFormatter.format(try queue(), as: .markdown)
        #expect(out.hasPrefix("## Review queue, 2026-11-29\n"))
        #expect(out.contains("### Dana Reyes (dana-reyes)\n"))
        #expect(out.contains("| [Old](https://example.org/articles/old/) | `Content/articles/old.md` | overdue | 2023-10-01 | 2026-10-01 |"))
        #expect(out.contains("| [New](https://example.org/articles/new/) | `Content/articles/new.md` | not-sealed | never | — |"))
        #expect(ReviewQueueFormatter.escape("a|b [c]") == "a\\|b \\[c\\]")
    }

    @Test func cliExitsZeroWhateverItFinds() throws {
        let site = try TestSite(files: ReviewQueueTests.files)
        defer { site.remove() }
        for format in ["text", "json", "csv", "markdown"] {
            let run = try CLITests.haven(["review", "--site", site.root.path, "--format", format])
            #expect(run.status == 0, "\(format): \(run.stderr)")
            #expect(run.stdout.contains("Content/articles/old.md"))
        }
        #expect(try CLITests.haven(["review", "--site", site.root.path, "--format", "yaml"]).status == 2)
        #expect(try CLITests.haven(["review", "--site", "/nonexistent/site"]).status == 2)
        #expect(try CLITests.haven(["review", "--site", site.root.path, "--reviewer", "nobody"]).status == 2)
        #expect(try CLITests.haven(["review", "--site", site.root.path, "--within", "-3"]).status == 2)
    }
}
