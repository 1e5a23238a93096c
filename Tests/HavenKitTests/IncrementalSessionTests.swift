import Foundation
import Testing
@testable import HavenKit

/// `IncrementalSession` (what `haven serve` rebuilds with) must always equal a clean build.
@Suite struct IncrementalSessionTests {
    /// A clean build's files and findings, in memory.
    func cleanBuild(_ site: TestSite) throws -> (files: [String: [UInt8]], diagnostics: [Diagnostic]) {
        let collector = FileCollector()
        var options = site.options()
        options.collect = { path, bytes in collector.add(path, bytes) }
        let result = try Builder.run(options)
        return (collector.files, result.diagnostics)
    }

    func expectSame(_ snapshot: IncrementalSession.Snapshot, _ site: TestSite, _ step: String) throws {
        let clean = try cleanBuild(site)
        #expect(Set(snapshot.files.keys) == Set(clean.files.keys), "\(step): different files")
        for (path, bytes) in clean.files where snapshot.files[path] != bytes {
            Issue.record("\(step): \(path) differs from a clean build")
        }
        if snapshot.diagnostics != clean.diagnostics {
            let extra = Set(snapshot.diagnostics).subtracting(clean.diagnostics).map(DiagnosticFormatter.text).sorted()
            let missing = Set(clean.diagnostics).subtracting(snapshot.diagnostics).map(DiagnosticFormatter.text).sorted()
            Issue.record("\(step): different findings; not in a clean build: \(extra); missing: \(missing)")
        }
    }

    /// Writes a file with a modification time that differs from the last write (file systems
    /// with coarse timestamps would otherwise hide a quick second edit).
    func edit(_ site: TestSite, _ path: String, _ text: String) throws {
        try site.write(path, Data(text.utf8))
        let url = site.root.appendingPathComponent(path)
        let bump = Date().addingTimeInterval(Double.random(in: 1...1000))
        try FileManager.default.setAttributes([.modificationDate: bump], ofItemAtPath: url.path)
    }

    /// A site with Spanish declared, for the translation tests.
    static let translationConfig = TestSite.config + """
        languages:
          es:
            tag: es-US
            title: Sitio de prueba
            disclaimer: "Información general, no consejo médico."

        """

    /// Translations: adding, editing, moving and removing them, and editing their source, in
    /// `haven serve` equals a clean build (alternates, switcher, JSON-LD, listings per language).
    @Test func translationEditsEqualACleanBuild() throws {
        var files = BuildTests.files
        files["Content/modalities/cbt.es.md"] = TestSite.clinical("TCC", extra: "slug: tcc\nconditions: [depression]\nsource_updated: 2026-10-01\n")
            + TestSite.body
        let site = try TestSite(files: files, config: Self.translationConfig)
        defer { site.remove() }
        let session = IncrementalSession(options: site.options())
        var snapshot = try session.rebuild()
        try expectSame(snapshot, site, "first build")
        #expect(snapshot.files["/es/modalities/tcc/index.html"] != nil)

        let depressionES = "Content/conditions/depression.es.md"
        let spanish = TestSite.clinical("Depresión", extra: "modalities: [cbt]\nsource_updated: 2026-10-01\n")
            + "La depresión es frecuente. Lee sobre la [TCC](../modalities/cbt.es.md).\n"
        try edit(site, depressionES, spanish)
        snapshot = try session.rebuild()
        try expectSame(snapshot, site, "translation added")
        #expect(snapshot.files["/conditions/depression/index.html"].map { String(decoding: $0, as: UTF8.self).contains("hreflang=\"es-US\"") } == true)

        try edit(site, depressionES, spanish.replacingOccurrences(of: "title: Depresión", with: "title: La depresión"))
        snapshot = try session.rebuild()
        #expect(!snapshot.full)
        try expectSame(snapshot, site, "translation title edited")

        let cbt = "Content/modalities/cbt.md"
        let cbtText = try #require(site.read(cbt))
        try edit(site, cbt, cbtText.replacingOccurrences(of: "title: CBT", with: "title: Cognitive behavioral therapy")
            .replacingOccurrences(of: "updated: 2026-10-01", with: "updated: 2026-10-20"))
        snapshot = try session.rebuild()
        try expectSame(snapshot, site, "source title and date edited")

        try edit(site, depressionES, spanish.replacingOccurrences(of: "title: Depresión", with: "title: Depresión\nslug: depresion"))
        snapshot = try session.rebuild()
        try expectSame(snapshot, site, "translation moved to its own slug")
        #expect(snapshot.files["/es/conditions/depresion/index.html"] != nil && snapshot.files["/es/conditions/depression/index.html"] == nil)

        try edit(site, "Content/articles/solo.es.md", TestSite.clinical("Solo en español", extra: "conditions: [depression]\n") + TestSite.body)
        snapshot = try session.rebuild()
        try expectSame(snapshot, site, "page of one language added")

        try FileManager.default.removeItem(at: site.root.appendingPathComponent(depressionES))
        snapshot = try session.rebuild()
        try expectSame(snapshot, site, "translation removed")
        #expect(snapshot.files["/es/conditions/depresion/index.html"] == nil)

        // Spanish pages name depression, now with no Spanish page: its English title is their
        // search keyword, and changes with it.
        let depression = "Content/conditions/depression.md"
        try edit(site, depression, try #require(site.read(depression)).replacingOccurrences(of: "title: Depression", with: "title: Low mood"))
        snapshot = try session.rebuild()
        #expect(!snapshot.full)
        try expectSame(snapshot, site, "term with no translation retitled")
        #expect(snapshot.files["/es/search-index.json"].map { String(decoding: $0, as: UTF8.self).contains("Low mood") } == true)
    }

    /// Three languages, one of them a region's (`en-US`, `es-US`, `en-GB` for region GB: the
    /// `languages` golden fixture): edits to a source, to each translation, adding a third member
    /// to a translation set, giving a translation another type and removing it again, in
    /// `haven serve` equal a clean build (outdated notices, alternates and switcher over three
    /// languages, each region's crisis help, per-language listings, search and feed).
    @Test func threeLanguageEditsEqualACleanBuild() throws {
        let fixture = try TreeSnapshot(GoldenTests.fixtures.appendingPathComponent("languages/site"))
        let site = try TestSite(files: fixture.files.mapValues { String(decoding: $0, as: UTF8.self) }, withData: false)
        defer { site.remove() }
        let session = IncrementalSession(options: site.options())
        var snapshot = try session.rebuild()
        try expectSame(snapshot, site, "first build")
        #expect(snapshot.files["/en-gb/conditions/depression/index.html"] != nil)

        let source = "Content/conditions/depression.md"
        let sourceText = try #require(site.read(source))
        let sourceDate = try #require(sourceText.split(separator: "\n").first { $0.hasPrefix("updated:") })
        try edit(site, source, sourceText.replacingOccurrences(of: String(sourceDate), with: "updated: 2026-10-15")
            .replacingOccurrences(of: "title: Depression", with: "title: Depression, explained"))
        snapshot = try session.rebuild()
        try expectSame(snapshot, site, "source title and date edited: both translations outdated")
        #expect(snapshot.diagnostics.filter { $0.rule == .translationOutdated }.count >= 2)

        let british = "Content/conditions/depression.en-gb.md"
        let britishText = try #require(site.read(british))
        try edit(site, british, britishText + "\nYour GP can talk with you about what might help.\n")
        snapshot = try session.rebuild()
        #expect(!snapshot.full)
        try expectSame(snapshot, site, "regional translation's body edited")

        let cbtBritish = "Content/modalities/cbt.en-gb.md"
        try edit(site, cbtBritish, try #require(site.read("Content/modalities/cbt.md"))
            .replacingOccurrences(of: "lint: {placeholder-reviewer: off}", with: "source_updated: 2026-08-01\nlint: {placeholder-reviewer: off}"))
        snapshot = try session.rebuild()
        try expectSame(snapshot, site, "third member added to a translation set")
        #expect(snapshot.files["/en-gb/modalities/cbt/index.html"] != nil)

        try edit(site, cbtBritish, try #require(site.read(cbtBritish)).replacingOccurrences(of: "title:", with: "type: article\ntitle:"))
        snapshot = try session.rebuild()
        try expectSame(snapshot, site, "translation given another type")
        #expect(snapshot.diagnostics.contains { $0.rule == .translationType && $0.file == cbtBritish })

        try FileManager.default.removeItem(at: site.root.appendingPathComponent(cbtBritish))
        snapshot = try session.rebuild()
        try expectSame(snapshot, site, "third member removed")
        #expect(snapshot.files["/en-gb/modalities/cbt/index.html"] == nil)
    }

    /// Adding or removing a translation (or its source, or a page of one language alone) renders
    /// again only what shows it: the other members of its translation set (alternates, switcher,
    /// JSON-LD, translation notice), the pages naming its terms or named by it, the pages linking
    /// to a member (checked: `link-to-other-language`), and the generated files; unrelated pages
    /// are left as they are. Each step equals a clean build byte for byte, findings included.
    @Test func translationAddedOrRemovedRendersOnlyWhatShowsIt() throws {
        var files = BuildTests.files
        files.merge(TestSite.bilingualData) { $1 }
        files["Content/modalities/cbt.es.md"] = TestSite.clinical("TCC", extra: "slug: tcc\nconditions: [depression]\nsource_updated: 2026-10-01\n")
            + TestSite.body
        // A Spanish article of its own naming depression and linking to the English page.
        files["Content/articles/guia.es.md"] = TestSite.clinical("Guía", extra: "conditions: [depression]\n")
            + "Lee sobre la [depresión](../conditions/depression.md).\n"
        // Unrelated pages: never rendered again by these edits.
        for n in 1...6 { files["Content/articles/other\(n).md"] = TestSite.clinical("Other \(n)") + TestSite.body }
        let site = try TestSite(files: files, config: Self.translationConfig)
        defer { site.remove() }
        let session = IncrementalSession(options: site.options())
        var snapshot = try session.rebuild()
        try expectSame(snapshot, site, "first build")
        #expect(!snapshot.failed, "\(snapshot.diagnostics)")
        let unrelated = (1...6).map { "/articles/other\($0)/index.html" }

        func step(_ name: String, rendered: Int, _ apply: () throws -> Void) throws {
            let before = snapshot.files
            try apply()
            snapshot = try session.rebuild()
            try expectSame(snapshot, site, name)
            #expect(!snapshot.full, "\(name): a full rebuild")
            #expect(snapshot.renderedPages == rendered, "\(name): \(snapshot.renderedPages) of \(snapshot.pageCount) pages checked or rendered")
            for path in unrelated { #expect(snapshot.files[path] == before[path] && !snapshot.changedPaths.contains(path), "\(name): \(path) changed") }
        }

        let depressionES = "Content/conditions/depression.es.md"
        let spanish = TestSite.clinical("Depresión", extra: "modalities: [cbt]\nsource_updated: 2026-10-01\n")
            + "La depresión es frecuente. Lee sobre la [TCC](../modalities/cbt.es.md).\n"
        // depression.es, its source, cbt and cbt.es (named), start and guia (name it, link to the source).
        try step("translation added", rendered: 6) { try edit(site, depressionES, spanish) }
        #expect(snapshot.diagnostics.contains { $0.rule == .linkToOtherLanguage && $0.file == "Content/articles/guia.es.md" })
        #expect(snapshot.files["/es/articles/guia/index.html"].map { String(decoding: $0, as: UTF8.self).contains("es/conditions/depression/") } == true)
        try step("translation removed", rendered: 5) { try FileManager.default.removeItem(at: site.root.appendingPathComponent(depressionES)) }
        #expect(!snapshot.diagnostics.contains { $0.rule == .linkToOtherLanguage })
        // The source of a translation removed: the translation stands alone (translation-outdated), then comes back.
        let cbt = "Content/modalities/cbt.md", cbtText = try #require(site.read(cbt))
        try step("source removed", rendered: 4) { try FileManager.default.removeItem(at: site.root.appendingPathComponent(cbt)) }
        #expect(snapshot.diagnostics.contains { $0.rule == .translationOutdated && $0.file == "Content/modalities/cbt.es.md" })
        try step("source added back", rendered: 5) { try edit(site, cbt, cbtText) }
        try step("page of one language added", rendered: 2) {
            try edit(site, "Content/articles/solo.es.md", TestSite.clinical("Solo en español", extra: "conditions: [depression]\n") + TestSite.body)
        }
    }

    /// Edits in place that change a page's load findings (`unknown-key`, the place of a duplicate
    /// URL's `slug:`): the session patches the site's load findings from the edited files
    /// (`LoadFindingsPatch`); the media library's findings, made when the site was assembled, stay.
    @Test(arguments: [false, true]) func loadFindingsFollowEditsInPlace(checkOnly: Bool) throws {
        let a = "Content/articles/a.md", b = "Content/articles/b.md", draft = "Content/articles/draft.md"
        let site = try TestSite(files: [
            a: TestSite.clinical("A") + TestSite.body,
            b: TestSite.clinical("B", extra: "slug: a\n") + TestSite.body,
            draft: TestSite.clinical("Draft", extra: "draft: true\n") + TestSite.body,
            "Content/media/broken.png": "not a PNG",
        ])
        defer { site.remove() }
        let session = IncrementalSession(options: site.options(), checkOnly: checkOnly)
        func expectClean(_ step: String) throws {
            for reported in [true, false] {
                let snapshot = try session.rebuild(changed: reported ? [a, b, draft] : nil)
                #expect(!snapshot.full, "\(step)")
                if checkOnly {
                    #expect(snapshot.diagnostics == (try site.lint().diagnostics), "\(step)")
                } else {
                    try expectSame(snapshot, site, step)
                }
                // What an editor looks up per file is what the list holds.
                for file in Set(snapshot.diagnostics.map(\.file)).union([a, b, draft, "Content/none.md", ""]) {
                    #expect(snapshot.findings.in(file) == snapshot.diagnostics.filter { $0.file == file }, "\(step): \(file)")
                    #expect(snapshot.findings.concerning(file) == snapshot.diagnostics.filter { $0.related?.file == file && $0.file != file })
                }
                #expect(!snapshot.findings.concerning(a).isEmpty, "b's duplicate URL concerns a")
                #expect(snapshot.findings.count == snapshot.diagnostics.count)
                if reported { try edit(site, a, try #require(site.read(a))) }  // the same text, a new signature: read again
            }
        }
        let first = try session.rebuild()
        #expect(first.diagnostics.contains { $0.rule == .invalidImage } && first.diagnostics.contains { $0.rule == .duplicateSlug })
        func replace(_ path: String, _ old: String, _ new: String) throws {
            let text = try #require(site.read(path))
            #expect(text.contains(old))
            try edit(site, path, text.replacingOccurrences(of: old, with: new))
        }
        try replace(a, "author: Test Author", "author: Test Author\nauthr: typo")
        try expectClean("unknown key added")
        try replace(a, "authr: typo", "authr: typo\nreviwer: x")
        try expectClean("second unknown key")
        try replace(a, "\nauthr: typo\nreviwer: x", "")
        try expectClean("unknown keys removed")
        // The later of two files with one URL: its duplicate finding moves with its `slug:` line.
        try replace(b, "author: Test Author", "author: Test Author\nsubtitle: moved")
        try expectClean("slug line moved")
        try replace(b, "subtitle: moved\n", "")
        try expectClean("slug line back")
        // A draft (not published) has load findings too.
        try replace(draft, "author: Test Author", "author: Test Author\nauthr: typo")
        try expectClean("draft's unknown key")
    }

    @Test func everyEditEqualsACleanBuild() throws {
        let site = try TestSite(files: BuildTests.files)
        defer { site.remove() }
        let session = IncrementalSession(options: site.options())
        var snapshot = try session.rebuild()
        #expect(snapshot.full)
        try expectSame(snapshot, site, "first build")

        // Nothing changed: nothing re-rendered.
        snapshot = try session.rebuild()
        #expect(!snapshot.full && snapshot.renderedPages == 0)
        try expectSame(snapshot, site, "no change")

        // A body edit re-renders that page (and rechecks pages linking to it).
        let depression = "Content/conditions/depression.md"
        let original = try #require(site.read(depression))
        try edit(site, depression, original.replacingOccurrences(of: "Depression is common and treatable.", with: "Depression is common. It can be treated."))
        snapshot = try session.rebuild()
        #expect(!snapshot.full)
        try expectSame(snapshot, site, "body edit")

        // Renaming the heading breaks the fragment link from the article: the article is re-checked.
        try edit(site, depression, original.replacingOccurrences(of: "## How it is treated", with: "## Treatment"))
        snapshot = try session.rebuild()
        #expect(snapshot.failed)
        #expect(snapshot.diagnostics.contains { $0.rule == .brokenLink && $0.file == "Content/articles/start.md" })
        try expectSame(snapshot, site, "heading renamed")

        // A title change shows on the pages that list it.
        try edit(site, depression, original.replacingOccurrences(of: "title: Depression", with: "title: Depression (low mood)"))
        snapshot = try session.rebuild()
        try expectSame(snapshot, site, "title change")

        // A page of type `page` is listed in every footer.
        try edit(site, "Content/pages/about.md", "---\ntitle: About us\n---\nAbout this site.\n")
        snapshot = try session.rebuild()
        #expect(!snapshot.full)
        try expectSame(snapshot, site, "footer page renamed")

        // An error keeps the findings; fixing it clears them.
        try edit(site, "Content/modalities/cbt.md", TestSite.clinical("CBT", extra: "conditions: [depression]\n").replacingOccurrences(of: "reviewer: dana-reyes\n", with: "") + TestSite.body)
        snapshot = try session.rebuild()
        #expect(snapshot.failed)
        try expectSame(snapshot, site, "metadata error")
        try edit(site, "Content/modalities/cbt.md", TestSite.clinical("CBT", extra: "conditions: [depression]\n") + TestSite.body)
        snapshot = try session.rebuild()
        #expect(!snapshot.failed)
        try expectSame(snapshot, site, "fixed")

        // Adding and removing pages (the URL table changes: pages whose links resolve as before are
        // kept), then data and templates (full rebuilds).
        try edit(site, "Content/articles/new.md", TestSite.clinical("New one", extra: "conditions: [depression]\n") + "See [CBT](../modalities/cbt.md).\n")
        snapshot = try session.rebuild()
        #expect(!snapshot.full)
        try expectSame(snapshot, site, "page added")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/articles/new.md"))
        snapshot = try session.rebuild()
        try expectSame(snapshot, site, "page removed")
        try edit(site, "Content/_data/reviewers.yml", TestSite.reviewers.replacingOccurrences(of: "Dana Reyes", with: "Dana R. Reyes"))
        snapshot = try session.rebuild()
        #expect(snapshot.full)
        try expectSame(snapshot, site, "reviewer renamed")
        try edit(site, "Templates/disclaimer.mustache", "<p class=\"disclaimer\">{{site.disclaimer}} (custom theme)</p>\n")
        snapshot = try session.rebuild()
        try expectSame(snapshot, site, "template override")
        try edit(site, "Content/media/photo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        snapshot = try session.rebuild()
        try expectSame(snapshot, site, "media added")
    }
}

/// Every kind of edit `IncrementalSession` takes a shortcut for, each compared with a clean build:
/// once with the changed paths named (as `haven serve`'s watcher names them, so no scan runs) and
/// once without (every file looked at).
@Suite struct IncrementalEditKindTests {
    /// Fourteen dated articles (the home page lists the newest twelve), linked to and from the rest.
    static var files: [String: String] {
        var files = BuildTests.files
        for n in 1...14 {
            let day = String(format: "%02d", n)
            files["Content/articles/a\(day).md"] = TestSite.clinical("Article \(day)", extra: "conditions: [depression]\n")
                .replacingOccurrences(of: "updated: 2026-10-01", with: "updated: 2026-09-\(day)")
                .replacingOccurrences(of: "reviewed: 2026-10-01", with: "reviewed: 2026-09-\(day)")
                + "See [getting started](start.md) and [treatment](../conditions/depression.md#how-it-is-treated).\n"
        }
        return files
    }

    /// One session driven through edits, compared with a clean build after each.
    final class Script {
        let site: TestSite
        let session: IncrementalSession
        let reported: Bool
        let clean = IncrementalSessionTests()
        var step = 0
        /// What the last rebuild offered to serve early.
        var lastEarly: IncrementalSession.Snapshot?

        init(reported: Bool) throws {
            site = try TestSite(files: IncrementalEditKindTests.files)
            session = IncrementalSession(options: site.options())
            self.reported = reported
            let first = try session.rebuild(changed: reported ? [] : nil)
            #expect(first.full)
            try clean.expectSame(first, site, "first build")
        }

        /// Applies an edit (`changes` names the paths it touches), rebuilds and compares.
        @discardableResult
        func edit(_ name: String, _ changes: [String], full: Bool? = nil,
                  _ apply: (TestSite) throws -> Void) throws -> IncrementalSession.Snapshot {
            step += 1
            try apply(site)
            var early: IncrementalSession.Snapshot?
            let snapshot = try session.rebuild(changed: reported ? Set(changes) : nil) { early = $0 }
            if let full { #expect(snapshot.full == full, "\(name): full rebuild \(snapshot.full), expected \(full)") }
            try clean.expectSame(snapshot, site, "\(name) (\(reported ? "paths named" : "scanned"))")
            // What may be served early is final already: the edited pages, and whether the build fails.
            if let early {
                #expect(early.failed == snapshot.failed, "\(name): served early as \(early.failed ? "failed" : "good")")
                for path in early.changedPaths where early.files[path] != snapshot.files[path] {
                    Issue.record("\(name): \(path) served early differs from the final build")
                }
            }
            lastEarly = early
            return snapshot
        }

        /// Replaces text in a file (with a new modification time).
        func replace(_ path: String, _ old: String, _ new: String, full: Bool? = false) throws {
            try edit("\(path): '\(old)' → '\(new)'", [path], full: full) { site in
                let text = try #require(site.read(path))
                #expect(text.contains(old), "\(path) does not contain '\(old)'")
                try clean.edit(site, path, text.replacingOccurrences(of: old, with: new))
            }
        }
    }

    @Test(arguments: [true, false]) func everyKindOfEdit(reported: Bool) throws {
        let script = try Script(reported: reported)
        defer { script.site.remove() }
        let a01 = "Content/articles/a01.md", a14 = "Content/articles/a14.md", start = "Content/articles/start.md"
        let depression = "Content/conditions/depression.md", cbt = "Content/modalities/cbt.md"
        let a02Source = "Content/articles/a02.md"

        // Body text, then headings (a fragment link from every article breaks, then is fixed).
        try script.replace(a01, "See [getting", "Some more words. See [getting")
        #expect(script.lastEarly?.changedPaths == ["/articles/a01/index.html"], "a body edit serves its page early")
        try script.replace(depression, "## How it is treated", "## Treatment")
        try script.replace(depression, "## Treatment", "## How it is treated")
        // Title and description: listings, related lists, feed, search index, reviewer page.
        try script.replace(a14, "title: Article 14", "title: A newest article")
        try script.replace(a01, "title: Article 01", "title: An oldest article")
        try script.replace(depression, "title: Depression", "title: Depression (low mood)")
        try script.replace(cbt, "description: A short summary.", "description: Thinking and doing.")
        // Dates: an old article becomes the newest (home page), an old one changes within the old ones.
        try script.replace(a01, "updated: 2026-09-01", "updated: 2026-09-30")
        try script.replace("Content/articles/a02.md", "updated: 2026-09-02", "updated: 2026-09-03")
        try script.replace(a14, "author: Test Author", "author: Test Author\npublished: 2026-01-02")
        // Reviewer and author.
        try script.replace(a14, "reviewer: dana-reyes", "reviewer: example-reviewer")
        try script.replace(depression, "author: Test Author", "author: Someone Else")
        // Terms: an article gains a modality and loses its condition; a modality lists a condition.
        try script.replace(start, "conditions: [depression]", "modalities: [cbt]")
        try script.replace(cbt, "conditions: [depression]", "conditions: [depression, anxiety]")
        try script.replace(start, "modalities: [cbt]", "conditions: [depression]")
        // Body links: a new link (a backlink appears), a link removed.
        try script.replace(a14, "See [getting started](start.md)", "See [CBT](../modalities/cbt.md)")
        try script.replace(a14, "See [CBT](../modalities/cbt.md)", "See nothing")
        // Front-matter findings and per-file lint (the severity policy changes).
        try script.replace(a01, "author: Test Author", "author: Test Author\nauthr: typo")
        try script.replace(a01, "author: Test Author\nauthr: typo", "author: Test Author\nlint:\n  broken-link: off")
        try script.replace(a01, "lint:\n  broken-link: off", "lint:\n  broken-link: warning")
        // A page of type `page` renamed: every footer.
        try script.replace("Content/pages/about.md", "title: About", "title: About us")
        // A change of type at the same URL.
        try script.replace("Content/articles/a02.md", "---\ntitle:", "---\ntype: page\ntitle:")
        try script.replace("Content/articles/a02.md", "---\ntype: page\ntitle:", "---\ntitle:")
        // Drafts and slugs change the URL table: the site is assembled again, unchanged pages kept.
        try script.replace(a14, "title:", "draft: true\ntitle:")
        try script.replace(a14, "draft: true\ntitle:", "title:")
        try script.replace("Content/articles/a03.md", "title:", "slug: a04\ntitle:")
        // a03.md now makes /articles/a04/ (it comes first); a04.md is the duplicate, not a page.
        try script.replace("Content/articles/a04.md", "title: Article 04", "title: Article four")
        try script.replace("Content/articles/a03.md", "title: Article 03", "title: Article three")
        try script.replace("Content/articles/a03.md", "slug: a04\ntitle:", "title:")

        // Files added, removed, renamed.
        let added = "Content/articles/new.md"
        try script.edit("page added", [added], full: false) { site in
            try script.clean.edit(site, added, TestSite.clinical("New one", extra: "conditions: [depression]\n") + "See [CBT](../modalities/cbt.md).\n")
        }
        try script.edit("page renamed", [added, "Content/articles/renamed.md"], full: false) { site in
            try FileManager.default.moveItem(at: site.root.appendingPathComponent(added),
                                             to: site.root.appendingPathComponent("Content/articles/renamed.md"))
        }
        try script.edit("page removed", ["Content/articles/renamed.md"], full: false) { site in
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/articles/renamed.md"))
        }
        // A modality that pages already name (an unknown term until now), then gone again.
        try script.replace(start, "conditions: [depression]", "conditions: [depression]\nmodalities: [dbt, cbd]")
        let dbt = "Content/modalities/dbt.md"
        try script.edit("modality added", [dbt], full: false) { site in
            try script.clean.edit(site, dbt, TestSite.clinical("DBT", extra: "conditions: [depression]\n") + TestSite.body)
        }
        try script.edit("modality removed", [dbt], full: false) { site in
            try FileManager.default.removeItem(at: site.root.appendingPathComponent(dbt))
        }
        // A page that takes another's URL (it comes first): the links to that URL now check its headings.
        let first = "Content/pages/0-first.md"
        try script.replace("Content/articles/a05.md", "See [getting", "See [other](/about/#other-heading) and [getting")
        try script.edit("page takes a URL", [first], full: false) { site in
            try script.clean.edit(site, first, "---\ntitle: First\nslug: about\n---\n## Other heading\n")
        }
        try script.edit("page gives the URL back", [first], full: false) { site in
            try FileManager.default.removeItem(at: site.root.appendingPathComponent(first))
        }
        // A link and a lead image to media that does not exist yet, then does.
        try script.replace(a01, "See [getting", "![A photo](../media/later.svg) See [getting")
        try script.replace(a02Source, "author: Test Author", "author: Test Author\nimage: {src: ../media/later.svg, alt: A photo}")
        try script.edit("media the pages wanted", ["Content/media/later.svg"], full: false) { site in
            try script.clean.edit(site, "Content/media/later.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        }
        try script.edit("media gone again", ["Content/media/later.svg"], full: false) { site in
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/media/later.svg"))
        }

        // Settings, data and templates.
        try script.replace("haven.yml", "title: Test Site", "title: Test Site Two", full: true)
        try script.replace("Content/_data/reviewers.yml", "Dana Reyes", "Dana R. Reyes", full: true)
        try script.edit("template override", ["Templates/disclaimer.mustache"], full: true) { site in
            try script.clean.edit(site, "Templates/disclaimer.mustache", "<p class=\"disclaimer\">{{site.disclaimer}} (custom theme)</p>\n")
        }
        try script.edit("media added", ["Content/media/photo.svg", "Content/media"]) { site in
            try script.clean.edit(site, "Content/media/photo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        }
        // Two files at once, after all that.
        try script.edit("two bodies", [a01, cbt], full: false) { site in
            for path in [a01, cbt] {
                let text = try #require(site.read(path))
                try script.clean.edit(site, path, text + "\nOne more line.\n")
            }
        }
        // Nothing changed.
        let idle = try script.edit("nothing", [], full: false) { _ in }
        #expect(idle.renderedPages == 0 && idle.changedPaths.isEmpty)
    }
}
