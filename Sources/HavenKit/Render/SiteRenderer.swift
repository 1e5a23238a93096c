/// The render phase: every page and generated file of SPEC §5, handed to `emit` as it is made
/// (pages are rendered on all cores and streamed out, not held in memory).
public struct SiteRenderer: Sendable {
    public let site: Site
    /// The theme with its site partials rendered for this site.
    public let theme: Theme
    /// The template contexts of this site (one for the whole render).
    let builder: ContextBuilder
    /// Times each template render when set (`--metrics`).
    public var metrics: BuildMetrics?

    public init(site: Site, theme: Theme) {
        self.site = site
        builder = ContextBuilder(site: site, linkItem: theme.linkItem)
        self.theme = theme.preparing(builder.partials)
    }

    /// Receives an output path (`/articles/x/index.html`) and its bytes. Called from several threads.
    public typealias Emit = @Sendable (_ path: String, _ bytes: [UInt8]) throws -> Void

    /// One unit of render work: a page, or a generated file.
    enum Job: Sendable {
        case page(Page)
        case file(GeneratedFile)
    }

    /// A file that is not a page (a listing, the feed, an asset): its route, and how to make it.
    struct GeneratedFile: Sendable {
        var route: Route
        var make: @Sendable () -> [UInt8]
    }

    /// Renders everything on all cores, generated files (the largest: listings of every page)
    /// first so the work balances. Returns the findings of the checks that need rendered HTML.
    public func render(emit: Emit) throws -> [Diagnostic] {
        let jobs = generatedJobs().map(Job.file) + site.pages.map(Job.page)
        let results = parallelMap(jobs) { job -> Result<[Diagnostic], Error> in
            do {
                switch job {
                case .page(let page):
                    let (html, diagnostics) = renderPage(page)
                    try emit(page.route.outputPath, Array(html.utf8))
                    return .success(diagnostics)
                case .file(let file):
                    try emit(file.route.outputPath, file.make())
                    return .success([])
                }
            } catch {
                return .failure(error)
            }
        }
        var diagnostics: [Diagnostic] = []
        for result in results { diagnostics += try result.get() }
        return diagnostics
    }

    /// The findings of the rendered-page checks, for `haven lint` (which keeps nothing): the
    /// generated files feed no check and are not made. A site's own templates are rendered in
    /// full for every page. The built-in ones show the crisis notice and the disclaimer in a known
    /// place, so the checks run on `Theme.checkView` instead, rendered once per distinct notice:
    /// they find the same (`CheckViewTests` compares the two; `GoldenTests`, lint and build).
    public func lintChecks() -> [Diagnostic] {
        let views = SharedMemo<CheckViewKey, String>()
        return parallelMap(site.pages) { renderedChecks($0, views: views) }.flatMap { $0 }
    }

    /// One page's rendered-page findings as `lintChecks` finds them (`views`: check views shared
    /// between pages).
    func renderedChecks(_ page: Page, views: SharedMemo<CheckViewKey, String> = SharedMemo()) -> [Diagnostic] {
        guard theme.builtIn else { return renderPage(page).diagnostics }
        let notice = builder.noticeContent(page)
        let showDisclaimer = page.showsDisclaimer
        // Lint's body HTML is the placeholder, or empty for an empty body.
        let key = CheckViewKey(notice: notice, showDisclaimer: showDisclaimer,
                                 body: page.bodyHTMLIsEmpty ? "" : RenderedPageChecks.bodyPlaceholder)
        let html = views.value(for: key) {
            theme.render(Theme.checkView, builder.checkViewContext(notice: notice, showDisclaimer: showDisclaimer, body: key.body,
                                                                   route: page.route),
                         route: page.route)
        }
        return RenderedPageChecks.check(page, html: html, body: key.body, in: site)
    }

    /// One page's HTML and the findings of the rendered-HTML checks on it.
    func renderPage(_ page: Page) -> (html: String, diagnostics: [Diagnostic]) {
        let body = page.bodyHTML  // read once: it may come from the build's BodyStore
        let notice = builder.noticeContent(page)
        let html = page.isClinical ? render("clinical", builder.clinicalContext(page, body: body, notice: notice), route: page.route, notice: notice)
                                   : render("page", builder.simplePageContext(page, body: body, notice: notice), route: page.route, notice: notice)
        return (html, RenderedPageChecks.check(page, html: html, body: body, in: site))
    }

    /// Renders a template for the page or file at `route`, timed when metrics are on.
    /// `notice`: the page's content-warning notice (see `Theme.render`).
    private func render(_ name: String, _ context: TemplateObject, route: Route, notice: NoticeContent? = nil) -> String {
        guard let metrics else { return theme.render(name, context, route: route, notice: notice) }
        return metrics.template(name) { theme.render(name, context, route: route, notice: notice) }
    }

    /// Every file that is not a page (listings, help, reviewers, search, 404, feeds, assets), as
    /// independent jobs (each builds its own context), one per route of `Routes.generated` and asset.
    func generatedJobs() -> [GeneratedFile] {
        let site = self.site, renderer = self
        // Each language's search index is serialized once, for search-index.json and search-index.js.
        let indexes = Dictionary(site.routes.languages.ids.map { language in
            (language, OnceValue { SiteFeeds.searchIndex(site, language: language) })
        }, uniquingKeysWith: { first, _ in first })
        let searchIndex = { @Sendable (language: String) -> String in
            indexes[language]?.value ?? SiteFeeds.searchIndex(site, language: language)
        }
        var jobs: [GeneratedFile] = []
        for route in site.routes.generated {
            switch route.kind {
            case .home, .sectionIndex, .getHelp, .search, .reviewer, .reviewerIndex, .notFound:
                jobs.append(GeneratedFile(route: route) { Array(renderer.renderGenerated(route).utf8) })
            case .sitemap:
                jobs.append(GeneratedFile(route: route) {
                    let generated = site.routes.generated.filter { $0.kind.isFolder }.map { ($0, renderer.newest(for: $0)) }
                    return Array(SiteFeeds.sitemap(site, generated: generated, fallback: renderer.siteNewest).utf8)
                })
            case .feed: jobs.append(GeneratedFile(route: route) { Array(SiteFeeds.atom(site, route: route).utf8) })
            case .robots: jobs.append(GeneratedFile(route: route) { Array(SiteFeeds.robots(site).utf8) })
            case .searchIndex: jobs.append(GeneratedFile(route: route) { Array(searchIndex(route.language).utf8) })
            case .searchIndexScript:
                jobs.append(GeneratedFile(route: route) { Array(SiteFeeds.searchIndexScript(json: searchIndex(route.language)).utf8) })
            case .page, .media, .imageVariant, .asset: continue
            }
        }
        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) {
            jobs.append(GeneratedFile(route: site.routes.asset(path)) { bytes })
        }
        return jobs
    }

    /// The newest date anywhere on the site: the last-modified date of pages that have none of
    /// their own (generated pages, undated pages).
    private var siteNewest: CalendarDate? { site.pages.compactMap(SiteFeeds.lastModified).max() }

    /// The sitemap's `lastmod` of a generated page: the newest of the pages it lists.
    private func newest(for route: Route) -> CalendarDate? {
        let pages: [Page]
        switch route.kind {
        case .sectionIndex(let type): pages = site.pages(of: type, in: route.language)
        case .reviewer(let id): pages = site.pages.filter { $0.language == route.language && $0.frontMatter.reviewer?.value == id }
        default: return siteNewest
        }
        return pages.compactMap(SiteFeeds.lastModified).max() ?? siteNewest
    }

    /// A generated HTML page (home, section index, get-help, search, reviewers, 404).
    private func renderGenerated(_ route: Route) -> String {
        let language = route.language, routes = site.routes, strings = builder.strings(for: route.language)
        let registries = site.registries(in: site.language(id: language))
        func href(_ target: Route) -> String { site.href(to: target, from: route) }
        switch route.kind {
        case .home:
            let title = site.language(id: language).title
            var home = builder.base(title: title, description: nil, route: route, kind: "home")
            home["title"] = title
            // Therapies and conditions in full; articles: the newest few (all are on /articles/).
            home["sections"] = [PageType.modality, .condition, .article].compactMap { type -> TemplateObject? in
                let pages = site.pages(of: type, in: language)
                guard !pages.isEmpty, let section = type.section else { return nil }
                let shown = type == .article ? Array(pages.sorted(by: Page.newestFirst).prefix(Self.homeArticleCount))
                                             : pages.sorted(by: Page.byTitle)
                let index = href(routes.section(type, language))
                return ["heading": type == .article ? strings[.latestArticles] : type.pluralTitle(strings), "href": index,
                        "id": "section-\(section)", "items": builder.links(shown, from: route),
                        "more": pages.count > shown.count
                            ? ["href": index, "count": pages.count,
                               "label": strings.format(.allArticles, ["count": String(pages.count)])] as TemplateObject
                            : false]
            }
            return render("home", home, route: route)
        case .sectionIndex(let type):
            var context = builder.base(title: type.pluralTitle(strings), description: nil, route: route, kind: "list")
            context["title"] = type.pluralTitle(strings)
            context["intro"] = type.sectionIntro(strings)
            context["items"] = builder.links(site.pages(of: type, in: language).sorted(by: Page.byTitle), from: route)
            return render("list", context, route: route)
        case .getHelp:
            var help = builder.base(title: strings[.getHelpNow], description: strings[.getHelpDescription], route: route, kind: "get-help")
            help["title"] = strings[.getHelpNow]
            help["resources"] = site.regionalCrisisResources(in: site.language(id: language)).map { builder.crisisResourceContext($0, language: language) }
            help["quickExitHelp"] = site.registries.contentWarnings.values.contains { $0.quickExit }
            return render("get-help", help, route: route)
        case .reviewer(let id):
            guard let reviewer = registries.reviewers[id] else { return "" }
            let reviewed = site.pages.filter { $0.language == language && $0.frontMatter.reviewer?.value == id }.sorted(by: Page.byTitle)
            let description = strings.format(.reviewerDescription, ["name": reviewer.name, "credentials": reviewer.credentials])
            var context = builder.base(title: reviewer.name, description: description, route: route, kind: "reviewer")
            context["title"] = reviewer.name
            context["credentials"] = reviewer.credentials
            if let bio = reviewer.bio { context["bio"] = bio }
            if reviewer.placeholder { context["placeholder"] = true }
            context["items"] = builder.links(reviewed, from: route)
            return render("reviewer", context, route: route)
        case .reviewerIndex:
            var reviewerIndex = builder.base(title: strings[.medicalReviewers], description: nil, route: route, kind: "list")
            reviewerIndex["title"] = strings[.medicalReviewers]
            reviewerIndex["reviewers"] = routes.reviewerIDs.compactMap { id -> TemplateObject? in
                guard let reviewer = registries.reviewers[id] else { return nil }
                return ["name": reviewer.name, "credentials": reviewer.credentials,
                        "href": href(routes.reviewer(id, language)), "placeholder": reviewer.placeholder]
            }
            return render("reviewers", reviewerIndex, route: route)
        case .search:
            var search = builder.base(title: strings[.search], description: nil, route: route, kind: "search")
            search["title"] = strings[.search]
            search["indexURL"] = href(routes.searchIndex(language))
            search["indexScriptURL"] = href(routes.searchIndexScript(language))
            search["sections"] = [PageType.modality, .condition, .article].compactMap { type -> TemplateObject? in
                guard type.section != nil else { return nil }
                return ["heading": type.pluralTitle(strings), "href": href(routes.section(type, language))]
            }
            return render("search", search, route: route)
        case .notFound:
            var notFound = builder.base(title: strings[.notFoundTitle], description: nil, route: route, kind: "404")
            notFound["title"] = strings[.notFoundTitle]
            return render("404", notFound, route: route)
        case .page, .searchIndex, .searchIndexScript, .feed, .sitemap, .robots, .media, .imageVariant, .asset:
            return ""
        }
    }

    /// How many of the newest articles the home page lists.
    static let homeArticleCount = 12
}

/// What `Theme.checkView` shows for a page in `haven lint`.
struct CheckViewKey: Hashable {
    var notice: NoticeContent
    var showDisclaimer: Bool
    /// The page body as lint renders it: nothing, or `RenderedPageChecks.bodyPlaceholder`.
    var body: String
}
