import Foundation
import Testing
@testable import HavenKit

/// `SourceLocation.column` counts UTF-8 bytes (plus one) whatever reported it: cmark (bytes), Yams
/// (Unicode scalars, converted) and the phrase rules. Each fault below follows accents, an emoji
/// and CJK text on its own line, where the units differ.
@Suite struct ColumnUnitTests {
    /// "é" is 2 bytes / 1 UTF-16 unit, "😀" 4 bytes / 2 units, "中文" 6 bytes / 2 units.
    static let prefix = "Café 😀 中文 "

    func lint(_ files: [String: String]) throws -> [Diagnostic] {
        let site = try TestSite(files: files)
        defer { site.remove() }
        return try site.lint().diagnostics
    }

    @Test func markdownColumnsAreBytes() throws {
        let page = TestSite.clinical() + "\n" + ColumnUnitTests.prefix + "[x](missing.md)\n"
        let found = try lint(["Content/articles/a.md": page]).filter { $0.rule == .brokenLink }
        #expect(found.count == 1)
        #expect(found.first?.column == ColumnUnitTests.prefix.utf8.count + 1)
    }

    @Test func yamlColumnsAreConvertedToBytes() throws {
        // Yams counts scalars; the third id's column must count the bytes before it.
        let line = "content_warnings: [café, 😀中文, suicde]"
        let page = TestSite.clinical(extra: line + "\n") + TestSite.body
        let found = try lint(["Content/articles/a.md": page]).filter { $0.rule == .unknownContentWarning }
        #expect(found.count == 3)
        #expect(found.map(\.column) == [20, "content_warnings: [café, ".utf8.count + 1, "content_warnings: [café, 😀中文, ".utf8.count + 1])
        // A YAML syntax error after non-ASCII text.
        let broken = "---\ntitle: Café 😀 中文: x\n---\nBody\n"
        let syntax = try lint(["Content/articles/b.md": broken]).filter { $0.rule == .frontMatterSyntax }
        #expect(syntax.map(\.column) == ["title: Café 😀 中文".utf8.count + 1], "\(syntax)")
    }

    @Test func phraseColumnsAreBytes() throws {
        let page = TestSite.clinical() + "\n" + ColumnUnitTests.prefix + "he committed suicide.\n"
        let found = try lint(["Content/articles/a.md": page]).filter { $0.rule == .unsafeMessaging }
        #expect(found.first?.column == (ColumnUnitTests.prefix + "he ").utf8.count + 1)
        #expect(found.first?.suggestions.first?.edit == .replace(at: found[0].location, original: "committed suicide",
                                                                 replacement: "died by suicide"))
    }

    @Test func conversions() {
        let line = Substring(ColumnUnitTests.prefix + "x")
        let byteColumn = ColumnUnitTests.prefix.utf8.count + 1
        let utf16 = ColumnUnitTests.prefix.utf16.count
        let scalars = ColumnUnitTests.prefix.unicodeScalars.count + 1
        #expect(SourceLocation.utf16Offset(byteColumn: byteColumn, in: line) == utf16)
        #expect(SourceLocation.byteColumn(utf16Offset: utf16, in: line) == byteColumn)
        #expect(SourceLocation.byteColumn(scalarColumn: scalars, in: line) == byteColumn)
        // Inside a character: its start. Past the end: one unit per byte.
        #expect(SourceLocation.utf16Offset(byteColumn: 5, in: "Café") == 3)
        #expect(SourceLocation.utf16Offset(byteColumn: 8, in: "ab") == 7)
        #expect(SourceLocation.byteColumn(utf16Offset: 1, in: "😀x") == 1)
        #expect(SourceLocation.byteColumn(utf16Offset: 2, in: "😀x") == 5)
    }
}

/// Findings that an editor can fix carry the fix as data.
@Suite struct SuggestionTests {
    func lint(_ page: String) throws -> [Diagnostic] {
        let site = try TestSite(files: ["Content/articles/a.md": page])
        defer { site.remove() }
        return try site.lint().diagnostics.filter { $0.file == "Content/articles/a.md" }
    }

    @Test func didYouMeanKeyAndIds() throws {
        let page = TestSite.clinical(extra: "reviwer: x\ncontent_warnings: [suicde]\n") + TestSite.body
        let found = try lint(page)
        let key = found.first { $0.rule == .unknownKey }
        #expect(key?.suggestions.first?.edit == .replace(at: key!.location, original: "reviwer", replacement: "reviewer"))
        let warning = found.first { $0.rule == .unknownContentWarning }
        #expect(warning?.suggestions.map(\.title) == ["Replace with 'suicide'"])
        let noHint = try lint(TestSite.clinical().replacingOccurrences(of: "dana-reyes", with: "zzzzzzzzzzzz") + TestSite.body)
        #expect(noHint.first { $0.rule == .unknownReviewer }?.suggestions == [])
    }

    @Test func missingKeysAreAdded() throws {
        let page = TestSite.clinical().replacingOccurrences(of: "author: Test Author\n", with: "") + TestSite.body
        let found = try lint(page)
        #expect(found.first { $0.rule == .missingAuthor }?.suggestions.map(\.edit) == [.addKey("author", value: "")])
    }

    @Test func wordingAlternativesKeepCase() throws {
        let found = try lint(TestSite.clinical() + "\nHe Suffers from depression.\n")
        let stigma = found.first { $0.rule == .stigmatizingLanguage }
        #expect(stigma?.suggestions.map(\.title) == ["Replace with 'Has'", "Replace with 'Lives with'", "Replace with 'Is being treated for'"])
        // A suggestion that describes what to write is not a literal replacement.
        let entry = PhraseList.Entry(match: "crazy", suggest: "a specific, respectful description", source: "", except: nil, replace: nil)
        #expect(entry.replacements == [])
        let note = PhraseList.Entry(match: "x", suggest: "a person with psychosis (only if accurate)", source: "", except: nil, replace: nil)
        #expect(note.replacements == ["a person with psychosis"])
    }
}

/// The session reads through `FileAccess`; in check-only mode it renders nothing.
@Suite struct SessionSeamTests {
    @Test func unsavedTextStandsInForTheFile() throws {
        let site = try TestSite(files: ["Content/articles/a.md": TestSite.clinical() + TestSite.body])
        defer { site.remove() }
        let overlay = FileOverlay()
        let session = IncrementalSession(options: site.options(), files: .overlaying(overlay), checkOnly: true)
        let first = try session.rebuild()
        #expect(first.diagnostics.filter { $0.file == "Content/articles/a.md" } == [])
        #expect(first.files.isEmpty, "check-only renders nothing")
        let path = site.root.path + "/Content/articles/a.md"
        overlay.set(path, text: TestSite.clinical(extra: "reviwer: x\n") + TestSite.body)
        let edited = try session.rebuild(changed: ["Content/articles/a.md"])
        #expect(edited.diagnostics.map(\.rule) == [.unknownKey])
        #expect(edited.files.isEmpty && !edited.full)
        // The disk is unchanged; the overlay removed, the file reads from disk again.
        overlay.remove(path)
        #expect(try session.rebuild(changed: ["Content/articles/a.md"]).diagnostics == [])
        // An unsaved data file stands in too.
        overlay.set(site.root.path + "/Content/_data/reviewers.yml", text: "other:\n  name: O\n  credentials: MD\n")
        let data = try session.rebuild(changed: ["Content/_data/reviewers.yml"])
        #expect(data.diagnostics.map(\.rule) == [.unknownReviewer])
    }

    @Test func checkOnlyFindsWhatLintFinds() throws {
        let pages = [
            "Content/articles/a.md": TestSite.clinical(extra: "content_warnings: [suicide]\n") + TestSite.body,
            "Content/articles/b.md": TestSite.clinical() + "\nSee [a](a.md#nowhere). He committed suicide.\n",
            "Content/pages/about.md": "---\ntitle: About\n---\nHi.\n",
        ]
        let site = try TestSite(files: pages)
        defer { site.remove() }
        let session = IncrementalSession(options: site.options(), checkOnly: true)
        #expect(try session.rebuild().diagnostics == site.lint().diagnostics)
    }

    /// With the built-in templates, a page's rendered-page findings depend on that page alone: an
    /// edit of a title other pages show (a condition's in their related lists, a footer page's on
    /// every page) checks only the edited page again, and finds what lint finds.
    @Test func checkOnlyChecksOnlyTheEditedPageWhenItsTitleShowsElsewhere() throws {
        var pages = [
            "Content/conditions/depression.md": TestSite.clinical("Depression") + TestSite.body,
            "Content/pages/about.md": "---\ntitle: About\n---\nHi.\n",
            // A crisis resource without a number or link: the rendered page shows none (a rendered finding).
            "Content/_data/crisis-resources.yml": TestSite.crisisResources + "\nquiet-line:\n  name: Quiet line\n  region: US\n  verified_on: 2026-11-01\n",
        ]
        for n in 1...6 {
            pages["Content/articles/a\(n).md"] = TestSite.clinical("A\(n)", extra: "conditions: [depression]\n" + (n == 1 ? "crisis_resources: [quiet-line]\n" : "")) + TestSite.body
        }
        let site = try TestSite(files: pages)
        defer { site.remove() }
        let overlay = FileOverlay()
        let session = IncrementalSession(options: site.options(), files: .overlaying(overlay), checkOnly: true)
        let first = try session.rebuild()
        #expect(first.diagnostics == (try site.lint().diagnostics))
        #expect(first.diagnostics.contains { $0.rule == .missingCrisisResource && $0.file == "Content/articles/a1.md" })
        for (path, old, new) in [("Content/conditions/depression.md", "title: Depression", "title: Depression (low mood)"),
                                 ("Content/pages/about.md", "title: About", "title: About us"),
                                 ("Content/articles/a1.md", "crisis_resources: [quiet-line]\n", "")] {
            let text = try #require(site.read(path)).replacingOccurrences(of: old, with: new)
            overlay.set(site.root.path + "/" + path, text: text)
            let snapshot = try session.rebuild(changed: [path])
            #expect(snapshot.renderedPages == 1, "\(path): \(snapshot.renderedPages) pages checked again")
            try site.write(path, Data(text.utf8))
            #expect(snapshot.diagnostics == (try site.lint().diagnostics), "\(path)")
        }
    }

    @Test func sessionIsSafeFromSeveralThreads() throws {
        let site = try TestSite(files: ["Content/articles/a.md": TestSite.clinical() + TestSite.body])
        defer { site.remove() }
        let overlay = FileOverlay()
        let session = IncrementalSession(options: site.options(), files: .overlaying(overlay), checkOnly: true)
        _ = try session.rebuild()
        let path = site.root.path + "/Content/articles/a.md"
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            overlay.set(path, text: TestSite.clinical("Title \(i)") + TestSite.body)
            _ = try? session.rebuild(changed: ["Content/articles/a.md"])
            _ = session.currentSite?.pages.count
        }
        overlay.set(path, text: TestSite.clinical("Final") + TestSite.body)
        _ = try session.rebuild(changed: ["Content/articles/a.md"])
        #expect(session.currentSite?.pages.first?.title == "Final")
    }
}
