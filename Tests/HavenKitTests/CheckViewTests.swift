import Foundation
import Testing
@testable import HavenKit

/// `haven lint` runs the rendered-page checks on `Theme.checkView` when the templates are the
/// built-in ones. These tests hold it to rendering every page in full: same findings, page by page.
@Suite struct CheckViewTests {
    /// The findings of the rendered-page checks both ways, on a site loaded as `haven lint` loads it.
    static func bothWays(_ root: URL) throws -> (full: [Diagnostic], view: [Diagnostic]) {
        let theme = try Theme.load(siteRoot: root)
        #expect(theme.builtIn)
        var options = LoadOptions(today: TestSite.today, assetPaths: Set(theme.assets.keys))
        options.bodyHTML = false
        let site = try SiteLoader.load(root: root, options: options)
        let renderer = SiteRenderer(site: site, theme: theme)
        return (site.pages.flatMap { renderer.renderPage($0).diagnostics }, renderer.lintChecks())
    }

    @Test(arguments: ["basic", "hostile", "errors"])
    func fixturesFindTheSame(_ name: String) throws {
        let (full, view) = try CheckViewTests.bothWays(GoldenTests.fixtures.appendingPathComponent(name).appendingPathComponent("site"))
        #expect(DiagnosticFormatter.format(view, as: .text) == DiagnosticFormatter.format(full, as: .text))
    }

    /// Pages on which the checks fire, or nearly do: a resource with no way to reach it, no
    /// disclaimer, an empty body, a body quoting the disclaimer, topics without resources.
    @Test func edgeCasesFindTheSame() throws {
        let resources = TestSite.crisisResources + """
        name-only:
          name: A service with no contact details
          region: US
          verified_on: 2026-11-01
        web-only:
          name: A web service
          url: "https://example.org/help?a=1&b='2'"
          region: US
          verified_on: 2026-11-01

        """
        let warnings = TestSite.contentWarnings + """
        unreachable:
          label: a topic whose only resource cannot be reached
          resources: [name-only]
        no-resources:
          label: a topic with no resources

        """
        let site = try TestSite(files: [
            "Content/_data/crisis-resources.yml": resources,
            "Content/_data/content-warnings.yml": warnings,
            "Content/conditions/a.md": TestSite.clinical("A", extra: "content_warnings: [unreachable]\n") + TestSite.body,
            "Content/conditions/b.md": TestSite.clinical("B", extra: "content_warnings: [suicide, no-resources]\ndisclaimer: false\n") + TestSite.body,
            "Content/conditions/c.md": TestSite.clinical("C", extra: "crisis_resources: [web-only, name-only]\n"),
            "Content/conditions/d.md": TestSite.clinical("D") + "> This is general information, not medical advice.\n",
            "Content/conditions/e.md": TestSite.clinical("E", extra: "content_warnings: [no-resources, substance-use]\n") + TestSite.body,
            "Content/about.md": "---\ntitle: About\ncrisis_resources: [name-only]\n---\n\nAbout us.\n",
        ])
        defer { site.remove() }
        let (full, view) = try CheckViewTests.bothWays(site.root)
        #expect(DiagnosticFormatter.format(view, as: .text) == DiagnosticFormatter.format(full, as: .text))
        // Not vacuous: the unreachable resource is reported on the pages that show only it.
        #expect(Set(view.filter { $0.rule == .missingCrisisResource }.map(\.file)) == ["Content/conditions/a.md", "Content/about.md"])
    }
}
