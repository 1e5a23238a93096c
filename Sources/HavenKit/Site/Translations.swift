/// Translation sets: a page's identity is its translation set (`Page.translationKey`, the file of
/// its default-language page) and its language. `modalities` and `conditions` name the slugs of
/// default-language pages (or of a page of one language alone), and lead to the page in the
/// reader's language where one exists.
extension Site {
    /// Every page of a page's translation set, itself included, in the site's language order.
    public func translations(of page: Page) -> [Page] {
        let members = (index.translations[page.translationKey] ?? []).map { pages[$0] }
        guard members.count > 1 else { return members }
        let order = routes.languages.ids
        return members.sorted { (order.firstIndex(of: $0.language) ?? order.count) < (order.firstIndex(of: $1.language) ?? order.count) }
    }

    /// The page of a page's translation set in a language, if there is one.
    public func translation(of page: Page, in language: String) -> Page? {
        if page.language == language { return page }
        return (index.translations[page.translationKey] ?? []).lazy.map { pages[$0] }.first { $0.language == language }
    }

    /// The default-language page a translation follows, if the site has it.
    public func source(of page: Page) -> Page? {
        let defaultLanguage = routes.languages.defaultID
        guard page.language != defaultLanguage else { return nil }
        return translation(of: page, in: defaultLanguage)
    }

    /// The page a `modalities`/`conditions` entry names, as a page in `language` shows it: the
    /// default-language page with that slug, or its translation into `language`; else a page of
    /// `language` with that slug (a page of one language alone).
    public func term(_ type: PageType, _ slug: String, in language: String) -> Page? {
        if let source = page(type: type, slug: slug, language: routes.languages.defaultID) {
            return translation(of: source, in: language) ?? source
        }
        return language == routes.languages.defaultID ? nil : page(type: type, slug: slug, language: language)
    }

    /// The slug other pages name a page by: its default-language page's, or its own.
    func termSlug(of page: Page) -> String {
        guard page.language != routes.languages.defaultID else { return page.slug }
        return source(of: page)?.slug ?? page.slug
    }

    /// The pages of a type in `language` whose front matter names `term` (what a page in
    /// `language` lists as naming it: pages of other languages are not listed).
    func listing(_ term: TermKey, of type: PageType, in language: String) -> [Page] {
        pages(of: type, listing: term).filter { $0.language == language }
    }
}
