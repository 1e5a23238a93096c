import Foundation

/// The whole site after resolve: immutable, everything later phases need, and nothing they must
/// look up on disk again.
public struct Site: Sendable {
    public let root: String
    public let config: SiteConfig
    public let registries: Registries
    /// The words readers see, per language.
    public let strings: StringTables
    /// Published pages, sorted by URL path.
    public let pages: [Page]
    /// Files copied from `Content/media/`: output path → path relative to the site root.
    public let media: [(output: String, source: String)]
    /// The images among `media`, probed: sizes, variants, findings.
    public let mediaLibrary: MediaLibrary
    /// The day the build treats as today (injected; never read from the clock here).
    public let today: CalendarDate
    let linkResolver: LinkResolver
    /// Findings of scan, parse and resolve.
    public let loadDiagnostics: [Diagnostic]

    /// Lookups by path, type and slug, the reversed link graph and taxonomy.
    let index: SiteIndex
    /// Page path → paths of the pages whose bodies link to it.
    public var backlinks: [String: [String]] { index.backlinks }
    /// Whether text made from one page for whole-site files is kept on the page (`PageMemo`): set
    /// by `IncrementalSession`, whose pages outlive a build.
    var keepsPageText = false
    /// `config.languages` by id, and the default language: made once (`SiteConfig` makes its
    /// default language anew on every call, and pages ask for their language some thirty times).
    private let languagesByID: [String: SiteLanguage]
    private let defaultLanguage: SiteLanguage

    init(root: String, config: SiteConfig, registries: Registries, strings: StringTables, pages: [Page], media: [(output: String, source: String)],
         today: CalendarDate, linkResolver: LinkResolver, loadDiagnostics: [Diagnostic], mediaLibrary: MediaLibrary = MediaLibrary()) {
        self.init(root: root, config: config, registries: registries, strings: strings, pages: pages, media: media, today: today,
                  linkResolver: linkResolver, loadDiagnostics: loadDiagnostics, index: SiteIndex(pages: pages), mediaLibrary: mediaLibrary)
    }

    private init(root: String, config: SiteConfig, registries: Registries, strings: StringTables, pages: [Page],
                 media: [(output: String, source: String)], today: CalendarDate, linkResolver: LinkResolver,
                 loadDiagnostics: [Diagnostic], index: SiteIndex, mediaLibrary: MediaLibrary) {
        self.mediaLibrary = mediaLibrary
        self.root = root
        self.config = config
        self.registries = registries
        self.strings = strings
        self.pages = pages
        self.media = media
        self.today = today
        self.linkResolver = linkResolver
        self.loadDiagnostics = loadDiagnostics
        self.index = index
        defaultLanguage = config.defaultLanguage
        languagesByID = Dictionary(config.languages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// This site with some pages replaced by new versions of themselves (same path, same type),
    /// parsed with this site's link resolver: what an edit in `haven serve` makes, without building
    /// the indexes again. Nil when a replacement has no page at its path or changes its type.
    func replacing(_ replacements: [Page], loadDiagnostics: [Diagnostic]) -> Site? {
        var pages = self.pages
        var changes: [(index: Int, old: Page, new: Page)] = []
        for page in replacements {
            guard let at = index.byPath[page.path], pages[at].source == page.source, pages[at].type == page.type else { return nil }
            changes.append((at, pages[at], page))
            pages[at] = page
        }
        var index = self.index
        index.replace(changes)
        var site = Site(root: root, config: config, registries: registries, strings: strings, pages: pages, media: media, today: today,
                        linkResolver: linkResolver, loadDiagnostics: loadDiagnostics, index: index, mediaLibrary: mediaLibrary)
        site.keepsPageText = keepsPageText
        return site
    }

    public func page(at path: String) -> Page? { index.byPath[path].map { pages[$0] } }

    /// The page of a type, language and slug.
    public func page(type: PageType, slug: String, language: String) -> Page? {
        index.bySlug[SlugKey(type: type, language: language, slug: slug)].map { pages[$0] }
    }

    /// Pages of a type, every language, in path order.
    public func pages(of type: PageType) -> [Page] { index.byType[type] ?? [] }

    /// Pages of a type in one language, in path order (what its section index lists).
    public func pages(of type: PageType, in language: String) -> [Page] { pages(of: type).filter { $0.language == language } }

    /// Pages whose front matter names this modality or condition slug, of one type, in path order.
    func pages(of type: PageType, listing term: TermKey) -> [Page] {
        (index.listedBy[term] ?? []).compactMap { pages[$0].type == type ? pages[$0] : nil }
    }

    /// The words of the default language.
    public var defaultStrings: StringTable { strings.table(defaultLanguage.id) }

    /// The route table: every generated URL, and how links and absolute URLs are written.
    public var routes: Routes { linkResolver.routes }

    /// The href of `target` written on the page or file at `origin` (`Routes.href(to:from:)`).
    public func href(to target: Route, from origin: Route) -> String { linkResolver.routes.href(to: target, from: origin) }

    /// The absolute URL of a route (`Routes.absoluteURL(_:)`).
    public func absoluteURL(_ route: Route) -> String { linkResolver.routes.absoluteURL(route) }

    // MARK: Taxonomy, both directions

    /// Modality pages related to a page: those it lists, and (for a condition) those that list it.
    public func relatedModalities(of page: Page) -> [Page] {
        var result = page.frontMatter.modalities.compactMap { term(.modality, $0.value, in: page.language) }
        if page.type == .condition {
            result += listing(TermKey(type: .condition, slug: termSlug(of: page)), of: .modality, in: page.language)
        }
        return unique(result)
    }

    /// Condition pages related to a page: those it lists, and (for a modality) those that list it.
    public func relatedConditions(of page: Page) -> [Page] {
        var result = page.frontMatter.conditions.compactMap { term(.condition, $0.value, in: page.language) }
        if page.type == .modality {
            result += listing(TermKey(type: .modality, slug: termSlug(of: page)), of: .condition, in: page.language)
        }
        return unique(result)
    }

    /// Articles that list this modality or condition.
    public func relatedArticles(of page: Page) -> [Page] {
        guard page.type == .modality || page.type == .condition else { return [] }
        return listing(TermKey(type: page.type, slug: termSlug(of: page)), of: .article, in: page.language)
    }

    private func unique(_ pages: [Page]) -> [Page] {
        var seen = Set<String>()
        return pages.filter { seen.insert($0.path).inserted }.sorted(by: Page.byTitle)
    }

    // MARK: Languages and regions

    /// The language a page is written in.
    public func language(of page: Page) -> SiteLanguage {
        language(id: page.route.language)
    }

    /// The registries with their texts in `language`.
    public func registries(in language: SiteLanguage) -> Registries {
        registries.view(for: language, defaultLanguage: defaultLanguage)
    }

    /// The registries with their texts in the language of this id (a route's `language`).
    public func registries(languageID: String) -> Registries {
        registries(in: language(id: languageID))
    }

    /// The site's language of this id (a route's `language`), the default when it has none such.
    public func language(id: String) -> SiteLanguage {
        languagesByID[id] ?? defaultLanguage
    }

    /// The crisis resources a page's warnings and its own `crisis_resources` name, without
    /// repeats, in the page's language, whatever their region.
    func namedCrisisResources(for page: Page) -> [CrisisResource] {
        let registries = registries(in: language(of: page))
        var ids: [String] = []
        for warning in page.frontMatter.contentWarnings {
            ids += registries.contentWarnings[warning.value]?.resources ?? []
        }
        ids += page.frontMatter.crisisResources.map(\.value)
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }.compactMap { registries.crisisResources[$0] }
    }

    /// The crisis resources a page shows: those its warnings name, then its own, without repeats,
    /// of its language's region (or of none), with their texts in its language.
    public func crisisResources(for page: Page) -> [CrisisResource] {
        let region = language(of: page).region
        return namedCrisisResources(for: page).filter { $0.serves(region: region) }
    }

    /// Crisis resources for a language's region, in file order, with their texts in that language
    /// (for its get-help page).
    public func regionalCrisisResources(in language: SiteLanguage) -> [CrisisResource] {
        let registries = registries(in: language)
        return registries.crisisResourceOrder.compactMap { registries.crisisResources[$0] }.filter { $0.serves(region: language.region) }
    }

    /// Crisis resources for the default language's region, in file order (for `/get-help/`).
    public var regionalCrisisResources: [CrisisResource] { regionalCrisisResources(in: defaultLanguage) }

    /// The date review is next due: `reviewed` + `review_interval_months`.
    public func nextReviewDue(_ page: Page) -> CalendarDate? {
        page.frontMatter.reviewedDate?.adding(months: config.reviewIntervalMonths)
    }
}
