import Foundation
import Testing
@testable import HavenKit

/// `haven review diff` on fixture git repositories made here: the change since the sealed
/// commit; clean refusals for a shallow clone, a file never committed, no repository, a damaged one.
@Suite struct ReviewDiffTests {
    static let file = "Content/articles/a.md"

    /// Runs git in `folder` with a fixed identity; returns its stdout.
    @discardableResult
    static func git(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main",
                             "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
        return String(decoding: data, as: UTF8.self)
    }

    static func commitAll(_ site: TestSite, _ message: String) throws {
        try git(["add", "-A"], in: site.root)
        try git(["commit", "-q", "-m", message], in: site.root)
    }

    /// A site in a new repository: the page committed, signed and committed again.
    static func sealedRepository() throws -> TestSite {
        let site = try TestSite(files: [file: TestSite.clinical(extra: "content_warnings: [suicide]\n") + TestSite.body + "\nA second paragraph.\n"])
        try git(["init", "-q"], in: site.root)
        try commitAll(site, "First draft")
        guard case .signed = try ReviewSigner.sign(ReviewSigner.Request(siteRoot: site.root, paths: [file], reviewer: "dana-reyes",
                                                                         date: TestSite.today, production: false, workingDirectory: site.root.path))
        else { throw HavenError.io("not signed") }
        try commitAll(site, "Reviewed by Dana Reyes")
        return site
    }

    static func edit(_ site: TestSite, _ old: String, _ new: String) throws {
        let text = site.read(file) ?? ""
        #expect(text.contains(old))
        try site.write(file, Data(text.replacingOccurrences(of: old, with: new).utf8))
    }

    @Test func showsTheChangeSinceTheSealedCommit() throws {
        let site = try ReviewDiffTests.sealedRepository()
        defer { site.remove() }
        let sealCommit = try ReviewDiffTests.git(["rev-parse", "HEAD"], in: site.root).trimmingCharacters(in: .whitespacesAndNewlines)
        // Committed edits after the review, then an uncommitted one.
        try ReviewDiffTests.edit(site, "A second paragraph.", "A second paragraph, reworded.")
        try ReviewDiffTests.commitAll(site, "Reword")
        try ReviewDiffTests.edit(site, "author: Test Author", "author: Someone Else")
        try ReviewDiffTests.commitAll(site, "Author only: the seal still holds")
        try ReviewDiffTests.edit(site, "description: A short summary.", "description: A longer summary.")
        try ReviewDiffTests.edit(site, "[suicide]", "[suicide, substance-use]")
        let diff = try ReviewDiff.make(file: ReviewDiffTests.file, siteRoot: site.root).get()
        #expect(!diff.isUnchanged)
        #expect(diff.commit?.id == sealCommit)
        #expect(diff.commit?.subject == "Reviewed by Dana Reyes")
        let text = diff.unified
        #expect(text.hasPrefix("--- Content/articles/a.md\t(sealed \(diff.seal): commit \(sealCommit.prefix(12)), "))
        #expect(text.contains("@@ front matter @@\n-description: A short summary.\n+description: A longer summary.\n+content_warnings: - substance-use\n"))
        #expect(text.contains("-A second paragraph.\n+A second paragraph, reworded.\n"))
        #expect(!text.contains("author"))
        // Body hunks are numbered as the file's lines.
        let lines = (site.read(ReviewDiffTests.file) ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        let changed = (lines.firstIndex { $0 == "A second paragraph, reworded." } ?? 0) + 1
        #expect(diff.bodyHunks.first?.lines.first { $0.change == .added }?.newNumber == changed)

        let run = try CLITests.haven(["review", "diff", ReviewDiffTests.file, "--site", site.root.path])
        #expect(run.status == 0)
        #expect(run.stdout == text)
        // From inside the site folder, with a relative path.
        #expect(try CLITests.haven(["review", "diff", ReviewDiffTests.file], in: site.root).stdout == text)
    }

    @Test func unchangedNeedsNoHistory() throws {
        let site = try ReviewDiffTests.sealedRepository()
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".git"))
        let diff = try ReviewDiff.make(file: ReviewDiffTests.file, siteRoot: site.root).get()
        #expect(diff.isUnchanged)
        let run = try CLITests.haven(["review", "diff", ReviewDiffTests.file, "--site", site.root.path])
        #expect(run.status == 0 && run.stdout.isEmpty && run.stderr.contains("unchanged"))
    }

    @Test func followsRenames() throws {
        let site = try ReviewDiffTests.sealedRepository()
        defer { site.remove() }
        try ReviewDiffTests.git(["mv", ReviewDiffTests.file, "Content/articles/b.md"], in: site.root)
        try ReviewDiffTests.commitAll(site, "Rename")
        let text = (site.read("Content/articles/b.md") ?? "").replacingOccurrences(of: "A second paragraph.", with: "Changed.")
        try site.write("Content/articles/b.md", Data(text.utf8))
        let diff = try ReviewDiff.make(file: "Content/articles/b.md", siteRoot: site.root).get()
        // The newest commit with the sealed content: the rename (it changed no content).
        #expect(diff.commit?.subject == "Rename")
        #expect(diff.unified.contains("+Changed.\n"))
    }

    @Test func refusesOnAShallowClone() throws {
        let site = try ReviewDiffTests.sealedRepository()
        defer { site.remove() }
        try ReviewDiffTests.edit(site, "A second paragraph.", "Edited after the review.")
        try ReviewDiffTests.commitAll(site, "Edit")
        let clone = FileManager.default.temporaryDirectory.appendingPathComponent("haven-shallow-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: clone) }
        try ReviewDiffTests.git(["clone", "-q", "--depth", "1", "file://" + site.root.path, clone.path], in: site.root)
        guard case .failure(let failure) = ReviewDiff.make(file: ReviewDiffTests.file, siteRoot: clone) else {
            Issue.record("a shallow clone must not give a diff"); return
        }
        guard case .notInHistory(_, _, let shallow, _) = failure else { Issue.record("\(failure)"); return }
        #expect(shallow)
        let run = try CLITests.haven(["review", "diff", ReviewDiffTests.file, "--site", clone.path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(ReviewDiffTests.file) && run.stderr.contains("git fetch --unshallow"))
        // With the full history fetched, it works.
        try ReviewDiffTests.git(["fetch", "-q", "--unshallow"], in: clone)
        #expect(try CLITests.haven(["review", "diff", ReviewDiffTests.file, "--site", clone.path]).status == 0)
    }

    @Test func refusesWhenTheSealedVersionWasNeverCommitted() throws {
        let site = try TestSite(files: [ReviewDiffTests.file: TestSite.clinical() + TestSite.body])
        defer { site.remove() }
        try ReviewDiffTests.git(["init", "-q"], in: site.root)
        try ReviewDiffTests.commitAll(site, "Unsigned")
        // Edited, signed and edited again, never committed in between: no commit has the sealed content.
        try ReviewDiffTests.edit(site, "a short page", "a reviewed page")
        guard case .signed = try ReviewSigner.sign(ReviewSigner.Request(siteRoot: site.root, paths: [ReviewDiffTests.file], reviewer: "dana-reyes",
                                                                         date: TestSite.today, production: false, workingDirectory: site.root.path))
        else { Issue.record("refused"); return }
        try ReviewDiffTests.edit(site, "a few plain things", "other things")
        let run = try CLITests.haven(["review", "diff", ReviewDiffTests.file, "--site", site.root.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no commit of this file has the sealed content"))
        #expect(run.stderr.contains("git fetch --unshallow"))
    }

    @Test func refusesWithoutARepositoryOrWithADamagedOne() throws {
        let site = try ReviewDiffTests.sealedRepository()
        defer { site.remove() }
        try ReviewDiffTests.edit(site, "A second paragraph.", "Edited.")
        let objects = site.root.appendingPathComponent(".git/objects")
        for folder in try FileManager.default.contentsOfDirectory(atPath: objects.path) where folder.count == 2 {
            try FileManager.default.removeItem(at: objects.appendingPathComponent(folder))
        }
        let damaged = try CLITests.haven(["review", "diff", ReviewDiffTests.file, "--site", site.root.path])
        #expect(damaged.status == 2)
        #expect(damaged.stderr.contains(ReviewDiffTests.file) && damaged.stderr.contains("failed"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".git"))
        let none = try CLITests.haven(["review", "diff", ReviewDiffTests.file, "--site", site.root.path])
        #expect(none.status == 2)
        #expect(none.stderr.contains("not in a git repository"))
        // Not a page, or no seal.
        #expect(try CLITests.haven(["review", "diff", "haven.yml", "--site", site.root.path]).status == 2)
        try site.write("Content/articles/plain.md", Data((TestSite.clinical() + TestSite.body).utf8))
        let unsealed = try CLITests.haven(["review", "diff", "Content/articles/plain.md", "--site", site.root.path])
        #expect(unsealed.status == 2 && unsealed.stderr.contains("has no review_seal"))
    }
}

/// The line diff under `review diff`: a shortest edit script, hunks numbered as files are.
@Suite struct LineDiffTests {
    @Test func hunksAreNumberedWithContext() {
        let a = (1...20).map { "line \($0)" }
        var b = a
        b[4] = "changed 5"
        b.insert("new", at: 15)
        let hunks = LineDiff.hunks(a, b, oldFirst: 10, newFirst: 12)
        #expect(hunks.count == 2)
        #expect(hunks[0].header == "@@ -11,7 +13,7 @@")
        #expect(hunks[0].lines.map(\.change) == [.same, .same, .same, .removed, .added, .same, .same, .same])
        #expect(hunks[1].header == "@@ -22,6 +24,7 @@")
        #expect(LineDiff.hunks(a, a).isEmpty)
    }

    @Test func scriptIsShortestOnRandomText() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let a = (0..<Int.random(in: 0...12, using: &rng)).map { _ in ["a", "b", "c", "d"].randomElement(using: &rng) ?? "a" }
            let b = (0..<Int.random(in: 0...12, using: &rng)).map { _ in ["a", "b", "c", "d"].randomElement(using: &rng) ?? "a" }
            let script = LineDiff.script(a, b)
            #expect(script.filter { $0.0 != .added }.map(\.1) == a)
            #expect(script.filter { $0.0 != .removed }.map(\.1) == b)
            // As many unchanged lines as the longest common subsequence.
            var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in stride(from: a.count - 1, through: 0, by: -1) where !a.isEmpty {
                for j in stride(from: b.count - 1, through: 0, by: -1) where !b.isEmpty {
                    table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
            #expect(script.filter { $0.0 == .same }.count == table[0][0], "\(a) → \(b)")
        }
    }
}
