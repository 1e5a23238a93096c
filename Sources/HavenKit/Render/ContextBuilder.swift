/// Builds the plain dictionaries templates render from. Every value a template shows comes from
/// here, so the JSON-LD and the visible byline are computed from the same values.
/// Immutable after `init`; the `Any` values are strings, numbers and arrays/dictionaries of them.
struct ContextBuilder: @unchecked Sendable {
    let site: Site
    /// Each crisis resource as templates show it, by language and id (the same on every page of a language).
    private let resourceContexts = SharedMemo<ResourceKey, (resource: CrisisResource, context: TemplateObject)>()
    /// `link(_:from:)` of the pages linked so far, by page identity and what links on the linking
    /// page depend on (each entry keeps its page alive, so no other page can take its identity).
    private let links = SharedMemo<PageLinkKey, (page: Page, context: TemplateObject)>()
    /// `relatedLinks(_:from:)`: `links` with the text of the built-in `related-item`, by the same key.
    private let relatedItems = SharedMemo<PageLinkKey, (page: Page, context: TemplateObject)>()
    /// `site`, `links` and `strings` by language and `LinkKey`: everything in them but the links is
    /// the same on every page of a language.
    private let placeContexts = SharedMemo<PlaceKey, Place>()
    /// `DisplayDate.context` by language and date: pages share a few hundred dates, and writing
    /// one out in a language's way (the table's format filled in) was 1% of a build.
    private let dates = SharedMemo<DateKey, TemplateObject?>()

    /// What every template on a route shows of the site: `site`, `links` and the words of its language.
    private struct Place {
        var site: TemplateObject
        var links: TemplateObject
        var strings: StringTable
    }

    /// With the built-in `related-item` partial: its text for a link's context (`Theme.linkItem`).
    private let linkItem: (@Sendable (TemplateObject) -> TemplateText)?

    init(site: Site, linkItem: (@Sendable (TemplateObject) -> TemplateText)? = nil) {
        self.site = site
        self.linkItem = linkItem
    }

    /// What `site` and `links` on a route depend on: its language, and what links written on it
    /// depend on (`Routes.linkKey(from:)`).
    struct PlaceKey: Hashable, Sendable {
        var language: String
        var links: LinkKey
    }

    func placeKey(_ route: Route) -> PlaceKey { PlaceKey(language: route.language, links: site.routes.linkKey(from: route)) }

    /// `site`, `links` and `strings` for a route, made once per `PlaceKey`.
    private func place(_ route: Route) -> Place {
        placeContexts.value(for: placeKey(route)) {
            Place(site: ContextBuilder.siteContext(site, from: route), links: ContextBuilder.links(site, from: route),
                  strings: site.strings.table(route.language))
        }
    }

    /// The words of a language.
    func strings(for language: String) -> StringTable { site.strings.table(language) }

    /// `site` in every template on `route` (and, with `links` and `nav`, the only values site partials see).
    func siteContext(for route: Route) -> TemplateObject { place(route).site }

    /// `links` in every template on `route`: the hrefs of the generated pages every page may link to.
    func linksContext(for route: Route) -> TemplateObject { place(route).links }

    static func siteContext(_ site: Site, from route: Route) -> TemplateObject {
        let pages = site.pages(of: .page, in: route.language).sorted(by: Page.byTitle)
        let language = site.language(id: route.language)
        return ["title": language.title, "language": language.tag, "base": site.config.basePath,
                "disclaimer": language.disclaimer, "region": language.region,
                "pages": pages.map { ["title": $0.title, "href": site.href(to: $0.route, from: route)] as TemplateObject }]
    }

    /// The hrefs of the generated pages of the route's language, from the route (`links.<name>`).
    static func links(_ site: Site, from route: Route) -> TemplateObject {
        let routes = site.routes, language = route.language
        func href(_ target: Route) -> String { routes.href(to: target, from: route) }
        return ["home": href(routes.home(language)), "modalities": href(routes.section(.modality, language)),
                "conditions": href(routes.section(.condition, language)), "articles": href(routes.section(.article, language)),
                "search": href(routes.search(language)), "getHelp": href(routes.getHelp(language)),
                "reviewers": href(routes.reviewerIndex(language)), "feed": href(routes.feed(language)),
                "searchIndex": href(routes.searchIndex(language)), "assets": href(routes.assets)]
    }

    /// What site partials and the built-in notice are rendered from on `route`: `site`, `links`,
    /// `strings` and `nav`, all decided by `partialKey(route)`.
    func partialContext(for route: Route) -> TemplateObject {
        let place = place(route)
        return ["site": place.site, "links": place.links, "strings": place.strings.templateObject, "nav": route.navigation.context]
    }

    func partialKey(_ route: Route) -> Theme.PartialKey { Theme.PartialKey(navigation: route.navigation.key, place: placeKey(route)) }

    /// What the theme needs to render site partials and notices on any route.
    var partials: Theme.Partials {
        let builder = self
        return Theme.Partials(key: { builder.partialKey($0) }, context: { builder.partialContext(for: $0) })
    }

    /// The context every template receives.
    /// `page`: the page on `route`, if it is one (its translations are its other versions).
    func base(title: String, description: String?, route: Route, kind: String, page: Page? = nil) -> TemplateObject {
        let place = place(route)
        var context: TemplateObject = ["site": place.site, "links": place.links, "strings": place.strings.templateObject,
                                      "pageTitle": title, "canonical": site.absoluteURL(route), "kind": kind,
                                      "isHome": route.kind == .home, "nav": route.navigation.context]
        if let description { context["description"] = description }
        let versions = LanguageLinks(for: route, page: page, in: site)
        if !versions.versions.isEmpty {
            context["alternates"] = versions.alternatesContext(in: site)
            context["languages"] = versions.switcherContext(from: route, in: site, builder: self)
        }
        return context
    }

    /// A page as a link in listings and related pages, on the page or file at `origin`; each page's
    /// is made once per render and `LinkKey` (pages are listed on many pages).
    func link(_ page: Page, from origin: Route) -> TemplateObject {
        link(page, from: origin, key: site.routes.linkKey(from: origin))
    }

    /// `link(_:from:)` for every page, in order.
    func links(_ pages: [Page], from origin: Route) -> [TemplateObject] {
        let key = site.routes.linkKey(from: origin)
        return pages.map { link($0, from: origin, key: key) }
    }

    /// `links(_:from:)` for the related pages of a page: with the built-in `related-item`, each
    /// with its text (`Theme.linkItem`), rendered once per linked page and `LinkKey`.
    func relatedLinks(_ pages: [Page], from origin: Route) -> [TemplateObject] {
        guard let linkItem else { return links(pages, from: origin) }
        let key = site.routes.linkKey(from: origin)
        return pages.map { page in
            relatedItems.value(for: PageLinkKey(page: ObjectIdentifier(page), from: key, language: origin.language)) {
                var context = link(page, from: origin, key: key)
                context[Theme.renderedLinkItem] = linkItem(context)
                return (page, context)
            }.context
        }
    }

    /// `otherLanguage` is the linked page's language tag when it is not the linking page's (a
    /// term with no translation into it), for `lang` and `hreflang` on the link.
    private func link(_ page: Page, from origin: Route, key: LinkKey) -> TemplateObject {
        links.value(for: PageLinkKey(page: ObjectIdentifier(page), from: key, language: origin.language)) {
            // Absent values are `false`, never missing: Mustache would otherwise look them up in the
            // enclosing context and show the wrong page's text.
            let otherLanguage: Any = page.language == origin.language ? false : site.routes.languages.tag(page.language)
            return (page, ["title": page.title, "href": site.href(to: page.route, from: origin),
                           "description": page.description ?? false, "otherLanguage": otherLanguage])
        }.context
    }

    func reviewerContext(_ page: Page) -> TemplateObject? {
        guard let id = page.frontMatter.reviewer?.value, let reviewer = site.registries(languageID: page.route.language).reviewers[id] else { return nil }
        var context: TemplateObject = ["name": reviewer.name, "credentials": reviewer.credentials,
                                      "href": site.href(to: site.routes.reviewer(id, page.route.language), from: page.route)]
        if reviewer.placeholder { context["placeholder"] = true }
        return context
    }

    /// A crisis resource (with its texts in `language`) as templates on pages in `language` show it.
    func crisisResourceContext(_ resource: CrisisResource, language: String) -> TemplateObject {
        let known = resourceContexts.value(for: ResourceKey(language: language, id: resource.id)) {
            (resource, ContextBuilder.crisisResourceContext(resource, strings: strings(for: language)))
        }
        return known.resource == resource ? known.context : ContextBuilder.crisisResourceContext(resource, strings: strings(for: language))
    }

    static func crisisResourceContext(_ resource: CrisisResource, strings: StringTable) -> TemplateObject {
        var context: TemplateObject = ["id": resource.id, "name": resource.name, "tel": false, "sms": false, "url": false,
                                      "hours": resource.hours ?? false, "description": resource.description ?? false]
        if let hours = resource.hours { context["hoursText"] = strings.format(.openHours, ["hours": hours]) }
        if let tel = resource.telURI, let phone = resource.phone {
            context["tel"] = tel
            context["phoneText"] = resource.display ?? phone
            context["callText"] = strings.format(.callNumber, ["number": resource.display ?? phone])
        }
        if let sms = resource.smsURI, let number = resource.sms {
            context["sms"] = sms
            if let keyword = resource.smsKeyword, !keyword.isEmpty {
                context["smsText"] = strings.format(.textKeyword, ["keyword": keyword, "number": number])
            } else {
                context["smsText"] = strings.format(.textNumber, ["number": number])
            }
        }
        if let url = resource.url {
            context["url"] = url
            context["urlText"] = CrisisText.hostLabel(url)
        }
        return context
    }

    /// What a page's content-warning notice shows: its crisis resources and its topics' labels.
    func noticeContent(_ page: Page) -> NoticeContent {
        NoticeContent(language: page.language, resources: site.crisisResources(for: page),
                      labels: page.frontMatter.contentWarnings.compactMap { site.registries(in: site.language(of: page)).contentWarnings[$0.value]?.label })
    }

    /// The content-warning notice: topics in calm words and every crisis resource, or nil. Every
    /// name the built-in notice reads is set (`topics` is `false` when there are none), so it never
    /// reads the page's values: `Theme` renders it once per distinct notice.
    func noticeContext(_ content: NoticeContent) -> TemplateObject? {
        guard !content.resources.isEmpty || !content.labels.isEmpty else { return nil }
        let strings = strings(for: content.language)
        var notice: TemplateObject = ["resources": content.resources.map { crisisResourceContext($0, language: content.language) }, "topics": false,
                                     "heading": strings[.noticeNoTopics]]
        if !content.labels.isEmpty {
            let topics = strings.list(content.labels)
            notice["topics"] = topics
            notice["heading"] = strings.format(.noticeTopics, ["topics": topics])
        }
        return notice
    }

    func clinicalContext(_ page: Page, body: String? = nil, notice: NoticeContent? = nil) -> TemplateObject {
        var context = base(title: page.title, description: page.description, route: page.route, kind: page.type.rawValue, page: page)
        let strings = strings(for: page.language)
        context["title"] = page.title
        context["typeLabel"] = page.type.typeLabel(strings)
        context["body"] = body ?? page.bodyHTML
        if let author = page.frontMatter.author?.value { context["author"] = author }
        context["reviewer"] = reviewerContext(page)
        func date(_ date: CalendarDate?) -> TemplateObject? {
            guard let date else { return nil }
            return dates.value(for: DateKey(language: page.language, date: date)) { DisplayDate.context(date, strings) }
        }
        context["reviewed"] = date(page.frontMatter.reviewedDate)
        context["updated"] = date(page.frontMatter.updatedDate)
        context["published"] = date(page.frontMatter.publishedDate)
        context["nextReview"] = date(site.nextReviewDue(page))
        context["notice"] = noticeContext(notice ?? noticeContent(page))
        context["keyPoints"] = page.frontMatter.keyPoints.map(\.value)
        context["hasKeyPoints"] = !page.frontMatter.keyPoints.isEmpty
        context["showDisclaimer"] = page.showsDisclaimer
        translationValues(page, strings, into: &context)
        context["quickExit"] = quickExitContext(page)
        if let image = page.frontMatter.image,
           case let target = site.linkResolver.resolve(image.src.value, from: page.source), case .file = target.kind {
            // The lead image is above the fold: it loads at once (no `loading="lazy"`).
            var imageContext = (target.image ?? ImageMarkup()).templateValues
            imageContext["src"] = target.href
            imageContext["alt"] = image.alt ?? ""
            if let credit = image.credit { imageContext["credit"] = credit }
            context["image"] = imageContext
        }
        let h2 = page.body.headings.filter { $0.level == page.body.topLevel }
        if h2.count >= 4 {
            context["hasTOC"] = true
            context["toc"] = h2.map { ["id": $0.id, "text": $0.text] as TemplateObject }
        }

        var groups: [TemplateObject] = []
        func group(_ heading: String, _ pages: [Page]) {
            if !pages.isEmpty { groups.append(["heading": heading, "items": relatedLinks(pages, from: page.route)]) }
        }
        group(strings[page.type == .condition ? .relatedModalitiesForCondition : .relatedModalities], site.relatedModalities(of: page))
        group(strings[page.type == .modality ? .relatedConditionsForModality : .relatedConditions], site.relatedConditions(of: page))
        group(strings[.relatedArticles], site.relatedArticles(of: page))
        let linking = (site.backlinks[page.path] ?? []).compactMap(site.page(at:)).filter { $0.language == page.language }
        group(strings[.relatedBacklinks], linking)
        if !groups.isEmpty {
            context["hasRelated"] = true
            context["related"] = groups
        }
        context["jsonLD"] = JSONLD.medicalWebPage(page, in: site).serialized()
        return context
    }

    /// The context of `Theme.checkView`: what the built-in page templates give the crisis notice
    /// and the disclaimer (and the site, links and strings, which they read), with the body `body`, on `route`.
    func checkViewContext(notice: NoticeContent, showDisclaimer: Bool, body: String, route: Route) -> TemplateObject {
        let place = place(route)
        var context: TemplateObject = ["site": place.site, "links": place.links, "strings": place.strings.templateObject,
                                      "body": body, "showDisclaimer": showDisclaimer]
        context["notice"] = noticeContext(notice)
        return context
    }

    func simplePageContext(_ page: Page, body: String? = nil, notice: NoticeContent? = nil) -> TemplateObject {
        var context = base(title: page.title, description: page.description, route: page.route, kind: page.type.rawValue, page: page)
        context["title"] = page.title
        context["body"] = body ?? page.bodyHTML
        context["notice"] = noticeContext(notice ?? noticeContent(page))
        context["keyPoints"] = page.frontMatter.keyPoints.map(\.value)
        context["hasKeyPoints"] = !page.frontMatter.keyPoints.isEmpty
        context["showDisclaimer"] = page.showsDisclaimer
        context["quickExit"] = quickExitContext(page)
        translationValues(page, strings(for: page.language), into: &context)
        return context
    }

    /// What a translation says about itself: who translated it, which version of its source it
    /// follows, and whether that source has changed since (`TranslationNotice`); `false` on other pages.
    private func translationValues(_ page: Page, _ strings: StringTable, into context: inout TemplateObject) {
        context["translatedBy"] = page.frontMatter.translator.map { strings.format(.translatedBy, ["name": $0.value]) } ?? false
        context["translation"] = TranslationNotice.byline(page, in: site, strings: strings) ?? false
        context["translationOutdated"] = TranslationNotice.outdated(page, in: site, strings: strings) ?? false
    }

    /// The "Exit this page" button (`quickExit.url`) when one of the page's content warnings sets
    /// `quick_exit: true`; `false` otherwise (never looked up in an enclosing context).
    func quickExitContext(_ page: Page) -> Any {
        let wanted = page.frontMatter.contentWarnings.contains { site.registries.contentWarnings[$0.value]?.quickExit == true }
        return wanted ? ["url": site.config.quickExitURL] as TemplateObject : false
    }
}

/// What a page's content-warning notice shows (pages with the same show the same notice).
struct NoticeContent: Hashable, Sendable {
    /// The language of the page: the notice's words are in it.
    var language: String
    var resources: [CrisisResource]
    var labels: [String]
}

/// How a crisis resource's web address is shown.
enum CrisisText {
    /// `https://988lifeline.org/` → `988lifeline.org`.
    static func hostLabel(_ url: String) -> String {
        var s = Substring(url)
        for prefix in ["https://", "http://"] where s.hasPrefix(prefix) { s = s.dropFirst(prefix.count) }
        if s.hasPrefix("www.") { s = s.dropFirst(4) }
        if let slash = s.firstIndex(of: "/") { s = s[..<slash] }
        return String(s)
    }
}

/// A date in a language.
private struct DateKey: Hashable {
    var language: String
    var date: CalendarDate
}

/// A crisis resource in a language.
private struct ResourceKey: Hashable {
    var language: String
    var id: String
}

/// A page linked from pages whose links depend on `from` (see `ContextBuilder.link(_:from:)`).
private struct PageLinkKey: Hashable {
    var page: ObjectIdentifier
    var from: LinkKey
    /// The linking page's language (a link to a page in another language says so).
    var language: String
}
