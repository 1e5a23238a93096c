/// The render phase: every page and generated file of SPEC §5, handed to `emit` as it is made
/// (pages are rendered on all cores and streamed out, not held in memory).
public struct SiteRenderer: Sendable {
    public let site: Site
    public let theme: Theme

    public init(site: Site, theme: Theme) {
        self.site = site
        self.theme = theme
    }

    /// Receives an output path (`/articles/x/index.html`) and its bytes. Called from several threads.
    public typealias Emit = @Sendable (_ path: String, _ bytes: [UInt8]) throws -> Void

    /// Renders everything. Returns the findings of the checks that need rendered HTML.
    public func render(emit: Emit) throws -> [Diagnostic] {
        let builder = ContextBuilder(site: site)
        let results = parallelMap(site.pages) { page -> Result<[Diagnostic], Error> in
            let (html, diagnostics) = renderPage(page, builder: builder)
            do {
                try emit(page.path + "index.html", Array(html.utf8))
            } catch {
                return .failure(error)
            }
            return .success(diagnostics)
        }
        var diagnostics: [Diagnostic] = []
        for result in results { diagnostics += try result.get() }
        try renderGenerated(builder: builder, emit: emit)
        return diagnostics
    }

    /// One page's HTML and the findings of the rendered-HTML checks on it.
    func renderPage(_ page: Page, builder: ContextBuilder) -> (html: String, diagnostics: [Diagnostic]) {
        let html = page.isClinical ? theme.render("clinical", builder.clinicalContext(page))
                                   : theme.render("page", builder.simplePageContext(page))
        return (html, RenderedPageChecks.check(page, html: html, in: site))
    }

    /// Every file that is not a page: listings, help, reviewers, search, 404, feeds, assets.
    func renderGenerated(builder: ContextBuilder, emit: Emit) throws {
        for (path, html) in generatedPages(builder) {
            try emit(path, Array(html.utf8))
        }
        var generated: [(path: String, lastmod: CalendarDate?)] = generatedPagePaths.map { ($0, newest(for: $0)) }
        generated += site.registries.reviewers.keys.sorted().map { id in
            ("/reviewers/\(id)/", site.pages.filter { $0.frontMatter.reviewer?.value == id }.compactMap(SiteFeeds.lastModified).max()
                ?? siteNewest)
        }
        try emit("/sitemap.xml", Array(SiteFeeds.sitemap(site, generated: generated, fallback: siteNewest).utf8))
        try emit("/feed.xml", Array(SiteFeeds.atom(site).utf8))
        try emit("/robots.txt", Array(SiteFeeds.robots(site).utf8))
        try emit("/search-index.json", Array(SiteFeeds.searchIndex(site).utf8))
        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) { try emit(path, bytes) }
    }

    /// Generated HTML pages listed in the sitemap.
    private var generatedPagePaths: [String] { ["/", "/articles/", "/modalities/", "/conditions/", "/get-help/", "/search/", "/reviewers/"] }

    /// The newest date anywhere on the site: the last-modified date of pages that have none of
    /// their own (generated pages, undated pages).
    private var siteNewest: CalendarDate? { site.pages.compactMap(SiteFeeds.lastModified).max() }

    private func newest(for path: String) -> CalendarDate? {
        let pages: [Page]
        switch path {
        case "/articles/": pages = site.pages(of: .article)
        case "/modalities/": pages = site.pages(of: .modality)
        case "/conditions/": pages = site.pages(of: .condition)
        default: return siteNewest
        }
        return pages.compactMap(SiteFeeds.lastModified).max() ?? siteNewest
    }

    private func generatedPages(_ builder: ContextBuilder) -> [(String, String)] {
        var out: [(String, String)] = []
        var home = builder.base(title: site.config.title, description: nil, path: "/", kind: "home")
        home["title"] = site.config.title
        home["sections"] = [PageType.modality, .condition, .article].compactMap { type -> [String: Any]? in
            let pages = site.pages(of: type)
            guard !pages.isEmpty, let section = type.section else { return nil }
            return ["heading": type.pluralTitle, "href": site.href("/\(section)/"), "id": "section-\(section)",
                    "items": pages.sorted(by: Page.byTitle).map(builder.link)]
        }
        out.append(("/index.html", theme.render("home", home)))

        for type in [PageType.article, .modality, .condition] {
            guard let section = type.section else { continue }
            var context = builder.base(title: type.pluralTitle, description: nil, path: "/\(section)/", kind: "list")
            context["title"] = type.pluralTitle
            context["intro"] = Self.sectionIntro(type)
            context["items"] = site.pages(of: type).sorted(by: Page.byTitle).map(builder.link)
            out.append(("/\(section)/index.html", theme.render("list", context)))
        }

        var help = builder.base(title: "Get help now", description: "Crisis lines you can call or text right now.",
                                path: "/get-help/", kind: "get-help")
        help["title"] = "Get help now"
        help["resources"] = site.regionalCrisisResources.map(builder.crisisResourceContext)
        out.append(("/get-help/index.html", theme.render("get-help", help)))

        var reviewers: [[String: Any]] = []
        for id in site.registries.reviewers.keys.sorted() {
            guard let reviewer = site.registries.reviewers[id] else { continue }
            let reviewed = site.pages.filter { $0.frontMatter.reviewer?.value == id }.sorted(by: Page.byTitle)
            var context = builder.base(title: reviewer.name, description: "\(reviewer.name), \(reviewer.credentials): medical reviewer.",
                                       path: "/reviewers/\(id)/", kind: "reviewer")
            context["title"] = reviewer.name
            context["credentials"] = reviewer.credentials
            if let bio = reviewer.bio { context["bio"] = bio }
            if reviewer.placeholder { context["placeholder"] = true }
            context["items"] = reviewed.map(builder.link)
            out.append(("/reviewers/\(id)/index.html", theme.render("reviewer", context)))
            reviewers.append(["name": reviewer.name, "credentials": reviewer.credentials,
                              "href": site.href("/reviewers/\(id)/"), "placeholder": reviewer.placeholder])
        }
        var reviewerIndex = builder.base(title: "Medical reviewers", description: nil, path: "/reviewers/", kind: "list")
        reviewerIndex["title"] = "Medical reviewers"
        reviewerIndex["reviewers"] = reviewers
        out.append(("/reviewers/index.html", theme.render("reviewers", reviewerIndex)))

        var search = builder.base(title: "Search", description: nil, path: "/search/", kind: "search")
        search["title"] = "Search"
        search["indexURL"] = site.href("/search-index.json")
        search["sections"] = [PageType.modality, .condition, .article].compactMap { type -> [String: Any]? in
            guard let section = type.section else { return nil }
            return ["heading": type.pluralTitle, "href": site.href("/\(section)/")]
        }
        out.append(("/search/index.html", theme.render("search", search)))

        var notFound = builder.base(title: "Page not found", description: nil, path: "/404.html", kind: "404")
        notFound["title"] = "Page not found"
        out.append(("/404.html", theme.render("404", notFound)))
        return out
    }


    static func sectionIntro(_ type: PageType) -> String {
        switch type {
        case .modality: "Types of talk therapy: what each one is, how it works and who it may help."
        case .condition: "Mental health conditions: common signs, how they are treated and where to find support."
        case .article: "Guides to finding and using mental health care."
        case .page: ""
        }
    }
}
