/// Builds the plain dictionaries templates render from. Every value a template shows comes from
/// here, so the JSON-LD and the visible byline are computed from the same values.
/// Immutable after `init`; the `Any` values are strings, numbers and arrays/dictionaries of them.
struct ContextBuilder: @unchecked Sendable {
    let site: Site
    /// What every template may show about the site, prepared once.
    let siteContext: TemplateObject
    /// The words of the site's language (`strings` in every template).
    let strings: StringTable
    /// Each crisis resource as templates show it, by id (the same on every page).
    private let resourceContexts: [String: (resource: CrisisResource, context: TemplateObject)]
    /// `link(_:)` of the pages linked so far, by page identity (each entry keeps its page alive,
    /// so no other page can take its identity).
    private let links = SharedMemo<ObjectIdentifier, (page: Page, context: TemplateObject)>()

    init(site: Site) {
        self.site = site
        siteContext = ContextBuilder.siteContext(site)
        let strings = site.defaultStrings
        self.strings = strings
        var resources: [String: (resource: CrisisResource, context: TemplateObject)] = [:]
        for (id, resource) in site.registries.crisisResources {
            resources[id] = (resource, ContextBuilder.crisisResourceContext(resource, strings: strings))
        }
        resourceContexts = resources
    }

    /// `site` in every template (and the only value site partials see).
    static func siteContext(_ site: Site) -> TemplateObject {
        let pages = site.pages(of: .page).sorted(by: Page.byTitle)
        return ["title": site.config.title, "language": site.config.language, "base": site.config.basePath,
                "disclaimer": site.config.disclaimer, "region": site.config.region,
                "pages": pages.map { ["title": $0.title, "href": site.href($0.path)] as TemplateObject }]
    }

    /// The context every template receives.
    func base(title: String, description: String?, path: String, kind: String) -> TemplateObject {
        var context: TemplateObject = ["site": siteContext, "strings": strings.templateObject, "pageTitle": title,
                                      "canonical": site.absoluteURL(path), "kind": kind, "isHome": path == "/",
                                      "nav": ContextBuilder.navState(path)]
        if let description { context["description"] = description }
        return context
    }

    /// The sections of the main navigation (`nav.<section>` in templates).
    static let navSections = ["modalities", "conditions", "articles", "search"]

    /// `aria-current` for the main navigation: "page" on a section's index, "true" inside it.
    static func navState(_ path: String) -> TemplateObject {
        navStateByKey[navKey(path)] ?? [:]
    }

    private static let navStateByKey = Dictionary(uniqueKeysWithValues: navStates.map { ($0.key, $0.nav) })

    /// The navigation section a path is in, and its `aria-current` value.
    static func navEntry(_ path: String) -> (section: String, current: String)? {
        for section in navSections {
            if path == "/\(section)/" { return (section, "page") }
            if path.hasPrefix("/\(section)/") { return (section, "true") }
        }
        return nil
    }

    /// A name for the navigation state of a path ("" outside every section).
    static func navKey(_ path: String) -> String {
        navEntry(path).map { "\($0.section)=\($0.current)" } ?? ""
    }

    /// Every navigation state a page can be in, by `navKey`.
    static let navStates: [(key: String, nav: TemplateObject)] = [("", [:])] + navSections.flatMap { section in
        ["page", "true"].map { current in ("\(section)=\(current)", [section: current] as TemplateObject) }
    }

    /// A page as a link in listings and related pages; each page's is made once per render (pages
    /// are listed on many pages).
    func link(_ page: Page) -> TemplateObject {
        links.value(for: ObjectIdentifier(page)) {
            // Absent values are `false`, never missing: Mustache would otherwise look them up in the
            // enclosing context and show the wrong page's text.
            (page, ["title": page.title, "href": site.href(page.path), "description": page.description ?? false])
        }.context
    }

    func reviewerContext(_ page: Page) -> TemplateObject? {
        guard let id = page.frontMatter.reviewer?.value, let reviewer = site.registries.reviewers[id] else { return nil }
        var context: TemplateObject = ["name": reviewer.name, "credentials": reviewer.credentials,
                                      "href": site.href("/reviewers/\(id)/")]
        if reviewer.placeholder { context["placeholder"] = true }
        return context
    }

    func crisisResourceContext(_ resource: CrisisResource) -> TemplateObject {
        if let known = resourceContexts[resource.id], known.resource == resource { return known.context }
        return ContextBuilder.crisisResourceContext(resource, strings: strings)
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
        NoticeContent(resources: site.crisisResources(for: page),
                      labels: page.frontMatter.contentWarnings.compactMap { site.registries.contentWarnings[$0.value]?.label })
    }

    /// The content-warning notice: topics in calm words and every crisis resource, or nil. Every
    /// name the built-in notice reads is set (`topics` is `false` when there are none), so it never
    /// reads the page's values: `Theme` renders it once per distinct notice.
    func noticeContext(_ content: NoticeContent) -> TemplateObject? {
        guard !content.resources.isEmpty || !content.labels.isEmpty else { return nil }
        var notice: TemplateObject = ["resources": content.resources.map(crisisResourceContext), "topics": false,
                                     "heading": strings[.noticeNoTopics]]
        if !content.labels.isEmpty {
            let topics = strings.list(content.labels)
            notice["topics"] = topics
            notice["heading"] = strings.format(.noticeTopics, ["topics": topics])
        }
        return notice
    }

    func clinicalContext(_ page: Page, body: String? = nil, notice: NoticeContent? = nil) -> TemplateObject {
        var context = base(title: page.title, description: page.description, path: page.path, kind: page.type.rawValue)
        context["title"] = page.title
        context["typeLabel"] = page.type.typeLabel(strings)
        context["body"] = body ?? page.bodyHTML
        if let author = page.frontMatter.author?.value { context["author"] = author }
        context["reviewer"] = reviewerContext(page)
        context["reviewed"] = DisplayDate.context(page.frontMatter.reviewedDate, strings)
        context["updated"] = DisplayDate.context(page.frontMatter.updatedDate, strings)
        context["published"] = DisplayDate.context(page.frontMatter.publishedDate, strings)
        context["nextReview"] = DisplayDate.context(site.nextReviewDue(page), strings)
        context["notice"] = noticeContext(notice ?? noticeContent(page))
        context["showDisclaimer"] = page.showsDisclaimer
        if let image = page.frontMatter.image,
           case let target = site.linkResolver.resolve(image.src.value, from: page.source), case .file = target.kind {
            var imageContext: TemplateObject = ["src": target.href, "alt": image.alt ?? ""]
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
            if !pages.isEmpty { groups.append(["heading": heading, "items": pages.map(link)]) }
        }
        group(strings[page.type == .condition ? .relatedModalitiesForCondition : .relatedModalities], site.relatedModalities(of: page))
        group(strings[page.type == .modality ? .relatedConditionsForModality : .relatedConditions], site.relatedConditions(of: page))
        group(strings[.relatedArticles], site.relatedArticles(of: page))
        let linking = (site.backlinks[page.path] ?? []).compactMap(site.page(at:))
        group(strings[.relatedBacklinks], linking)
        if !groups.isEmpty {
            context["hasRelated"] = true
            context["related"] = groups
        }
        context["jsonLD"] = JSONLD.medicalWebPage(page, in: site).serialized()
        return context
    }

    /// The context of `Theme.checkView`: what the built-in page templates give the crisis notice
    /// and the disclaimer (and the site, which they read), with the body `body`.
    func checkViewContext(notice: NoticeContent, showDisclaimer: Bool, body: String) -> TemplateObject {
        var context: TemplateObject = ["site": siteContext, "strings": strings.templateObject, "body": body,
                                      "showDisclaimer": showDisclaimer]
        context["notice"] = noticeContext(notice)
        return context
    }

    func simplePageContext(_ page: Page, body: String? = nil, notice: NoticeContent? = nil) -> TemplateObject {
        var context = base(title: page.title, description: page.description, path: page.path, kind: page.type.rawValue)
        context["title"] = page.title
        context["body"] = body ?? page.bodyHTML
        context["notice"] = noticeContext(notice ?? noticeContent(page))
        context["showDisclaimer"] = page.showsDisclaimer
        return context
    }
}

/// What a page's content-warning notice shows (pages with the same show the same notice).
struct NoticeContent: Hashable, Sendable {
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
