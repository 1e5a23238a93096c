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
        builder = ContextBuilder(site: site)
        self.theme = theme.preparing(site: builder.siteContext, strings: builder.strings.templateObject)
    }

    /// Receives an output path (`/articles/x/index.html`) and its bytes. Called from several threads.
    public typealias Emit = @Sendable (_ path: String, _ bytes: [UInt8]) throws -> Void

    /// One unit of render work: a page, or a generated file.
    enum Job: Sendable {
        case page(Page)
        case file(String, @Sendable () -> [UInt8])
    }

    /// Renders everything on all cores, generated files (the largest: listings of every page)
    /// first so the work balances. Returns the findings of the checks that need rendered HTML.
    public func render(emit: Emit) throws -> [Diagnostic] {
        let jobs = generatedJobs().map { Job.file($0.path, $0.make) } + site.pages.map(Job.page)
        let results = parallelMap(jobs) { job -> Result<[Diagnostic], Error> in
            do {
                switch job {
                case .page(let page):
                    let (html, diagnostics) = renderPage(page)
                    try emit(page.path + "index.html", Array(html.utf8))
                    return .success(diagnostics)
                case .file(let path, let make):
                    try emit(path, make())
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
        return parallelMap(site.pages) { page in
            guard theme.builtIn else { return renderPage(page).diagnostics }
            let notice = builder.noticeContent(page)
            let showDisclaimer = page.showsDisclaimer
            // Lint's body HTML is the placeholder, or empty for an empty body.
            let key = CheckViewKey(notice: notice, showDisclaimer: showDisclaimer,
                                     body: page.bodyHTMLIsEmpty ? "" : RenderedPageChecks.bodyPlaceholder)
            let html = views.value(for: key) {
                theme.render(Theme.checkView, builder.checkViewContext(notice: notice, showDisclaimer: showDisclaimer, body: key.body),
                             path: page.path)
            }
            return RenderedPageChecks.check(page, html: html, body: key.body, in: site)
        }.flatMap { $0 }
    }

    /// One page's HTML and the findings of the rendered-HTML checks on it.
    func renderPage(_ page: Page) -> (html: String, diagnostics: [Diagnostic]) {
        let body = page.bodyHTML  // read once: it may come from the build's BodyStore
        let notice = builder.noticeContent(page)
        let html = page.isClinical ? render("clinical", builder.clinicalContext(page, body: body, notice: notice), path: page.path, notice: notice)
                                   : render("page", builder.simplePageContext(page, body: body, notice: notice), path: page.path, notice: notice)
        return (html, RenderedPageChecks.check(page, html: html, body: body, in: site))
    }

    /// Renders a template for the page at `path`, timed when metrics are on.
    /// `notice`: the page's content-warning notice (see `Theme.render`).
    private func render(_ name: String, _ context: TemplateObject, path: String, notice: NoticeContent? = nil) -> String {
        guard let metrics else { return theme.render(name, context, path: path, notice: notice) }
        return metrics.template(name) { theme.render(name, context, path: path, notice: notice) }
    }

    /// Every file that is not a page (listings, help, reviewers, search, 404, feeds, assets), as
    /// independent jobs (each builds its own context).
    func generatedJobs() -> [(path: String, make: @Sendable () -> [UInt8])] {
        let site = self.site
        var jobs: [(path: String, make: @Sendable () -> [UInt8])] = generatedPageJobs().map { job in
            (job.path, { Array(job.make().utf8) })
        }
        jobs.append(("/sitemap.xml", {
            var generated: [(path: String, lastmod: CalendarDate?)] = self.generatedPagePaths.map { ($0, self.newest(for: $0)) }
            generated += site.registries.reviewers.keys.sorted().map { id in
                ("/reviewers/\(id)/", site.pages.filter { $0.frontMatter.reviewer?.value == id }.compactMap(SiteFeeds.lastModified).max()
                    ?? self.siteNewest)
            }
            return Array(SiteFeeds.sitemap(site, generated: generated, fallback: self.siteNewest).utf8)
        }))
        jobs.append(("/feed.xml", { Array(SiteFeeds.atom(site).utf8) }))
        jobs.append(("/robots.txt", { Array(SiteFeeds.robots(site).utf8) }))
        jobs.append(("/search-index.json", { Array(SiteFeeds.searchIndex(site).utf8) }))
        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) { jobs.append((path, { bytes })) }
        return jobs
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

    /// The generated HTML pages, each a job that builds its own context.
    private func generatedPageJobs() -> [(path: String, make: @Sendable () -> String)] {
        let site = self.site, renderer = self, builder = self.builder, strings = builder.strings
        var jobs: [(path: String, make: @Sendable () -> String)] = []
        jobs.append(("/index.html", {
            var home = builder.base(title: site.config.title, description: nil, path: "/", kind: "home")
            home["title"] = site.config.title
            // Therapies and conditions in full; articles: the newest few (all are on /articles/).
            home["sections"] = [PageType.modality, .condition, .article].compactMap { type -> TemplateObject? in
                let pages = site.pages(of: type)
                guard !pages.isEmpty, let section = type.section else { return nil }
                let shown = type == .article ? Array(pages.sorted(by: Page.newestFirst).prefix(Self.homeArticleCount))
                                             : pages.sorted(by: Page.byTitle)
                return ["heading": type == .article ? strings[.latestArticles] : type.pluralTitle(strings), "href": site.href("/\(section)/"),
                        "id": "section-\(section)", "items": shown.map(builder.link),
                        "more": pages.count > shown.count
                            ? ["href": site.href("/\(section)/"), "count": pages.count,
                               "label": strings.format(.allArticles, ["count": String(pages.count)])] as TemplateObject
                            : false]
            }
            return renderer.render("home", home, path: "/")
        }))
        for type in [PageType.article, .modality, .condition] {
            guard let section = type.section else { continue }
            jobs.append(("/\(section)/index.html", {
                var context = builder.base(title: type.pluralTitle(strings), description: nil, path: "/\(section)/", kind: "list")
                context["title"] = type.pluralTitle(strings)
                context["intro"] = type.sectionIntro(strings)
                context["items"] = site.pages(of: type).sorted(by: Page.byTitle).map(builder.link)
                return renderer.render("list", context, path: "/\(section)/")
            }))
        }
        jobs.append(("/get-help/index.html", {
            var help = builder.base(title: strings[.getHelpNow], description: strings[.getHelpDescription],
                                    path: "/get-help/", kind: "get-help")
            help["title"] = strings[.getHelpNow]
            help["resources"] = site.regionalCrisisResources.map(builder.crisisResourceContext)
            return renderer.render("get-help", help, path: "/get-help/")
        }))
        let reviewerIDs = site.registries.reviewers.keys.sorted()
        for id in reviewerIDs {
            guard let reviewer = site.registries.reviewers[id] else { continue }
            jobs.append(("/reviewers/\(id)/index.html", {
                let reviewed = site.pages.filter { $0.frontMatter.reviewer?.value == id }.sorted(by: Page.byTitle)
                var context = builder.base(title: reviewer.name, description: strings.format(.reviewerDescription, ["name": reviewer.name, "credentials": reviewer.credentials]),
                                           path: "/reviewers/\(id)/", kind: "reviewer")
                context["title"] = reviewer.name
                context["credentials"] = reviewer.credentials
                if let bio = reviewer.bio { context["bio"] = bio }
                if reviewer.placeholder { context["placeholder"] = true }
                context["items"] = reviewed.map(builder.link)
                return renderer.render("reviewer", context, path: "/reviewers/\(id)/")
            }))
        }
        jobs.append(("/reviewers/index.html", {
            var reviewerIndex = builder.base(title: strings[.medicalReviewers], description: nil, path: "/reviewers/", kind: "list")
            reviewerIndex["title"] = strings[.medicalReviewers]
            reviewerIndex["reviewers"] = reviewerIDs.compactMap { id -> TemplateObject? in
                guard let reviewer = site.registries.reviewers[id] else { return nil }
                return ["name": reviewer.name, "credentials": reviewer.credentials,
                        "href": site.href("/reviewers/\(id)/"), "placeholder": reviewer.placeholder]
            }
            return renderer.render("reviewers", reviewerIndex, path: "/reviewers/")
        }))
        jobs.append(("/search/index.html", {
            var search = builder.base(title: strings[.search], description: nil, path: "/search/", kind: "search")
            search["title"] = strings[.search]
            search["indexURL"] = site.href("/search-index.json")
            search["sections"] = [PageType.modality, .condition, .article].compactMap { type -> TemplateObject? in
                guard let section = type.section else { return nil }
                return ["heading": type.pluralTitle(strings), "href": site.href("/\(section)/")]
            }
            return renderer.render("search", search, path: "/search/")
        }))
        jobs.append(("/404.html", {
            var notFound = builder.base(title: strings[.notFoundTitle], description: nil, path: "/404.html", kind: "404")
            notFound["title"] = strings[.notFoundTitle]
            return renderer.render("404", notFound, path: "/404.html")
        }))
        return jobs
    }

    /// How many of the newest articles the home page lists.
    static let homeArticleCount = 12
}

/// What `Theme.checkView` shows for a page in `haven lint`.
private struct CheckViewKey: Hashable {
    var notice: NoticeContent
    var showDisclaimer: Bool
    /// The page body as lint renders it: nothing, or `RenderedPageChecks.bodyPlaceholder`.
    var body: String
}
