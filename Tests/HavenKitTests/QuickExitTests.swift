import Foundation
import Testing
@testable import HavenKit

/// "Exit this page": on the pages of a content warning with `quick_exit: true`, nowhere else.
@Suite struct QuickExitTests {
    static let warnings = TestSite.contentWarnings + """
    abuse:
      label: abuse
      resources: [lifeline-988]
      quick_exit: true

    """

    static func site(config: String = TestSite.config) throws -> TestSite {
        try TestSite(files: [
            "Content/articles/safety.md": TestSite.clinical("Staying safe", extra: "content_warnings: [abuse]\n") + TestSite.body,
            "Content/articles/sleep.md": TestSite.clinical("Sleep", extra: "content_warnings: [suicide]\n") + TestSite.body,
            "Content/pages/help.md": "---\ntitle: Help\ncontent_warnings: [abuse]\n---\nWhere to turn.\n",
            "Content/_data/content-warnings.yml": warnings,
        ], config: config)
    }

    @Test func pagesOfAQuickExitWarningShowTheButtonFirst() throws {
        let site = try Self.site()
        defer { site.remove() }
        let result = try site.build()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        for (path, up) in [("Public/articles/safety/index.html", "../../"), ("Public/help/index.html", "../")] {
            let html = try #require(site.read(path))
            let button = try #require(html.range(of: #"<a class="quick-exit-button" href="https://www.google.com/" rel="nofollow noreferrer" data-quick-exit>Exit this page</a>"#), "\(path)")
            let header = try #require(html.range(of: "<header class=\"site-header\""))
            #expect(button.lowerBound < header.lowerBound, "at the top of the page")
            #expect(html.contains(#"<script src=""# + up + #"assets/quick-exit.js" defer></script>"#))
        }
        for path in ["Public/articles/sleep/index.html", "Public/index.html", "Public/get-help/index.html", "Public/articles/index.html"] {
            let html = try #require(site.read(path))
            #expect(!html.contains("quick-exit-button") && !html.contains("quick-exit.js"), "\(path) has no quick exit")
        }
        #expect(site.read("Public/get-help/index.html")?.contains("Leaving this site quickly") == true)
        #expect(site.read("Public/assets/quick-exit.js")?.contains("location.replace") == true)
    }

    @Test func theExitURLIsASetting() throws {
        let site = try Self.site(config: TestSite.config + "quick_exit_url: https://www.bbc.co.uk/weather\n")
        defer { site.remove() }
        _ = try site.build()
        #expect(site.read("Public/articles/safety/index.html")?.contains(#"href="https://www.bbc.co.uk/weather""#) == true)
        #expect(throws: HavenError.self) { try SiteConfig.parse("quick_exit_url: javascript:alert(1)\n") }
    }

    @Test func aSiteWithoutSuchAWarningExplainsNothing() throws {
        let site = try TestSite(files: ["Content/articles/sleep.md": TestSite.clinical("Sleep", extra: "content_warnings: [suicide]\n") + TestSite.body])
        defer { site.remove() }
        _ = try site.build()
        #expect(site.read("Public/get-help/index.html")?.contains("Leaving this site quickly") == false)
    }
}
