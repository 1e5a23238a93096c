import Foundation
import Testing
@testable import HavenKit

/// The `haven` executable as users and CI run it: exit codes (SPEC §3) and the commands the
/// documented CI workflow runs.
@Suite struct CLITests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary built beside the test bundle (`swift build` builds it; `make test` runs that first).
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("haven")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func haven(_ arguments: [String], in directory: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["HAVEN_TODAY"] = TestSite.today.description
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func binaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: CLITests.binary.path), "run `swift build` before `swift test`")
    }

    @Test func exitCodes() throws {
        let site = try TestSite(files: ["Content/articles/a.md": TestSite.clinical() + TestSite.body])
        defer { site.remove() }
        #expect(try CLITests.haven(["build", "--site", site.root.path]).status == 0)
        #expect(try CLITests.haven(["lint", "--site", site.root.path, "--no-such-flag"]).status == 2)
        #expect(try CLITests.haven(["lint", "--site", "/nonexistent/site"]).status == 2)
        #expect(try CLITests.haven(["lint", "--site", site.root.path, "--format", "yaml"]).status == 2)
        try site.write("Content/articles/b.md", Data((TestSite.clinical().replacingOccurrences(of: "reviewer: dana-reyes\n", with: "")).utf8))
        let failed = try CLITests.haven(["lint", "--site", site.root.path])
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("Content/articles/b.md:1:1: error:"))
        #expect(failed.stdout.contains("[missing-reviewer]"))
        try site.write("haven.yml", Data("title: [broken\n".utf8))
        let broken = try CLITests.haven(["build", "--site", site.root.path])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("haven.yml:"))
    }

    @Test func formatsAreWellFormed() throws {
        let site = try TestSite(files: ["Content/articles/a.md": TestSite.clinical().replacingOccurrences(of: "dana-reyes", with: "nobody") + "Hi <b>x</b>, a study: says so.\n"])
        defer { site.remove() }
        let json = try CLITests.haven(["lint", "--site", site.root.path, "--format", "json"])
        #expect(json.status == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(Set(array.compactMap { $0["rule"] as? String }) == ["unknown-reviewer", "raw-html", "uncited-claim"])
        #expect(array.allSatisfy { Set($0.keys) == ["file", "line", "column", "severity", "rule", "message"] })

        let github = try CLITests.haven(["lint", "--site", site.root.path, "--format", "github"])
        let lines = github.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.hasPrefix("::error file=Content/articles/a.md,line=") || $0.hasPrefix("::warning file=Content/articles/a.md,line=") })
        #expect(lines.contains { $0.contains(",title=unknown-reviewer::") })

        let sarif = try CLITests.haven(["lint", "--site", site.root.path, "--format", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == RuleID.allCases.map(\.rawValue))
        #expect((run["results"] as? [Any])?.count == 3)
    }

    @Test func newScaffoldsEveryRequiredKey() throws {
        let site = try TestSite(files: [:])
        defer { site.remove() }
        let created = try CLITests.haven(["new", "article", "Sleep and mood: a guide", "--site", site.root.path])
        #expect(created.status == 0)
        let text = try #require(site.read("Content/articles/sleep-and-mood-a-guide.md"))
        for key in ["title:", "description:", "author:", "reviewer:", "reviewed: 2026-11-29", "updated: 2026-11-29"] {
            #expect(text.contains(key), "\(key)")
        }
        // The empty keys are what the editor must fill in: lint says so.
        let lint = try CLITests.haven(["lint", "--site", site.root.path, "--format", "json"])
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("missing-reviewer") && lint.stdout.contains("missing-author"))
        #expect(try CLITests.haven(["new", "article", "Sleep and mood: a guide", "--site", site.root.path]).status == 2)
        #expect(try CLITests.haven(["new", "blog", "X", "--site", site.root.path]).status == 2)
    }

    /// Every `haven …` command in the documented CI workflow and script parses and runs.
    @Test func documentedCICommandsExist() throws {
        let docs = CLITests.repository.appendingPathComponent("docs/ci")
        var commands: [[String]] = []
        for file in ["github-actions.yml", "build-site.sh"] {
            let text = try String(contentsOf: docs.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                guard let range = line.range(of: #"(haven|"\$HAVEN") (lint|build|serve|new|rules)[^|>&]*"#, options: .regularExpression) else { continue }
                let words = line[range].split(separator: " ").dropFirst().map(String.init).filter { !$0.isEmpty }
                commands.append(words)
            }
        }
        #expect(commands.count >= 4)
        let site = try TestSite(files: ["Content/articles/a.md": TestSite.clinical() + TestSite.body])
        defer { site.remove() }
        for command in commands {
            let run = try CLITests.haven(command, in: site.root)
            #expect(run.status == 0, "`haven \(command.joined(separator: " "))` exited \(run.status): \(run.stderr)")
        }
    }
}
