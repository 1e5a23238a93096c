import Foundation
import HavenKit
@testable import HavenServer
import Testing

/// The review desk at `/_haven/review/`: the queue and each broken seal's diff, made by the server
/// from the site as it is, and never part of a build.
@Suite("haven serve shows the review desk", .timeLimit(.minutes(2)))
struct ReviewDeskTests {
    static func git(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
    }

    /// The fixture in a git repository, its page signed and committed, then edited (not committed).
    static func sealedAndEdited() throws -> FixtureSite {
        let site = try FixtureSite()
        try git(["init", "-q"], in: site.root)
        let request = ReviewSigner.Request(siteRoot: site.root, paths: [FixtureSite.pagePath], reviewer: "casey-test",
                                           date: FixtureSite.today, production: false, workingDirectory: site.root.path)
        guard case .signed = try ReviewSigner.sign(request) else { throw RawHTTP.Failure(description: "not signed") }
        try git(["add", "-A"], in: site.root)
        try git(["commit", "-q", "-m", "Reviewed"], in: site.root)
        let text = try site.contents(FixtureSite.pagePath).replacingOccurrences(of: "Talk with a doctor about sleep.", with: "Talk with a doctor <about> sleep & rest.")
        try site.write(FixtureSite.pagePath, text)
        return site
    }

    @Test func showsTheQueueAndTheDiff() async throws {
        try await RunningPreview.with(try ReviewDeskTests.sealedAndEdited()) { preview in
            let reply = try await preview.http.get("/_haven/review/")
            #expect(reply.status == 200)
            #expect(reply.header("Content-Type") == "text/html; charset=utf-8")
            let html = reply.body
            #expect(html.contains("<h1>Review desk</h1>"))
            #expect(html.contains("<a href=\"/conditions/insomnia/\">Insomnia</a>"))
            #expect(html.contains("desk-status-changed-since-review\">changed-since-review</li>"))
            #expect(html.contains("<a href=\"#diff-Content-conditions-insomnia-md\">What changed since the review</a>"))
            #expect(html.contains("id=\"diff-Content-conditions-insomnia-md\""))
            // Removals and additions marked by sign and word, not only colour; text escaped.
            #expect(html.contains("<span class=\"desk-marker\" aria-hidden=\"true\">−</span>removed</td><td><del><code>Talk with a doctor about sleep.</code></del>"))
            #expect(html.contains("<span class=\"desk-marker\" aria-hidden=\"true\">+</span>added</td><td><ins><code>Talk with a doctor &lt;about&gt; sleep &amp; rest.</code></ins>"))
            #expect(!html.contains("<script>"))  // only the reload script, as a file
            #expect(html.contains("<script src=\"/__haven/reload.js\""))
            #expect(try await preview.http.get("/__haven/review.css").header("Content-Type")?.hasPrefix("text/css") == true)
            #expect(try await preview.http.get("/_haven/review").status == 308)
            #expect(try await preview.http.get("/_haven/other/").status == 404)

            // It follows the content: a further edit shows on the next request.
            let text = try preview.site.contents(FixtureSite.pagePath).replacingOccurrences(of: "Many people feel better", with: "Most people feel better")
            try preview.site.write(FixtureSite.pagePath, text)
            let again = try await preview.waitFor("/_haven/review/") { $0.body.contains("Most people feel better") }
            #expect(again.body.contains("<del><code>Insomnia means you have trouble sleeping. Many people feel better with care.</code></del>"))

            // `haven build` writes no desk.
            let output = preview.site.root.appendingPathComponent("Public")
            let result = try Builder.run(BuildOptions(siteRoot: preview.site.root, output: output, today: FixtureSite.today))
            #expect(result.wrote)
            let files = try FileManager.default.subpathsOfDirectory(atPath: output.path)
            #expect(!files.isEmpty)
            #expect(!files.contains { $0.contains("_haven") })
            for file in files where file.hasSuffix(".html") {
                #expect(!(try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)).contains("Review desk"))
            }
        }
    }

    @Test func saysWhyThereIsNoDiff() async throws {
        let site = try FixtureSite()
        // Signed but never committed, then edited; and no repository at all.
        let request = ReviewSigner.Request(siteRoot: site.root, paths: [FixtureSite.pagePath], reviewer: "casey-test",
                                           date: FixtureSite.today, production: false, workingDirectory: site.root.path)
        _ = try ReviewSigner.sign(request)
        try site.write(FixtureSite.pagePath, try site.contents(FixtureSite.pagePath).replacingOccurrences(of: "about sleep", with: "about rest"))
        try await RunningPreview.with(site) { preview in
            let html = try await preview.http.get("/_haven/review/").body
            #expect(html.contains("<p class=\"desk-problem\">No diff: Content/conditions/insomnia.md is not in a git repository"))
        }
    }
}
