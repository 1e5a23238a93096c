import Foundation
import Testing
@testable import HavenKit

/// Bad and hostile input (issue 6): each case is a finding naming the file (and line where there
/// is one), never a crash, a hang or a silent drop.
@Suite struct HostileInputTests {
    static let head = TestSite.clinical()

    /// Lints a site holding `bytes` at `path` and returns the findings for that file.
    func findings(_ bytes: [UInt8], path: String = "Content/articles/x.md") throws -> [Diagnostic] {
        let site = try TestSite(files: [:])
        defer { site.remove() }
        try site.write(path, Data(bytes))
        return try site.lint().diagnostics.filter { $0.file == path }
    }

    func text(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test func invalidUTF8() throws {
        let d = try findings(text(HostileInputTests.head) + [0xFF, 0xFE, 0x41])
        #expect(d.map(\.rule) == [.fileEncoding])
        #expect(d.first?.line == 9)
    }

    @Test func bomAndCRLFJustWork() throws {
        let crlf = (HostileInputTests.head + TestSite.body).replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try findings([0xEF, 0xBB, 0xBF] + text(crlf)) == [])
    }

    @Test func unterminatedEmptyBinary() throws {
        #expect(try findings(text("---\ntitle: x\n\nbody\n")).map(\.rule) == [.frontMatterSyntax])
        #expect(try findings([]).map(\.rule).contains(.missingTitle))
        #expect(try findings((0..<2048).map { UInt8($0 % 256) }).map(\.rule) == [.fileEncoding])
    }

    @Test func wrongYAMLShapes() throws {
        #expect(try findings(text("---\n- a\n- b\n---\nx\n")).map(\.rule) == [.frontMatterSyntax])
        let mapTitle = HostileInputTests.head.replacingOccurrences(of: "title: A page", with: "title: {a: 1}")
        #expect(try findings(text(mapTitle)).map(\.rule).sorted { $0.rawValue < $1.rawValue } == [.invalidValue, .missingTitle])
        let tabs = try findings(text("---\ntitle: x\n\tauthor: y\n---\n"))
        #expect(tabs.map(\.rule) == [.frontMatterSyntax])
        #expect(tabs.first?.line == 3)
        let twice = HostileInputTests.head.replacingOccurrences(of: "author: Test Author\n", with: "author: A\nauthor: B\n")
        #expect(try findings(text(twice)).map(\.rule) == [.unknownKey])
    }

    @Test func aliasBombIsBounded() throws {
        var yaml = "---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1..<12 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        yaml += "title: *a11\n---\nbody\n"
        let d = try findings(text(yaml))
        #expect(d.contains { $0.rule == .unknownKey })
        #expect(d.contains { $0.rule == .invalidValue })
    }

    /// Pathological nesting, by name (the bodies are made here so test names stay short).
    static func nested(_ name: String) -> String {
        switch name {
        case "quotes": String(repeating: "> ", count: 50_000) + "deep\n"
        case "brackets": String(repeating: "[", count: 50_000) + "x" + String(repeating: "]", count: 50_000) + "\n"
        case "lists": String(repeating: "- ", count: 10_000) + "item\n"
        case "emphasis": String(repeating: "*", count: 30_000) + "a\n"
        case "emphasis-words": String(repeating: "*a ", count: 30_000) + "\n"
        default: String(repeating: "[a](", count: 20_000) + "\n"
        }
    }

    @Test(arguments: ["quotes", "brackets", "lists", "emphasis", "emphasis-words", "links"])
    func deeplyNestedMarkdown(_ name: String) throws {
        let site = try TestSite(files: ["Content/articles/\(name).md": HostileInputTests.head + HostileInputTests.nested(name)])
        defer { site.remove() }
        let result = try site.build()
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning }, "\(result.diagnostics)")
        #expect(site.read("Public/articles/\(name)/index.html") != nil)
    }

    @Test func fiveMegabyteArticle() throws {
        let paragraph = String(repeating: "This is a plain sentence in a long page. ", count: 25) + "\n\n"
        let body = String(repeating: paragraph, count: 5 * 1024 * 1024 / paragraph.utf8.count + 1)
        let site = try TestSite(files: ["Content/articles/big.md": HostileInputTests.head + body])
        defer { site.remove() }
        #expect(try site.build().wrote)
    }

    @Test func oversizedFileIsRefused() throws {
        let site = try TestSite(files: [:])
        defer { site.remove() }
        let url = site.root.appendingPathComponent("Content/articles/huge.md")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(SiteLoader.maxFileBytes + 1))
        try handle.close()
        #expect(try site.lint().rules(in: "Content/articles/huge.md") == [.fileEncoding])
    }

    @Test func brokenRegistries() throws {
        let site = try TestSite(files: ["Content/_data/reviewers.yml": "dana-reyes: [unclosed\n",
                                        "Content/articles/x.md": HostileInputTests.head + TestSite.body])
        defer { site.remove() }
        let result = try site.lint()
        #expect(result.rules(in: "Content/_data/reviewers.yml") == [.dataSyntax])
        #expect(result.rules(in: "Content/articles/x.md") == [.unknownReviewer])
        let shapes = try TestSite(files: ["Content/_data/reviewers.yml": "- a\n- b\n", "Content/_data/content-warnings.yml": "x: 1\n"])
        defer { shapes.remove() }
        let found = try shapes.lint()
        #expect(found.rules(in: "Content/_data/reviewers.yml") == [.dataSyntax])
        #expect(found.rules(in: "Content/_data/content-warnings.yml") == [.dataSyntax])
    }

    @Test func brokenConfigStopsWithExit2Error() throws {
        let site = try TestSite(files: [:], config: "title: x\nbase_url: [\n")
        defer { site.remove() }
        #expect(throws: HavenError.self) { try site.lint() }
        let unknown = try TestSite(files: [:], config: "title: x\nbase_ulr: https://x.org/\n")
        defer { unknown.remove() }
        do {
            _ = try unknown.lint()
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("haven.yml:2:1"))
            #expect("\(error)".contains("did you mean 'base_url'"))
        }
    }

    /// A file or folder swapped for a symlink after the scan is still not read out of the site:
    /// the read checks where the file it opened really is.
    @Test func readsNeverLeaveTheSiteThroughSymlinks() throws {
        let fm = FileManager.default
        let base = fm.temporaryDirectory.appendingPathComponent("haven-read-\(UUID().uuidString)")
        let site = base.appendingPathComponent("site"), outside = base.appendingPathComponent("outside")
        try fm.createDirectory(at: site.appendingPathComponent("Content/articles"), withIntermediateDirectories: true)
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: base) }
        try Data("inside".utf8).write(to: site.appendingPathComponent("Content/articles/in.md"))
        try Data("SECRET".utf8).write(to: outside.appendingPathComponent("x.md"))
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("Content/articles/link-in.md").path,
                                  withDestinationPath: site.appendingPathComponent("Content/articles/in.md").path)
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("Content/articles/link-out.md").path,
                                  withDestinationPath: outside.appendingPathComponent("x.md").path)
        try fm.createSymbolicLink(atPath: site.appendingPathComponent("Content/swapped").path, withDestinationPath: outside.path)
        func read(_ relative: String) -> String? {
            if case .success(let bytes) = FileBytes.read(site.path + "/" + relative, limit: 1024, insideRoot: site.path) {
                return String(decoding: bytes, as: UTF8.self)
            }
            return nil
        }
        #expect(read("Content/articles/in.md") == "inside")
        #expect(read("Content/articles/link-in.md") == "inside")
        #expect(read("Content/articles/link-out.md") == nil)
        #expect(read("Content/swapped/x.md") == nil)
    }

    @Test func symlinksOutsideTheSiteAndLoopsAreNotPublished() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("haven-secret-\(UUID().uuidString).md")
        try Data((HostileInputTests.head + "SECRET TEXT\n").utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let site = try TestSite(files: ["Content/articles/ok.md": HostileInputTests.head + TestSite.body])
        defer { site.remove() }
        let articles = site.root.appendingPathComponent("Content/articles")
        try FileManager.default.createSymbolicLink(atPath: articles.appendingPathComponent("leak.md").path, withDestinationPath: secret.path)
        try FileManager.default.createSymbolicLink(atPath: articles.appendingPathComponent("loop-a.md").path, withDestinationPath: "loop-b.md")
        try FileManager.default.createSymbolicLink(atPath: articles.appendingPathComponent("loop-b.md").path, withDestinationPath: "loop-a.md")
        try FileManager.default.createSymbolicLink(atPath: articles.appendingPathComponent("up").path, withDestinationPath: "..")
        let result = try site.build()
        #expect(result.rules(in: "Content/articles/leak.md") == [.symlink])
        #expect(result.rules(in: "Content/articles/loop-a.md") == [.symlink])
        #expect(result.rules(in: "Content/articles/up") == [.symlink])
        #expect(!result.wrote)
        // Even when the symlink errors are silenced, the outside file is never read or published.
        try site.write("haven.yml", Data((TestSite.config + "lint:\n  symlink: off\n").utf8))
        let quiet = try site.build()
        #expect(quiet.wrote)
        let published = try TreeSnapshot(site.publicURL).files.values.map { String(decoding: $0, as: UTF8.self) }
        #expect(!published.contains { $0.contains("SECRET TEXT") })
    }

    @Test func hostileTitleIsShownVerbatimAndStoredExactly() throws {
        let title = #"Anxiety <script>alert(1)</script> & "you""#
        let page = HostileInputTests.head.replacingOccurrences(of: "title: A page", with: "title: '\(title)'") + TestSite.body
        let site = try TestSite(files: ["Content/articles/x.md": page])
        defer { site.remove() }
        #expect(try site.build().wrote)
        let html = try #require(site.read("Public/articles/x/index.html"))
        #expect(html.contains("<h1>Anxiety &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;you&quot;</h1>"))
        #expect(!html.contains("<script>alert"))
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        #expect(json["name"] as? String == title)
        let index = try #require(site.read("Public/search-index.json"))
        #expect(!index.contains("<"))
    }

    @Test func dangerousLinksNeverReachTheOutput() throws {
        let body = "[a](javascript:alert(1)) [b](JAVASCRIPT:alert(2)) [c](vbscript:x) [d](data:text/html,x) <a href=\"javascript:y\">e</a>\n\n<script>alert(3)</script>\n\n<img src=x onerror=alert(4)>\n"
        let site = try TestSite(files: ["Content/articles/x.md": HostileInputTests.head + body])
        defer { site.remove() }
        #expect(try site.build().wrote)
        let html = try #require(site.read("Public/articles/x/index.html")).lowercased()
        for needle in ["javascript:", "vbscript:", "data:text", "onerror", "<script>alert"] {
            #expect(!html.contains(needle), "\(needle)")
        }
    }
}
