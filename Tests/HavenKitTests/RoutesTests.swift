import Foundation
import Testing
@testable import HavenKit

/// The route table: where each page and generated file lives, how links and absolute URLs are
/// written, the navigation state a route gives, and what the per-page caches key on.
@Suite struct RoutesTests {
    static let config = SiteConfig(baseURL: "https://example.org/docs/", language: "en-US")
    static let routes = Routes(config: config, reviewers: ["sam-lee", "dana-reyes"])

    static func page(_ source: String, slug: String? = nil) -> Route {
        Routes.page(source, slug: slug, in: routes.languages).route
    }

    @Test func generatedRoutesLiveWhereSpecSaysAndAreUnique() {
        let routes = RoutesTests.routes
        #expect(routes.languages.defaultID == "en")
        let outputs = routes.generated.map(\.outputPath)
        #expect(outputs == ["/index.html", "/articles/index.html", "/modalities/index.html", "/conditions/index.html",
                            "/get-help/index.html", "/search/index.html", "/search-index.json", "/search-index.js", "/reviewers/index.html",
                            "/reviewers/dana-reyes/index.html", "/reviewers/sam-lee/index.html", "/feed.xml",
                            "/404.html", "/sitemap.xml", "/robots.txt"])
        #expect(Set(routes.generated.map(\.path)).count == routes.generated.count)
        #expect(routes.generated(at: "/feed.xml") == routes.feed("en"))
        #expect(routes.generated(at: "/reviewers/sam-lee/") == routes.reviewer("sam-lee", "en"))
        #expect(routes.generated(at: "/reviewers/nobody/") == nil)
        #expect(routes.generated(at: "/media/x.png") == nil)
    }

    @Test func pagesTakeTheirSectionFoldersAndSlug() {
        #expect(RoutesTests.page("Content/articles/online-therapy.md").path == "/articles/online-therapy/")
        #expect(RoutesTests.page("Content/articles/guides/first-visit.md").path == "/articles/guides/first-visit/")
        #expect(RoutesTests.page("Content/pages/about.md").path == "/about/")
        #expect(RoutesTests.page("Content/pages/legal/privacy.md").path == "/legal/privacy/")
        #expect(RoutesTests.page("Content/conditions/depression.md", slug: "low-mood").path == "/conditions/low-mood/")
        #expect(RoutesTests.page("Content/misc/note.md").path == "/misc/note/")
        #expect(RoutesTests.page("Content/articles/x.md").kind == .page(section: .article))
        #expect(RoutesTests.page("Content/pages/about.md").kind == .page(section: nil))
        // A page of Content/pages/ published in a section's URL folder is inside that section.
        #expect(RoutesTests.page("Content/pages/modalities/choosing.md").path == "/modalities/choosing/")
        #expect(RoutesTests.page("Content/pages/modalities/choosing.md").kind == .page(section: .modality))
        #expect(RoutesTests.page("Content/pages/modalities/choosing.md").navigation == Navigation(section: "modalities", current: .inside))
        #expect(RoutesTests.page("Content/misc/conditions/x.md").navigation == .outside)
        #expect(RoutesTests.page("Content/pages/legal/privacy.md").navigation == .outside)
        #expect(RoutesTests.page("Content/pages/pages/x.md").kind == .page(section: nil))
        #expect(RoutesTests.page("Content/articles/x.md").outputPath == "/articles/x/index.html")
    }

    @Test func depthCountsFoldersBelowTheOutputRoot() {
        let routes = RoutesTests.routes
        #expect(routes.home("en").depth == 0)
        #expect(routes.feed("en").depth == 0)
        #expect(routes.notFound.depth == 0)
        #expect(routes.section(.article, "en").depth == 1)
        #expect(routes.reviewer("sam-lee", "en").depth == 2)
        #expect(RoutesTests.page("Content/articles/guides/first-visit.md").depth == 3)
        #expect(routes.media("/media/photos/a.png").depth == 2)
    }

    /// Links are relative to the page and name files (they work opened from disk and under any
    /// path); `pretty_urls` gives directory links; the 404 page, served at any depth, links
    /// root-relative with the base path; absolute URLs carry the base URL.
    @Test func hrefsAreRelativeAndAbsoluteURLsCarryTheBaseURL() throws {
        let routes = RoutesTests.routes
        let depression = RoutesTests.page("Content/conditions/depression.md")
        let deep = RoutesTests.page("Content/articles/guides/first-visit.md")
        #expect(routes.href(to: depression, from: routes.home("en")) == "conditions/depression/index.html")
        #expect(routes.href(to: routes.home("en"), from: depression) == "../../index.html")
        #expect(routes.href(to: routes.home("en"), from: routes.home("en")) == "index.html")
        #expect(routes.href(to: depression, from: deep) == "../../../conditions/depression/index.html")
        #expect(routes.href(to: routes.assets, from: depression) + "haven.css" == "../../assets/haven.css")
        #expect(routes.href(to: routes.feed("en"), from: routes.section(.article, "en")) == "../feed.xml")
        #expect(routes.href(to: routes.media("/media/a b.png"), from: depression) == "../../media/a b.png")
        #expect(routes.href(to: depression, from: routes.notFound) == "/docs/conditions/depression/index.html")
        #expect(routes.absoluteURL(depression) == "https://example.org/docs/conditions/depression/")
        #expect(routes.absoluteURL(routes.sitemap) == "https://example.org/docs/sitemap.xml")
        let atRoot = Routes(config: SiteConfig(baseURL: "https://example.org"), reviewers: [])
        #expect(atRoot.href(to: atRoot.getHelp("en"), from: atRoot.notFound) == "/get-help/index.html")

        var prettyConfig = RoutesTests.config
        prettyConfig.prettyURLs = true
        let pretty = Routes(config: prettyConfig, reviewers: [])
        #expect(pretty.href(to: depression, from: pretty.home("en")) == "conditions/depression/")
        #expect(pretty.href(to: pretty.home("en"), from: pretty.home("en")) == "./")
        #expect(pretty.href(to: pretty.home("en"), from: depression) == "../../")
        #expect(pretty.href(to: pretty.feed("en"), from: depression) == "../../feed.xml")
        #expect(pretty.href(to: pretty.getHelp("en"), from: pretty.notFound) == "/docs/get-help/")
        #expect(pretty.absoluteURL(depression) == routes.absoluteURL(depression))

        // The cache key tells the 404 page apart from other pages at its depth, and pretty from not.
        #expect(routes.linkKey(from: routes.notFound) != routes.linkKey(from: routes.home("en")))
        #expect(routes.linkKey(from: routes.feed("en")) == routes.linkKey(from: routes.home("en")))
        #expect(pretty.linkKey(from: pretty.home("en")) != routes.linkKey(from: routes.home("en")))
    }

    @Test func prettyURLsIsReadFromHavenYML() throws {
        #expect(try SiteConfig.parse("title: T\n").prettyURLs == false)
        #expect(try SiteConfig.parse("pretty_urls: true\n").prettyURLs == true)
        #expect(throws: HavenError.self) { try SiteConfig.parse("pretty_urls: sometimes\n") }
    }

    @Test func navigationComesFromTheRoute() {
        let routes = RoutesTests.routes
        #expect((routes.section(.modality, "en").navigation.context["modalities"] as? TemplateText)?.value == "page")
        #expect((RoutesTests.page("Content/modalities/cbt.md").navigation.context["modalities"] as? TemplateText)?.value == "true")
        #expect((RoutesTests.page("Content/articles/a/b.md").navigation.context["articles"] as? TemplateText)?.value == "true")
        #expect((routes.search("en").navigation.context["search"] as? TemplateText)?.value == "page")
        for route in [routes.home("en"), routes.getHelp("en"), routes.reviewer("sam-lee", "en"), routes.notFound,
                      RoutesTests.page("Content/pages/about.md"), RoutesTests.page("Content/misc/note.md")] {
            #expect(route.navigation.key == .outside, "\(route.path)")
            #expect(route.navigation.context["modalities"] == nil)
        }
    }

    /// `name.<id>.md` is the `<id>` translation of `name.md` when `<id>` is declared; a suffix of that
    /// form that is not declared is reported; anything else is part of the slug.
    @Test func languageSuffixesMakeTranslations() {
        let languages = SiteLanguages(defaultID: "en", tag: "en-US", others: [("es", "es-US"), ("en-gb", "en-GB")])
        func place(_ source: String, slug: String? = nil) -> PagePlacement { Routes.page(source, slug: slug, in: languages) }
        let spanish = place("Content/conditions/depression.es.md")
        #expect(spanish.route.path == "/es/conditions/depression/")
        #expect(spanish.route.language == "es")
        #expect(spanish.translationKey == "Content/conditions/depression.md")
        #expect(spanish.undeclaredLanguage == nil)
        #expect(place("Content/conditions/depression.es.md", slug: "depresion").route.path == "/es/conditions/depresion/")
        #expect(place("Content/conditions/depression.en-gb.md").route.path == "/en-gb/conditions/depression/")
        #expect(place("Content/pages/about.es.md").route.path == "/es/about/")
        #expect(place("Content/articles/guides/visit.es.md").translationKey == "Content/articles/guides/visit.md")
        let english = place("Content/conditions/depression.md")
        #expect(english.route.language == "en" && english.translationKey == "Content/conditions/depression.md")
        #expect(place("Content/conditions/depression.en.md").route.path == "/conditions/depression/")
        let french = place("Content/conditions/depression.fr.md")
        #expect(french.undeclaredLanguage == "fr")
        #expect(french.route.language == "en" && french.route.path == "/conditions/depression.fr/")
        for notLanguage in ["notes.v2.md", "plan.ES.md", "x.e.md", "y.abcd.md", "z.en-x.md"] {
            let placed = place("Content/articles/" + notLanguage)
            #expect(placed.undeclaredLanguage == nil, "\(notLanguage)")
            #expect(placed.route.language == "en", "\(notLanguage)")
        }
        #expect(SiteLanguages.isLanguageID("zh-hant-tw"))
        #expect(!SiteLanguages.isLanguageID("en-"))
    }

    @Test func everyLanguageHasItsGeneratedPagesAndOneSitemapAnd404() {
        let config = SiteConfig(baseURL: "https://example.org/", language: "en-US")
        var routes = Routes(config: config, reviewers: ["sam-lee"])
        routes = Routes(basePath: routes.basePath, baseURL: routes.baseURL,
                        languages: SiteLanguages(defaultID: "en", tag: "en-US", others: [("es", "es-US")]), reviewers: ["sam-lee"])
        let paths = Set(routes.generated.map(\.path))
        for path in ["/es/", "/es/articles/", "/es/modalities/", "/es/conditions/", "/es/get-help/", "/es/search/",
                     "/es/search-index.json", "/es/feed.xml", "/es/reviewers/", "/es/reviewers/sam-lee/", "/", "/feed.xml"] {
            #expect(paths.contains(path), "\(path)")
        }
        #expect(!paths.contains("/es/sitemap.xml") && !paths.contains("/es/404.html"))
        #expect(routes.generated.filter { $0.kind == .sitemap }.count == 1)
        #expect(routes.home("es").depth == 1)
        #expect(routes.home("es").language == "es")
    }

    /// Text holding links is cached by what the links depend on: two pages at one depth share it,
    /// pages at different depths do not (so relative links would stay right).
    @Test func cachesKeyOnTheDepthOfThePage() throws {
        let site = try TestSite(files: [
            "Content/articles/a.md": TestSite.clinical("A"),
            "Content/articles/b.md": TestSite.clinical("B"),
            "Content/articles/deep/c.md": TestSite.clinical("C"),
        ])
        defer { site.remove() }
        let loaded = try site.load()
        let builder = ContextBuilder(site: loaded)
        let a = try #require(loaded.page(at: "/articles/a/")), b = try #require(loaded.page(at: "/articles/b/"))
        let c = try #require(loaded.page(at: "/articles/deep/c/"))
        #expect(builder.partialKey(a.route) == builder.partialKey(b.route))
        #expect(builder.partialKey(a.route) != builder.partialKey(c.route))
        #expect(builder.placeKey(a.route) != builder.placeKey(loaded.routes.home("en")))
        #expect(loaded.routes.linkKey(from: a.route) != loaded.routes.linkKey(from: c.route))
        #expect(loaded.routes.linkKey(from: a.route) == loaded.routes.linkKey(from: loaded.routes.reviewer("dana-reyes", "en")))
    }

    /// A link's destination split into path and fragment (a query before the fragment is dropped),
    /// and its path's percent-escapes decoded.
    @Test func linkDestinationsSplitAndDecode() {
        #expect(LinkResolver.splitFragment("../conditions/depression.md#how-it-is-treated") == ("../conditions/depression.md", "how-it-is-treated"))
        #expect(LinkResolver.splitFragment("a.md?x=1#f") == ("a.md", "f"))
        #expect(LinkResolver.splitFragment("a.md?x=1") == ("a.md?x=1", nil))
        #expect(LinkResolver.splitFragment("#top") == ("", "top"))
        #expect(LinkResolver.splitFragment("ansiedad-señales.md#qué-hacer") == ("ansiedad-señales.md", "qué-hacer"))
        #expect(LinkResolver.percentDecoded("ansiedad%20social.md") == "ansiedad social.md")
        #expect(LinkResolver.percentDecoded("se%C3%B1ales.md") == "señales.md")
        #expect(LinkResolver.percentDecoded("plain.md") == "plain.md")
    }
}
