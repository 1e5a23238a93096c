/// The route table: every URL the site has besides its pages (home, section indexes, get-help,
/// search, reviewers, feeds, sitemap, 404, assets), per language, made once at resolve time; how a
/// Markdown file's URL is made (`page(_:slug:language:)`); and the two functions through which
/// every link (`href(to:from:)`) and every absolute URL (`absoluteURL(_:)`) Haven writes goes.
/// Nothing else writes a URL.
public struct Routes: Sendable, Equatable {
    /// The path part of `base_url` (`/` or `/docs/`).
    public let basePath: String
    /// `base_url`, ending in `/`.
    public let baseURL: String
    /// `pretty_urls` of `haven.yml`: links to folders end in `/` instead of naming `index.html`.
    public let prettyURLs: Bool
    /// The languages of the site, the default first.
    public let languages: SiteLanguages
    /// Reviewer ids, sorted: each has a page in every language.
    public let reviewerIDs: [String]
    /// Every generated route of every language, by path (not assets or media).
    private let generatedByPath: [String: Route]
    /// The same, in the order the build makes them.
    public let generated: [Route]

    init(config: SiteConfig, reviewers: some Sequence<String>) {
        self.init(basePath: config.basePath, baseURL: config.baseURL, languages: SiteLanguages(config: config),
                  reviewers: reviewers, prettyURLs: config.prettyURLs)
    }

    init(basePath: String, baseURL: String, languages: SiteLanguages, reviewers: some Sequence<String>, prettyURLs: Bool = false) {
        self.basePath = basePath
        self.baseURL = baseURL
        self.prettyURLs = prettyURLs
        self.languages = languages
        let reviewerIDs = reviewers.sorted()
        self.reviewerIDs = reviewerIDs
        var routes: [Route] = []
        for language in languages.ids {
            var kinds: [RouteKind] = [.home]
            kinds += Routes.sectionTypes.map(RouteKind.sectionIndex)
            kinds += [.getHelp, .search, .searchIndex, .searchIndexScript, .reviewerIndex]
            kinds += reviewerIDs.map(RouteKind.reviewer)
            kinds.append(.feed)
            routes += kinds.map { Routes.generated($0, language, in: languages) }
        }
        routes += [RouteKind.notFound, .sitemap, .robots].map { Routes.generated($0, languages.defaultID, in: languages) }
        generated = routes
        generatedByPath = Dictionary(routes.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The sections with an index page, in the order the home page shows them.
    static let sectionTypes: [PageType] = [.article, .modality, .condition]

    // MARK: Generated routes

    public func home(_ language: String) -> Route { route(.home, language) }
    public func section(_ type: PageType, _ language: String) -> Route { route(.sectionIndex(type), language) }
    public func getHelp(_ language: String) -> Route { route(.getHelp, language) }
    public func search(_ language: String) -> Route { route(.search, language) }
    public func searchIndex(_ language: String) -> Route { route(.searchIndex, language) }
    /// The search index as a script (`search-index.js`), for search opened from disk, where a
    /// page cannot `fetch` the JSON file.
    public func searchIndexScript(_ language: String) -> Route { route(.searchIndexScript, language) }
    public func reviewerIndex(_ language: String) -> Route { route(.reviewerIndex, language) }
    public func reviewer(_ id: String, _ language: String) -> Route { route(.reviewer(id), language) }
    public func feed(_ language: String) -> Route { route(.feed, language) }
    /// One 404 page, sitemap and robots.txt serve every language.
    public var notFound: Route { route(.notFound, languages.defaultID) }
    public var sitemap: Route { route(.sitemap, languages.defaultID) }
    public var robots: Route { route(.robots, languages.defaultID) }

    /// A theme asset by output path (`/assets/haven.css`).
    public func asset(_ path: String) -> Route { Route(.asset, language: languages.defaultID, path: path) }
    /// The assets folder: templates append a file name to its href (`{{links.assets}}haven.css`).
    public var assets: Route { asset("/assets/") }
    /// A file copied from `Content/media/`, by output path (`/media/photo.png`).
    public func media(_ path: String) -> Route { Route(.media, language: languages.defaultID, path: path) }
    /// A variant Haven makes of a media image, by output path (`/media/photo-800w.webp`).
    public func imageVariant(_ path: String) -> Route { Route(.imageVariant, language: languages.defaultID, path: path) }

    private func route(_ kind: RouteKind, _ language: String) -> Route { Routes.generated(kind, language, in: languages) }

    /// The route of a generated file in a language: where each kind lives, under the language's
    /// prefix (`/` for the default language, `/es/` for `es`); the 404 page, the sitemap and
    /// robots.txt at the root.
    private static func generated(_ kind: RouteKind, _ language: String, in languages: SiteLanguages) -> Route {
        let relative: String
        switch kind {
        case .home: relative = ""
        case .sectionIndex(let type): relative = "\(type.section ?? type.rawValue)/"
        case .getHelp: relative = "get-help/"
        case .search: relative = "search/"
        case .searchIndex: relative = "search-index.json"
        case .searchIndexScript: relative = "search-index.js"
        case .reviewerIndex: relative = "reviewers/"
        case .reviewer(let id): relative = "reviewers/\(id)/"
        case .feed: relative = "feed.xml"
        case .notFound: return Route(kind, language: languages.defaultID, path: "/404.html")
        case .sitemap: return Route(kind, language: languages.defaultID, path: "/sitemap.xml")
        case .robots: return Route(kind, language: languages.defaultID, path: "/robots.txt")
        case .page, .media, .imageVariant, .asset: relative = ""  // not generated: made by `page`, `media`, `asset`
        }
        return Route(kind, language: language, path: languages.prefix(language) + relative)
    }

    /// The generated route at a site path (`/get-help/`, `/feed.xml`), if there is one.
    func generated(at path: String) -> Route? { generatedByPath[path] }

    // MARK: Pages

    /// The language id of the Markdown file at `source`: the declared language its `.<id>.md`
    /// suffix names, else the default one (what the file is published in, whatever its slug).
    public func language(ofSource source: String) -> String {
        Routes.page(source, slug: nil, in: languages).route.language
    }

    /// Where the Markdown file at `source` (`Content/<section>/<sub/folders>/<name>[.<id>].md`) is
    /// published: `/<section>/<sub/folders>/<slug>/` (pages of `Content/pages/` and files outside
    /// every section without the section), under its language's prefix. A suffix `.<id>` naming a
    /// declared language makes the file that language's translation of `<name>.md`; `slug` is the
    /// front matter's, if any (else `<name>`).
    static func page(_ source: String, slug: String?, in languages: SiteLanguages) -> PagePlacement {
        // Split on the bytes of "/" (splitting on Characters was most of this function's time).
        let components = source.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
        var parts = components.dropFirst()  // drop "Content"
        let fileName = parts.popLast() ?? "page.md"
        let section = parts.first ?? ""
        let folderType = PageType(section: section)
        if folderType != nil { parts = parts.dropFirst() }
        var stem = Substring(fileName.hasSuffix(".md") ? fileName.dropLast(3) : Substring(fileName))
        var language = languages.defaultID
        var undeclared: String?
        if let dot = stem.lastIndex(of: "."), case let suffix = stem[stem.index(after: dot)...], SiteLanguages.isLanguageID(suffix) {
            if languages.contains(String(suffix)) {
                language = String(suffix)
                stem = stem[..<dot]
            } else {
                undeclared = String(suffix)
            }
        }
        let slug = slug ?? String(stem)
        let inFolder = folderType == .page ? nil : folderType
        let prefix: [String] = inFolder == nil ? [] : [section]
        // A page of `Content/pages/` (or of a folder outside every section) whose URL lies in a
        // section's folder (`Content/pages/modalities/choosing.md` is `/modalities/choosing/`) is
        // published in that section: the main navigation marks it as inside, as version one did
        // from the URL.
        let inSection = inFolder ?? parts.first.flatMap(PageType.init(section:)).flatMap { $0 == .page ? nil : $0 }
        let path = languages.prefix(language) + (prefix + parts + [slug]).joined(separator: "/") + "/"
        let folder = components.dropLast().joined(separator: "/")
        return PagePlacement(route: Route(.page(section: inSection), language: language, path: path), slug: slug,
                             folderType: folderType, translationKey: folder + "/" + stem + ".md", undeclaredLanguage: undeclared)
    }

    // MARK: Writing URLs

    /// The one function that writes a link: the href of `target` on the page (or file) at `origin`.
    /// Relative to `origin`'s folder and naming the file (`../conditions/depression/index.html`),
    /// so the output works opened from disk (`file://`), from any sub-path and copied elsewhere;
    /// with `pretty_urls`, links to folders end in `/` (`../conditions/depression/`). The 404 page
    /// is the one exception: a server shows it at any depth, so its links are root-relative with
    /// the base path (`/docs/conditions/depression/index.html`).
    ///
    /// It depends on `origin` only through `origin.depth` and whether it is the 404 page
    /// (`linkKey(from:)`), so what is made once per page for its links (site partials, notices,
    /// listings) is made once per depth: a relative link climbs to the output folder (`../../`)
    /// and descends from there, whatever the folders on the way.
    public func href(to target: Route, from origin: Route) -> String {
        let path = prettyURLs ? target.path : target.outputPath
        if origin.kind == .notFound {
            return basePath == "/" ? path : String(basePath.dropLast()) + path
        }
        let relative = String(repeating: "../", count: origin.depth) + path.dropFirst()
        return relative.isEmpty ? "./" : relative
    }

    /// What `href(to:from:)` depends on for links written on `origin`, beside the target: equal keys
    /// give equal hrefs for every target (a cache key for text holding links).
    func linkKey(from origin: Route) -> LinkKey {
        origin.kind == .notFound ? LinkKey(basePath: basePath, depth: -1, prettyURLs: prettyURLs)
                                 : LinkKey(basePath: "", depth: origin.depth, prettyURLs: prettyURLs)
    }

    /// The absolute URL of a route (`https://example.org/conditions/depression/`): canonical links,
    /// hreflang, the sitemap, the feed and JSON-LD.
    public func absoluteURL(_ route: Route) -> String { baseURL + String(route.path.dropFirst()) }
}

/// What the links written on a page depend on besides their targets (see `Routes.linkKey(from:)`):
/// the page's depth for relative links; for the 404 page's root-relative links, depth -1 and the
/// base path; and `pretty_urls`.
struct LinkKey: Hashable, Sendable, CustomStringConvertible {
    var basePath: String
    var depth: Int
    var prettyURLs: Bool

    /// The key as text (a memo key): `2`, `2 pretty`, `-1 /docs/`.
    var description: String { "\(depth)\(prettyURLs ? " pretty" : "")\(basePath.isEmpty ? "" : " " + basePath)" }
}

/// The site's languages by id: the default language (the primary subtag of `language` in
/// `haven.yml`), which keeps the URLs without a prefix, then those of `languages:`, under `/<id>/`.
public struct SiteLanguages: Sendable, Equatable {
    /// The default language's id (`en` for `language: en-US`).
    public let defaultID: String
    /// Every language id, the default first, then as `haven.yml` lists them.
    public let ids: [String]
    /// The BCP 47 tag of each language (`<html lang>`, `hreflang`): `en-US`, `es-US`.
    public let tags: [String: String]

    init(config: SiteConfig) {
        let others = config.languages.filter { !$0.isDefault }.map { (id: $0.id, tag: $0.tag) }
        self.init(defaultID: config.defaultLanguage.id, tag: config.defaultLanguage.tag, others: others)
    }

    /// The default language and further ones (`id`, `tag`), in order.
    init(defaultID: String, tag: String, others: [(id: String, tag: String)]) {
        self.defaultID = defaultID
        ids = [defaultID] + others.map(\.id).filter { $0 != defaultID }
        var tags = [defaultID: tag]
        for other in others where tags[other.id] == nil { tags[other.id] = other.tag }
        self.tags = tags
    }

    /// The URL prefix of a language: `/` for the default, `/<id>/` for any other.
    func prefix(_ id: String) -> String { id == defaultID ? "/" : "/\(id)/" }

    /// Whether the site publishes in this language.
    func contains(_ id: String) -> Bool { tags[id] != nil }

    /// The BCP 47 tag of a language (its id when unknown).
    func tag(_ id: String) -> String { tags[id] ?? id }

    /// Whether a file-name suffix has the form of a language id: `^[a-z]{2,3}(-[a-z0-9]{2,8})*$`.
    static func isLanguageID(_ id: Substring) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.utf8.allSatisfy({ (97...122).contains($0) }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) }
        }
    }
}

/// Where a Markdown file is published (`Routes.page`).
struct PagePlacement: Sendable {
    var route: Route
    var slug: String
    /// The type its section folder gives it, if it is in one.
    var folderType: PageType?
    /// The file of the default-language page of its translation set: itself for a default-language
    /// page, `Content/conditions/depression.md` for `depression.es.md` (whether or not it exists).
    var translationKey: String
    /// A suffix with the form of a language id that no declared language has (`x.fr.md`).
    var undeclaredLanguage: String?
}
