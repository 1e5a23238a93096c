import Foundation
import HavenKit
@testable import HavenServer
import Testing

/// Edits on disk reach the browser: rebuilt pages, errors shown over the last good build, cleared when fixed.
@Suite("Watching and rebuilding", .timeLimit(.minutes(2)))
struct LiveReloadTests {
    @Test(arguments: [WatchMethod.automatic, .polling])
    func editedMarkdownIsServedRebuilt(watch: WatchMethod) async throws {
        let site = try FixtureSite()
        try await RunningPreview.with(site, watch: watch) { preview in
            let before = try await preview.http.get("/conditions/insomnia/")
            #expect(before.body.contains("Insomnia"))
            try site.write(FixtureSite.pagePath, FixtureSite.page(title: "Trouble sleeping"))
            let early = try await preview.waitFor("/conditions/insomnia/") { $0.body.contains("Trouble sleeping") }
            #expect(early.status == 200)
            // The edited page may be served before the whole build is in, still under the old
            // generation; the complete build then comes with a new one (and open pages reload).
            let after = try await preview.waitFor("/conditions/insomnia/") { generation(of: $0) != generation(of: before) }
            #expect(after.status == 200)
            #expect(after.body.contains("Trouble sleeping"))
            #expect(generation(of: after) != generation(of: before))
        }
    }

    @Test func atomicRenameSavesAreSeen() async throws {
        let site = try FixtureSite()
        try await RunningPreview.with(site) { preview in
            try site.saveAtomically(FixtureSite.pagePath, FixtureSite.page(title: "Sleeplessness"))
            _ = try await preview.waitFor("/conditions/insomnia/") { $0.body.contains("Sleeplessness") }
            // The editor's temporary file never became a page or a finding.
            #expect(!preview.messages.all.contains(".tmp."))
        }
    }

    @Test func newFoldersAndPagesAreWatched() async throws {
        let site = try FixtureSite()
        try await RunningPreview.with(site) { preview in
            try site.write("Content/pages/about.md", "---\ntitle: About us\n---\n\nWho we are.\n")
            _ = try await preview.waitFor("/about/") { $0.status == 200 && $0.body.contains("About us") }
            try site.write("Content/pages/about.md", "---\ntitle: About this guide\n---\n\nWho we are.\n")
            _ = try await preview.waitFor("/about/") { $0.body.contains("About this guide") }
        }
    }

    @Test func errorsKeepTheLastGoodBuildWithAnOverlayUntilFixed() async throws {
        let site = try FixtureSite()
        try await RunningPreview.with(site) { preview in
            #expect(!(try await preview.http.get("/conditions/insomnia/").body.contains("haven-overlay")))

            try site.write(FixtureSite.pagePath, FixtureSite.page(title: "Broken edit", reviewer: false))
            let broken = try await preview.waitFor("/conditions/insomnia/") { $0.body.contains("haven-overlay") }
            #expect(broken.status == 200)
            #expect(broken.body.contains("[missing-reviewer]"))
            #expect(broken.body.contains("Content/conditions/insomnia.md:"))
            #expect(broken.body.contains("/__haven/overlay.css"))
            #expect(broken.body.contains("Insomnia"), "the last good page is still served")
            #expect(!broken.body.contains("Broken edit"))
            // Every page carries the overlay, the 404 page too.
            #expect(try await preview.http.get("/").body.contains("[missing-reviewer]"))
            #expect(try await preview.http.get("/nowhere").body.contains("[missing-reviewer]"))
            #expect(preview.messages.all.contains("[missing-reviewer]"), "the terminal shows the same finding")

            try site.write(FixtureSite.pagePath, FixtureSite.page(title: "Fixed edit"))
            let fixed = try await preview.waitFor("/conditions/insomnia/") { $0.body.contains("Fixed edit") }
            #expect(!fixed.body.contains("haven-overlay"))
            #expect(!fixed.body.contains("missing-reviewer"))
        }
    }

    @Test func brokenConfigurationIsShownAndRecovered() async throws {
        let site = try FixtureSite()
        try await RunningPreview.with(site) { preview in
            let good = try site.contents("haven.yml")
            try site.write("haven.yml", good + "base_url: not a url\n")
            let broken = try await preview.waitFor("/") { $0.body.contains("haven-overlay") }
            #expect(broken.body.contains("haven.yml"))
            try site.write("haven.yml", good)
            _ = try await preview.waitFor("/") { !$0.body.contains("haven-overlay") }
        }
    }

    @Test func aFailedFirstBuildServesTheErrorsAndRecovers() async throws {
        let site = try FixtureSite(page: FixtureSite.page(reviewer: false))
        try await RunningPreview.with(site) { preview in
            let reply = try await preview.waitFor("/conditions/insomnia/") { $0.status == 500 }
            #expect(reply.body.contains("[missing-reviewer]"))
            #expect(reply.body.contains("/__haven/reload.js"))
            #expect(try await preview.http.get("/anything").status == 500)
            try site.write(FixtureSite.pagePath, FixtureSite.page())
            let fixed = try await preview.waitFor("/conditions/insomnia/") { $0.status == 200 }
            #expect(!fixed.body.contains("haven-overlay"))
        }
    }

    private func generation(of reply: RawHTTP.Reply) -> String? {
        reply.body.firstMatch(of: #/data-haven-generation="([^"]+)"/#).map { String($0.output.1) }
    }
}
