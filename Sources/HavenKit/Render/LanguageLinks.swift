/// The same page in the site's other languages: `hreflang` alternates for `<head>` and the
/// sitemap, and the language switcher. A page's versions are its translation set; a generated page
/// (home, section index, get-help, search, reviewers) exists in every language.
struct LanguageLinks {
    /// Each version: its language and route, in the site's language order (the default first).
    let versions: [(language: String, route: Route)]

    init(for route: Route, page: Page?, in site: Site) {
        if let page {
            let members = site.translations(of: page)
            versions = members.count > 1 ? members.map { ($0.language, $0.route) } : []
            return
        }
        let routes = site.routes, languages = routes.languages.ids
        guard languages.count > 1 else { versions = []; return }
        let each: ((String) -> Route)?
        switch route.kind {
        case .home: each = routes.home
        case .sectionIndex(let type): each = { routes.section(type, $0) }
        case .getHelp: each = routes.getHelp
        case .search: each = routes.search
        case .reviewerIndex: each = routes.reviewerIndex
        case .reviewer(let id): each = { routes.reviewer(id, $0) }
        default: each = nil
        }
        versions = each.map { make in languages.map { ($0, make($0)) } } ?? []
    }

    /// `<link rel="alternate" hreflang>` values: every version, itself included, then `x-default`
    /// for the default-language version (when there is one).
    func alternates(in site: Site) -> [(hreflang: String, url: String)] {
        guard !versions.isEmpty else { return [] }
        let languages = site.routes.languages
        var result = versions.map { (languages.tag($0.language), site.absoluteURL($0.route)) }
        if let source = versions.first(where: { $0.language == languages.defaultID }) {
            result.append(("x-default", site.absoluteURL(source.route)))
        }
        return result
    }

    /// `alternates` in templates.
    func alternatesContext(in site: Site) -> Any {
        let list = alternates(in: site)
        return list.isEmpty ? false : list.map { ["hreflang": $0.hreflang, "href": $0.url] as TemplateObject }
    }

    /// `languages` in templates: `{items: [{label, lang, hreflang, href}]}`, the other versions, each
    /// labelled in its own language, linked from `origin`.
    func switcherContext(from origin: Route, in site: Site, builder: ContextBuilder) -> Any {
        let others = versions.filter { $0.route != origin }
        guard !others.isEmpty else { return false }
        let languages = site.routes.languages
        let items = others.map { version -> TemplateObject in
            let tag = languages.tag(version.language)
            return ["label": builder.strings(for: version.language)[.languageName], "lang": tag, "hreflang": tag,
                    "href": site.href(to: version.route, from: origin)]
        }
        return ["items": items] as TemplateObject
    }
}
