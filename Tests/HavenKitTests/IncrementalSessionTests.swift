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
        #expect(snapshot.diagnostics == clean.diagnostics, "\(step): different findings")
    }

    /// Writes a file with a modification time that differs from the last write (file systems
    /// with coarse timestamps would otherwise hide a quick second edit).
    func edit(_ site: TestSite, _ path: String, _ text: String) throws {
        try site.write(path, Data(text.utf8))
        let url = site.root.appendingPathComponent(path)
        let bump = Date().addingTimeInterval(Double.random(in: 1...1000))
        try FileManager.default.setAttributes([.modificationDate: bump], ofItemAtPath: url.path)
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

        // Adding and removing pages, data and templates: full rebuilds.
        try edit(site, "Content/articles/new.md", TestSite.clinical("New one", extra: "conditions: [depression]\n") + "See [CBT](../modalities/cbt.md).\n")
        snapshot = try session.rebuild()
        #expect(snapshot.full)
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
