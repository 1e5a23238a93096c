import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Mustache
@testable import HavenKit

/// `haven build` as a whole: outputs, atomic replacement, refusal of foreign folders, determinism.
@Suite struct BuildTests {
    static let files: [String: String] = [
        "Content/conditions/depression.md": TestSite.clinical("Depression", extra: "modalities: [cbt]\ncontent_warnings: [suicide]\n")
            + "Depression is common and treatable.\n\n## How it is treated\n\nTalk therapy such as [CBT](../modalities/cbt.md) can help.\n",
        "Content/modalities/cbt.md": TestSite.clinical("CBT", extra: "conditions: [depression]\n") + TestSite.body,
        "Content/articles/start.md": TestSite.clinical("Getting started", extra: "conditions: [depression]\n")
            + "Read about [treatment](../conditions/depression.md#how-it-is-treated).\n",
        "Content/pages/about.md": "---\ntitle: About\n---\nAbout this site.\n",
    ]

    @Test func writesEveryOutputOfSpecSection5() throws {
        let site = try TestSite(files: BuildTests.files)
        defer { site.remove() }
        let result = try site.build()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.wrote)
        for path in ["index.html", "modalities/index.html", "conditions/index.html", "articles/index.html", "get-help/index.html",
                     "reviewers/dana-reyes/index.html", "reviewers/index.html", "404.html", "sitemap.xml", "feed.xml", "robots.txt",
                     "search-index.json", "search/index.html", "conditions/depression/index.html", "modalities/cbt/index.html",
                     "articles/start/index.html", "about/index.html", "assets/haven.css", "assets/search.js", OutputWriter.markerName] {
            #expect(site.read("Public/" + path) != nil, "missing \(path)")
        }
    }

    @Test func clinicalPageMeetsSpec() throws {
        let site = try TestSite(files: BuildTests.files)
        defer { site.remove() }
        _ = try site.build()
        let html = try #require(site.read("Public/conditions/depression/index.html"))
        #expect(html.components(separatedBy: "<h1").count == 2)
        #expect(html.contains("<title>Depression · Test Site</title>"))
        #expect(html.contains("<meta name=\"description\" content=\"A short summary.\">"))
        #expect(html.contains("<a href=\"../../reviewers/dana-reyes/index.html\">Dana Reyes, PhD, LCSW</a>"))
        #expect(html.contains("<time datetime=\"2026-10-01\">October 1, 2026</time>"))
        #expect(html.contains("<time datetime=\"2029-10-01\">October 1, 2029</time>"), "next review due = reviewed + 36 months")
        #expect(html.contains("This is general information, not medical advice."))
        #expect(html.contains("href=\"../../get-help/index.html\""))
        // The crisis notice is an <aside> with a heading and tel:/sms: links, before the body.
        let aside = try #require(html.range(of: "<aside class=\"crisis-notice\""))
        let tel = try #require(html.range(of: "href=\"tel:988\""))
        let body = try #require(html.range(of: "<p>Depression is common and treatable.</p>"))
        #expect(aside.lowerBound < tel.lowerBound && tel.lowerBound < body.lowerBound)
        #expect(html.contains("href=\"sms:988\""))
        #expect(!html.contains("role=\"alert\""))
        // Taxonomy both ways and backlinks.
        #expect(html.contains("<a href=\"../../modalities/cbt/index.html\">CBT</a>"))
        #expect(html.contains("<a href=\"../../articles/start/index.html\">Getting started</a>"))
        // Relative .md links are rewritten; heading ids exist.
        let article = try #require(site.read("Public/articles/start/index.html"))
        #expect(article.contains("href=\"../../conditions/depression/index.html#how-it-is-treated\""))
        #expect(html.contains("<h2 id=\"how-it-is-treated\">"))
    }

    @Test func jsonLDEqualsWhatThePageShows() throws {
        let site = try TestSite(files: BuildTests.files)
        defer { site.remove() }
        _ = try site.build()
        let html = try #require(site.read("Public/conditions/depression/index.html"))
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        #expect(json["@type"] as? String == "MedicalWebPage")
        #expect(json["name"] as? String == "Depression")
        #expect(json["lastReviewed"] as? String == "2026-10-01")
        #expect(json["dateModified"] as? String == "2026-10-01")
        let reviewer = try #require(json["reviewedBy"] as? [String: Any])
        #expect(reviewer["name"] as? String == "Dana Reyes")
        #expect(reviewer["honorificSuffix"] as? String == "PhD, LCSW")
        #expect((json["medicalAudience"] as? [String: Any])?["audienceType"] as? String == "Patient")
        let about = try #require(json["about"] as? [[String: Any]])
        #expect(about.map { $0["@type"] as? String } == ["MedicalCondition", "PsychologicalTreatment"])
    }

    @Test func buildsAreByteIdentical() throws {
        let site = try TestSite(files: BuildTests.files)
        defer { site.remove() }
        let first = site.root.appendingPathComponent("out1"), second = site.root.appendingPathComponent("out2")
        _ = try site.build(output: first)
        _ = try site.build(output: second)
        #expect(try TreeSnapshot(first) == TreeSnapshot(second))
    }

    @Test func errorsLeaveThePreviousOutputUntouched() throws {
        let site = try TestSite(files: BuildTests.files)
        defer { site.remove() }
        _ = try site.build()
        let before = try TreeSnapshot(site.publicURL)
        try site.write("Content/articles/broken.md", Data((TestSite.clinical("Broken").replacingOccurrences(of: "reviewer: dana-reyes\n", with: "reviewer: nobody\n")
                                                           .replacingOccurrences(of: "reviewed: 2026-10-01\n", with: "")).utf8))
        let result = try site.build()
        #expect(result.failed && !result.wrote)
        #expect(result.rules(in: "Content/articles/broken.md").sorted { $0.rawValue < $1.rawValue } == [.missingDate, .unknownReviewer])
        #expect(try TreeSnapshot(site.publicURL) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("haven-staging") || $0.contains("haven-old") }
        #expect(leftovers.isEmpty)
    }

    @Test func removedPagesDisappear() throws {
        let site = try TestSite(files: BuildTests.files)
        defer { site.remove() }
        _ = try site.build()
        #expect(site.read("Public/about/index.html") != nil)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/pages/about.md"))
        _ = try site.build()
        #expect(site.read("Public/about/index.html") == nil)
    }

    /// Rebuilds overwrite the previous build kept beside the output; whatever that folder holds
    /// (stale pages, a folder where a file goes, a file where a folder goes, symbolic links), the
    /// result equals a build into an empty folder, and nothing outside is touched.
    @Test func reusingThePreviousBuildEqualsAFreshBuild() throws {
        let site = try TestSite(files: BuildTests.files)
        defer { site.remove() }
        _ = try site.build()
        _ = try site.build()
        let pool = site.root.appendingPathComponent(".Public.haven-previous")
        #expect(FileManager.default.fileExists(atPath: pool.appendingPathComponent(OutputWriter.markerName).path))
        #expect(site.read(".Public.haven-previous/.gitignore")?.contains("*") == true)

        // Damage the pool every way a previous build or a person could.
        let outside = site.root.appendingPathComponent("outside.txt")
        try Data("keep me".utf8).write(to: outside)
        let fm = FileManager.default
        try fm.createDirectory(at: pool.appendingPathComponent("stale/page"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: pool.appendingPathComponent("stale/page/index.html"))
        try fm.removeItem(at: pool.appendingPathComponent("about/index.html"))
        try fm.createDirectory(at: pool.appendingPathComponent("about/index.html/inner"), withIntermediateDirectories: true)
        try fm.removeItem(at: pool.appendingPathComponent("reviewers"))
        try Data("a file where a folder goes".utf8).write(to: pool.appendingPathComponent("reviewers"))
        try fm.removeItem(at: pool.appendingPathComponent("assets/haven.css"))
        try fm.createSymbolicLink(at: pool.appendingPathComponent("assets/haven.css"), withDestinationURL: outside)
        try fm.removeItem(at: pool.appendingPathComponent("conditions"))
        try fm.createSymbolicLink(at: pool.appendingPathComponent("conditions"), withDestinationURL: site.root.appendingPathComponent("Content"))
        try site.write("Content/articles/second.md", Data(TestSite.clinical("Second").utf8))

        let result = try site.build()
        #expect(result.wrote)
        #expect(!fm.fileExists(atPath: site.root.appendingPathComponent(".Public.haven-staging-\(getpid())").path))
        let fresh = site.root.appendingPathComponent("fresh")
        _ = try site.build(output: fresh)
        #expect(try TreeSnapshot(site.publicURL) == TreeSnapshot(fresh))
        #expect(try BuildTests.entries(site.publicURL) == BuildTests.entries(fresh))
        #expect(site.read("outside.txt") == "keep me")
        #expect(site.read("Content/conditions/depression.md") != nil)
        #expect(site.read("Public/.gitignore") == nil)
    }

    /// Removing a link removes the link: never what it points to.
    @Test func removingALinkKeepsItsTarget() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("haven-remove-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let target = root.appendingPathComponent("target/a/b")
        try fm.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: target.appendingPathComponent("file.txt"))
        let link = root.appendingPathComponent("link")
        try fm.createSymbolicLink(at: link, withDestinationURL: root.appendingPathComponent("target"))
        FastRemove.tree(at: link.path)
        #expect(!fm.fileExists(atPath: link.path))
        #expect(fm.fileExists(atPath: target.appendingPathComponent("file.txt").path))
        FastRemove.tree(at: root.appendingPathComponent("target").path)
        #expect(!fm.fileExists(atPath: root.appendingPathComponent("target").path))
    }

    /// Every path under a folder, folders and links included.
    static func entries(_ root: URL) throws -> [String] {
        (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func refusesForeignFolders() throws {
        let site = try TestSite(files: BuildTests.files)
        defer { site.remove() }
        try site.write("Public/important.txt", Data("mine".utf8))
        #expect(throws: HavenError.self) { try site.build() }
        #expect(site.read("Public/important.txt") == "mine")
        #expect(throws: HavenError.self) { try site.build(output: site.root) }
        #expect(throws: HavenError.self) { try site.build(output: site.root.appendingPathComponent("Content")) }
        // An empty folder is fine.
        let empty = site.root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(try site.build(output: empty).wrote)
    }

    @Test func themeThatDropsTheDisclaimerOrNoticeIsCaught() throws {
        var files = BuildTests.files
        // A site theme overriding the clinical template without the disclaimer and crisis notice.
        files["Templates/clinical.mustache"] = "{{<layout}}{{$main}}<h1>{{title}}</h1>{{{body}}}{{/main}}{{/layout}}"
        let site = try TestSite(files: files)
        defer { site.remove() }
        let result = try site.build()
        #expect(!result.wrote)
        #expect(result.rules(in: "Content/conditions/depression.md").contains(.missingDisclaimer))
        #expect(result.rules(in: "Content/conditions/depression.md").contains(.missingCrisisResource))
        #expect(site.read("Public/index.html") == nil)
    }

    /// The theme must show the disclaimer: a body quoting it does not count, in build or lint.
    @Test func aBodyQuotingTheDisclaimerDoesNotStandInForTheTheme() throws {
        var files = BuildTests.files
        files["Content/conditions/depression.md"] = TestSite.clinical("Depression")
            + "Our site says: This is general information, not medical advice.\n"
        files["Templates/clinical.mustache"] = "{{<layout}}{{$main}}<h1>{{title}}</h1>{{{body}}}{{/main}}{{/layout}}"
        let site = try TestSite(files: files)
        defer { site.remove() }
        #expect(try site.build().rules(in: "Content/conditions/depression.md").contains(.missingDisclaimer))
        #expect(try site.lint().rules(in: "Content/conditions/depression.md").contains(.missingDisclaimer))
        // Shown by the theme after the body: found.
        try site.write("Templates/clinical.mustache",
                       Data("{{<layout}}{{$main}}<h1>{{title}}</h1>{{{body}}}<p>{{site.disclaimer}}</p>{{/main}}{{/layout}}".utf8))
        #expect(try !site.build().rules(in: "Content/conditions/depression.md").contains(.missingDisclaimer))
        #expect(try !site.lint().rules(in: "Content/conditions/depression.md").contains(.missingDisclaimer))
    }

    /// Builds the test site with its own `page.mustache` (and other templates, by name) and
    /// returns the HTML of `/about/`.
    static func aboutPage(pageTemplate: String, templates: [String: String] = [:]) throws -> String {
        var files = BuildTests.files
        files["Templates/page.mustache"] = pageTemplate
        for (name, text) in templates { files["Templates/\(name).mustache"] = text }
        let site = try TestSite(files: files)
        defer { site.remove() }
        let result = try site.build()
        #expect(result.wrote, "\(result.diagnostics)")
        return try #require(site.read("Public/about/index.html"))
    }

    /// Site themes can use Mustache's transforms, dotted names and `{{.}}` on every value.
    @Test func themeTransformsWorkOnEveryValue() throws {
        let about = try BuildTests.aboutPage(pageTemplate: """
            {{<layout}}{{$main}}<h1>{{uppercased(title)}}</h1><p id="n">{{count(site.pages)}}</p>\
            {{#site}}<p id="s">{{lowercased(title)}}</p>{{/site}}{{#title}}<p id="dot">{{.}}</p><p id="up">{{site.title}}</p>{{/title}}\
            {{^empty(body)}}<div>{{{body}}}</div>{{/empty(body)}}{{#showDisclaimer}}<p>{{site.disclaimer}}</p>{{/showDisclaimer}}\
            {{/main}}{{/layout}}
            """)
        #expect(about.contains("<h1>ABOUT</h1>"))
        #expect(about.contains("<p id=\"n\">1</p>"))
        #expect(about.contains("<p id=\"s\">test site</p>"))
        #expect(about.contains("<p id=\"dot\">About</p>"))
        #expect(about.contains("<p id=\"up\">Test Site</p>"), "names inside a section on text resolve further out")
        #expect(about.contains("<div><p>About this site.</p>"))
    }

    /// The part of `html` from the first `start` to the first `end` after it, both included.
    static func element(_ html: String?, from start: String, through end: String) -> Substring? {
        guard let html, let from = html.range(of: start), let to = html[from.lowerBound...].range(of: end) else { return nil }
        return html[from.lowerBound..<to.upperBound]
    }

    /// The built-in notice is rendered once per distinct notice; a site's own notice partial may
    /// read anything on the page and is rendered on every page.
    @Test func aSitesOwnNoticeIsRenderedPerPage() throws {
        var files = BuildTests.files
        files["Content/conditions/anxiety.md"] = TestSite.clinical("Anxiety", extra: "content_warnings: [suicide]\n") + TestSite.body
        let builtIn = try TestSite(files: files)
        defer { builtIn.remove() }
        #expect(try builtIn.build().wrote)
        func notice(_ html: String?) -> Substring? { BuildTests.element(html, from: "<aside class=\"crisis-notice\"", through: "</aside>") }
        let depression = notice(builtIn.read("Public/conditions/depression/index.html"))
        #expect(depression?.contains("href=\"tel:988\"") == true)
        #expect(depression == notice(builtIn.read("Public/conditions/anxiety/index.html")))

        files["Templates/crisis-notice.mustache"] = "{{#notice}}<aside class=\"crisis-notice\">{{title}}: {{#resources}}<a href=\"{{tel}}\">{{name}}</a>{{/resources}}</aside>{{/notice}}\n"
        let own = try TestSite(files: files)
        defer { own.remove() }
        #expect(try own.build().wrote)
        #expect(notice(own.read("Public/conditions/depression/index.html"))?.hasPrefix("<aside class=\"crisis-notice\">Depression: ") == true)
        #expect(notice(own.read("Public/conditions/anxiety/index.html"))?.hasPrefix("<aside class=\"crisis-notice\">Anxiety: ") == true)
    }

    /// With the built-in `related` and `related-item`, each linked page's item is rendered once and
    /// shown as it is; a site's own `related-item` may read anything on the page and is rendered
    /// per link; a site's own `related` showing the built-in item gets the built-in markup.
    @Test func aSitesOwnRelatedItemIsRenderedPerLink() throws {
        func related(_ html: String?) -> Substring? { BuildTests.element(html, from: "<nav class=\"related\"", through: "</nav>") }
        let builtIn = try TestSite(files: BuildTests.files)
        defer { builtIn.remove() }
        #expect(try builtIn.build().wrote)
        let depression = related(builtIn.read("Public/conditions/depression/index.html"))
        #expect(depression?.contains("<ul>\n<li><a href=\"../../modalities/cbt/index.html\">CBT</a></li>\n</ul>") == true, "\(depression ?? "")")
        #expect(depression?.contains("<li><a href=\"../../articles/start/index.html\">Getting started</a></li>\n") == true)

        var files = BuildTests.files
        files["Templates/related-item.mustache"] = "<li class=\"mine\">{{title}} on {{pageTitle}}</li>\n"
        let ownItem = try TestSite(files: files)
        defer { ownItem.remove() }
        #expect(try ownItem.build().wrote)
        #expect(related(ownItem.read("Public/conditions/depression/index.html"))?.contains("<li class=\"mine\">CBT on Depression</li>\n") == true)
        #expect(related(ownItem.read("Public/articles/start/index.html"))?.contains("<li class=\"mine\">Depression on Getting started</li>\n") == true)

        files = BuildTests.files
        files["Templates/related.mustache"] = "{{#hasRelated}}<nav class=\"related\">{{#related}}{{#items}}<p>{{>related-item}}</p>{{/items}}{{/related}}</nav>{{/hasRelated}}\n"
        let ownList = try TestSite(files: files)
        defer { ownList.remove() }
        #expect(try ownList.build().wrote)
        #expect(related(ownList.read("Public/conditions/depression/index.html"))?.contains("<p><li><a href=\"../../modalities/cbt/index.html\">CBT</a></li>\n</p>") == true)
    }

    /// `site-…` partials are rendered once per build from `site` alone; their text is put in where
    /// the partial is, exactly as Mustache would have rendered it there (indentation included).
    @Test func sitePartialsShowOnlyTheSite() throws {
        let shared = "<p>{{site.title}}</p>\n<p>{{=<% %>=}}{{kept}}</p>\n"
        let about = try BuildTests.aboutPage(pageTemplate: """
            {{<layout}}{{$main}}<h1>{{title}}</h1>
            <div id="a">
              {{>note}}
            </div>
            <div id="b">
              {{>site-same}}
            </div>
            {{>site-note}}
            {{/main}}{{/layout}}
            """, templates: ["note": shared, "site-same": shared,
                             "site-note": "<p id=\"note\">{{site.title}}|{{title}}|{{pageTitle}}</p>\n"])
        #expect(about.contains("<p id=\"note\">Test Site||</p>"))
        func part(_ id: String) -> Substring? {
            guard let start = about.range(of: "<div id=\"\(id)\">"),
                  let end = about[start.upperBound...].range(of: "</div>") else { return nil }
            return about[start.upperBound..<end.lowerBound]
        }
        #expect(part("a") != nil && part("a") == part("b"))
        #expect(part("b")?.contains("{{kept}}") == true)
    }

    /// The header marks the section a page is published in: a page of `Content/pages/modalities/`
    /// (at `/modalities/…`) is inside "Therapies", in every language; one at `/about/` is in none.
    @Test func aPageUnderASectionsFolderIsInsideThatSection() throws {
        var files = BuildTests.files
        files["Content/pages/modalities/choosing.md"] = "---\ntitle: Choosing a therapy\n---\nSome plain words.\n"
        files["Content/pages/modalities/choosing.es.md"] = "---\ntitle: Elegir una terapia\n---\nUnas palabras.\n"
        files.merge(TestSite.bilingualData) { $1 }
        let site = try TestSite(files: files, config: TestSite.spanishConfig)
        defer { site.remove() }
        let result = try site.build()
        #expect(result.wrote, "\(result.diagnostics)")
        func current(_ path: String) -> [String] {
            let html = site.read("Public/" + path) ?? ""
            return html.components(separatedBy: "<li><a ").dropFirst().filter { $0.contains("aria-current") }
                .map { String($0.prefix { $0 != "<" }) }
        }
        #expect(current("modalities/choosing/index.html").count == 1)
        #expect(current("modalities/choosing/index.html").first?.contains("aria-current=\"true\">Therapies") == true)
        #expect(current("es/modalities/choosing/index.html").count == 1)
        #expect(current("es/modalities/choosing/index.html").first?.contains("aria-current=\"true\">") == true)
        #expect(current("es/modalities/choosing/index.html").first?.contains("modalities/index.html") == true)
        #expect(current("about/index.html").isEmpty)
        #expect(current("modalities/cbt/index.html").first?.contains("aria-current=\"true\">Therapies") == true)
    }

    @Test func literalSourceRendersTheTextExactly() throws {
        for text in ["<p>{{kept}}</p>\n", "", "\n", "\u{E000}(x)\u{E000} \u{E001}", "  \n x", "{{x}} {{{y}}} {{>z}}", "<haven0< >haven0>", "a\r\nb\n", "{{=<% %>=}}", "  {{#a}}\n{{/a}}  \n"] {
            let template = try MustacheTemplate(string: #require(Theme.literalSource(text)))
            #expect(template.render(["x": 1]) == text, "\(text.debugDescription)")
        }
    }

    @Test func siteWithoutTemplatesUsesTheBuiltInTheme() throws {
        let site = try TestSite(files: BuildTests.files)
        defer { site.remove() }
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Templates").path))
        #expect(try site.build().wrote)
    }

    @Test func getHelpListsTheSiteRegionOnly() throws {
        let site = try TestSite(files: BuildTests.files)
        defer { site.remove() }
        _ = try site.build()
        let help = try #require(site.read("Public/get-help/index.html"))
        #expect(help.contains("988 Suicide &amp; Crisis Lifeline"))
        #expect(help.contains("href=\"tel:+18006624357\""))
        #expect(help.contains("1-800-662-HELP (4357)"))
        #expect(!help.contains("Samaritans"))
    }

    @Test func feedsAndSitemap() throws {
        let site = try TestSite(files: BuildTests.files)
        defer { site.remove() }
        _ = try site.build()
        let sitemap = try #require(site.read("Public/sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/conditions/depression/</loc>\n    <lastmod>2026-10-01</lastmod>"))
        let feed = try #require(site.read("Public/feed.xml"))
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(feed.contains("<updated>2026-10-01T00:00:00Z</updated>"))
        #expect(try XMLDocument(xmlString: sitemap).rootElement()?.name == "urlset")
        #expect(try XMLDocument(xmlString: feed).rootElement()?.name == "feed")
        #expect(site.read("Public/robots.txt")?.contains("Sitemap: https://example.org/sitemap.xml") == true)
        let index = try #require(site.read("Public/search-index.json"))
        #expect(try JSONSerialization.jsonObject(with: Data(index.utf8)) is [String: Any])
    }

    /// The search index is written from entries kept on each page; it must be exactly what writing
    /// the whole value at once makes, and a kept entry must not outlive a change of `pretty_urls`.
    @Test func searchIndexFromKeptEntriesEqualsTheWholeValue() throws {
        let site = try TestSite(files: BuildTests.files)
        defer { site.remove() }
        var loaded = try site.load()
        loaded.keepsPageText = true  // as in `haven serve`
        func whole(_ site: Site) -> String {
            let synonyms: [JSONValue] = SearchSynonyms.groups.map { .array($0.map(JSONValue.string)) }
            let search = site.routes.search("en")
            return JSONValue.object([("pages", .array(site.pages.map { SiteFeeds.searchEntry($0, in: site, from: search, terms: SiteFeeds.termTitles(of: $0, in: site)) })),
                                     ("synonyms", .array(synonyms))]).serialized() + "\n"
        }
        #expect(SiteFeeds.searchIndex(loaded, language: "en") == whole(loaded))
        #expect(SiteFeeds.searchIndex(loaded, language: "en") == whole(loaded), "second time, from kept entries")
        var prettyConfig = SiteConfig(baseURL: "https://example.org/docs/")
        prettyConfig.prettyURLs = true
        var moved = Site(root: loaded.root, config: loaded.config, registries: loaded.registries, strings: loaded.strings, pages: loaded.pages,
                         media: loaded.media, today: loaded.today,
                         linkResolver: LinkResolver(pageBySource: [:], pagesByPath: [:], filePaths: [],
                                                    routes: Routes(config: prettyConfig, reviewers: [])),
                         loadDiagnostics: [])
        moved.keepsPageText = true
        #expect(SiteFeeds.searchIndex(moved, language: "en") == whole(moved))
        #expect(SiteFeeds.searchIndex(moved, language: "en").contains("\"../conditions/depression/\""))
        #expect(SiteFeeds.searchIndex(loaded, language: "en").contains("\"../conditions/depression/index.html\""))
    }

    /// Links are relative, so a base path changes only the absolute URLs (canonical, feed, sitemap).
    @Test func basePathLeavesRelativeLinksAndPrefixesAbsoluteURLs() throws {
        let site = try TestSite(files: BuildTests.files)
        defer { site.remove() }
        var options = site.options(output: site.publicURL)
        options.baseURL = "https://example.org/docs/"
        _ = try Builder.run(options)
        let html = try #require(site.read("Public/articles/start/index.html"))
        #expect(html.contains("href=\"../../conditions/depression/index.html#how-it-is-treated\""))
        #expect(html.contains("href=\"../../get-help/index.html\""))
        let notFound = try #require(site.read("Public/404.html"))
        #expect(notFound.contains("href=\"/docs/get-help/index.html\""), "the 404 page is served at any depth: root-relative links")
        #expect(notFound.contains("href=\"/docs/assets/haven.css\""))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://example.org/docs/articles/start/\">"))
    }

    @Test func homeListsTheNewestArticlesAndLinksToAll() throws {
        var files: [String: String] = [:]
        for i in 1...15 {
            let day = String(format: "2026-10-%02d", i)
            files["Content/articles/a\(i).md"] = TestSite.clinical("Article \(i)").replacingOccurrences(of: "2026-10-01", with: day) + TestSite.body
        }
        let site = try TestSite(files: files)
        defer { site.remove() }
        #expect(try site.build().wrote)
        let home = try #require(site.read("Public/index.html"))
        #expect(home.contains(">Article 15</a>") && home.contains(">Article 4</a>"))
        #expect(!home.contains(">Article 3</a>"))
        #expect(home.contains("All 15 articles"))
        #expect(try #require(site.read("Public/articles/index.html")).contains(">Article 3</a>"))
    }

    @Test func draftsAreBuiltOnlyWhenAsked() throws {
        var files = BuildTests.files
        files["Content/articles/draft.md"] = TestSite.clinical("Draft", extra: "draft: true\n") + TestSite.body
        let site = try TestSite(files: files)
        defer { site.remove() }
        _ = try site.build()
        #expect(site.read("Public/articles/draft/index.html") == nil)
        var options = site.options(output: site.publicURL)
        options.includeDrafts = true
        _ = try Builder.run(options)
        #expect(site.read("Public/articles/draft/index.html") != nil)
    }
}

/// Every file under a folder with its bytes, for whole-tree comparisons.
struct TreeSnapshot: Equatable {
    var files: [String: Data]

    init(_ root: URL) throws {
        files = [:]
        let base = root.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return }
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            let path = base + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: path)
            }
        }
    }
}
