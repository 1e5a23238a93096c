/// What an edit of pages makes stale: the pages to check again, the pages to render again, and the
/// generated files (listings, feeds, search index) that show data the edit changed. Pages edited in
/// place (same paths, same URL table) touch only what shows the changed data; pages added, removed
/// or moved regenerate every listing. Each rule below names what a clean build would show differently;
/// `IncrementalSessionTests` compares the result with a clean build after every kind of edit.
struct IncrementalPlan {
    /// Sources of the edited pages (the files read again that are pages).
    var edited = Set<String>()
    /// Sources of the pages whose model checks run again.
    var recheck = Set<String>()
    /// Sources of the pages rendered again.
    var rerender = Set<String>()
    /// The generated files made again (`/articles/`, `/feed.xml`).
    var regenerate = Set<Route>()
    /// Render every page and generated file again (a footer page renamed).
    var renderEverything = false
    /// Make every generated file again (the URL table changed: listings, counts, sitemap).
    var regenerateEverything = false
    /// Check every page again (a page changed type: taxonomy checks of every page may change).
    var recheckEverything = false

    /// Everything again.
    static var everything: IncrementalPlan {
        var plan = IncrementalPlan()
        plan.renderEverything = true
        plan.recheckEverything = true
        return plan
    }

    /// The plan for pages replaced in place: `changes` pairs each page as `old` had it with the
    /// version in `new` (same path), and for pages `added` (or moved) and `removed` (or moved away).
    ///
    /// `onlyEditedRendered`: for check-only mode (`haven lsp`) with the built-in templates, where
    /// "rendering" a page is running the rendered-page checks on `Theme.checkView`
    /// (`SiteRenderer.renderedChecks`). That view shows only the page's own crisis notice, a
    /// placeholder for its body and the site's disclaimer, and `RenderedPageChecks` reads only that
    /// page and the settings, so another page's edit cannot change a page's rendered findings (its
    /// title in a related list or a footer would change the page's HTML in a build): only the
    /// edited pages are rendered, and what shows them elsewhere is not worked out. What it buys:
    /// typing in a condition's title re-checked the ~450 pages that list it on the 10,000-page
    /// corpus (debug build: 650 ms a keystroke, 300 ms of it CPU; after, 76 ms and 11 ms), in a footer
    /// page's title every page. Only for pages edited in place: with pages added or removed, or
    /// links resolving otherwise, it is ignored.
    init(changes: [(old: Page, new: Page)], added: [Page] = [], removed: [Page] = [], old: Site, new: Site,
         onlyEditedRendered: Bool = false) {
        self.init(replaced: changes, old: old, new: new, rendersOthers: !onlyEditedRendered || !added.isEmpty || !removed.isEmpty
                                                           || old.linkResolver != new.linkResolver)
        if recheckEverything { return }
        guard !added.isEmpty || !removed.isEmpty || old.linkResolver != new.linkResolver else { return }
        // Listings, their counts, the sitemap and the feeds show the set of pages.
        regenerateEverything = true
        for page in added {
            edited.insert(page.source)
            rerender.insert(page.source)
            recheck.insert(page.source)
        }
        for (pages, site) in [(added, new), (removed, old)] {
            for page in pages {
                // Pages that list it, or that it lists or links to, show it or stop showing it.
                rerender.formUnion(IncrementalPlan.neighbours(of: page, in: site).map(\.source))
                // Every footer lists the pages of type `page`.
                if page.type == .page { renderEverything = true }
                // A translation set gained or lost a member (or a page of one language alone came or
                // went): what shows the set or a member of it.
                if site.translations(of: page).count > 1 || page.language != site.routes.languages.defaultID {
                    addTranslationSetChange(of: page, old: old, new: new)
                }
                // Links to its path now check another page's headings, or none.
                recheck.formUnion(site.index.fragmentLinkers[page.path] ?? [])
            }
        }
        // Which modalities and conditions exist decides the unknown-term checks and their hints.
        let types = Set((added + removed).map(\.type)).filter { $0 == .modality || $0 == .condition }
        var slugs = Set<TermKey>()
        for (pages, site) in [(added, new), (removed, old)] {
            for page in pages {
                slugs.insert(TermKey(type: page.type, slug: page.slug))
                slugs.insert(TermKey(type: page.type, slug: site.termSlug(of: page)))
            }
        }
        let defaultLanguage = new.routes.languages.defaultID
        for (term, indices) in new.index.listedBy where types.contains(term.type) {
            if slugs.contains(term) || new.page(type: term.type, slug: term.slug, language: defaultLanguage) == nil {
                recheck.formUnion(indices.map { new.pages[$0].source })
            }
        }
        // A lead image is resolved when checked and rendered: one that now resolves otherwise.
        for page in new.pages {
            guard let image = page.frontMatter.image,
                  old.linkResolver.resolve(image.src.value, from: page.source) != new.linkResolver.resolve(image.src.value, from: page.source)
            else { continue }
            recheck.insert(page.source)
            rerender.insert(page.source)
        }
    }

    /// A page added to or removed from its translation set. Every other member, in either site,
    /// shows the set: `<link rel="alternate">`, the language switcher, JSON-LD `workTranslation`
    /// and `translationOfWork`, the translation notice; and checks against it (`translation-outdated`
    /// on a translation whose source came or went, `translation-type`). A member's term slug (the
    /// source's) may change with it, so the pages naming or named by each member, in any language,
    /// show another page for a term or list another one (`neighbours`). Pages linking to a member
    /// now have, or no longer have, a translation of it in their language (`link-to-other-language`):
    /// checked again (a term's existence, which the unknown-term checks read, is the caller's:
    /// the added and removed slugs). The generated files (listings, feeds, search index, sitemap alternates) are
    /// made again by the caller (`regenerateEverything`), and the page itself is the caller's too.
    private mutating func addTranslationSetChange(of page: Page, old: Site, new: Site) {
        for site in [old, new] {
            // The set is the one of its translation key (`translations(of:)` reads only that).
            for member in site.translations(of: page) {
                if member.source != page.source {
                    rerender.insert(member.source)
                    recheck.insert(member.source)
                }
                rerender.formUnion(IncrementalPlan.neighbours(of: member, in: site).map(\.source))
                for linker in site.backlinks[member.path] ?? [] {
                    if let linking = site.page(at: linker) { recheck.insert(linking.source) }
                }
            }
        }
    }

    /// The plan for pages replaced in place (same paths, same URL table).
    private init(replaced changes: [(old: Page, new: Page)], old: Site, new: Site, rendersOthers: Bool) {
        var needsHome: [(old: Page, new: Page)] = []
        for (before, after) in changes {
            if before.type != after.type { self = .everything; return }
            edited.insert(after.source)
            rerender.insert(after.source)
            recheck.insert(after.source)
            let edit = PageEdit(before, after)
            // The other pages of its translation set show its dates, title and URL (alternates,
            // switcher, the translation notice, JSON-LD), and check against it.
            for site in [old, new] {
                for member in site.translations(of: after) where member.source != after.source {
                    if rendersOthers { rerender.insert(member.source) }
                    recheck.insert(member.source)
                }
            }

            // Pages whose checks read this page's headings (`#fragment` links to it).
            if edit.anchorsChanged {
                for site in [old, new] { recheck.formUnion(site.index.fragmentLinkers[after.path] ?? []) }
            }
            guard rendersOthers else { continue }
            // Every page's footer lists the pages of type `page` by title.
            if after.type == .page && edit.titleChanged { renderEverything = true }
            // Pages that show this page's title and description in their related lists and JSON-LD.
            if edit.linkChanged || edit.termsChanged || edit.linkTargetsChanged {
                for site in [old, new] {
                    for page in [before, after] { rerender.formUnion(IncrementalPlan.neighbours(of: page, in: site).map(\.source)) }
                }
            }

            // Generated files, each by what it shows.
            let routes = new.routes, language = after.route.language
            if Routes.sectionTypes.contains(after.type), edit.linkChanged { regenerate.insert(routes.section(after.type, language)) }
            if after.type == .modality || after.type == .condition, edit.linkChanged { regenerate.insert(routes.home(language)) }
            if after.type == .article, edit.linkChanged || edit.datesChanged { needsHome.append((before, after)) }
            if edit.reviewerChanged || edit.linkChanged {
                for id in Set([before.frontMatter.reviewer?.value, after.frontMatter.reviewer?.value].compactMap { $0 }) {
                    regenerate.insert(routes.reviewer(id, language))
                }
            }
            if edit.datesChanged || edit.reviewerChanged { regenerate.insert(routes.sitemap) }
            if before.isClinical, edit.linkChanged || edit.datesChanged || edit.authorChanged { regenerate.insert(routes.feed(language)) }
            if edit.linkChanged || edit.keywordsChanged {
                regenerate.insert(routes.searchIndex(language))
                regenerate.insert(routes.searchIndexScript(language))
            }
            // A term's title is a keyword of the pages naming it, in every language that has no
            // translation of the term.
            if after.type == .modality || after.type == .condition, edit.titleChanged {
                for id in routes.languages.ids {
                    regenerate.insert(routes.searchIndex(id))
                    regenerate.insert(routes.searchIndexScript(id))
                }
            }
        }
        // The home page lists the newest articles: only an article among them, before or after, shows.
        if !needsHome.isEmpty {
            for edit in needsHome {
                let language = edit.new.language
                let shown = IncrementalPlan.newestArticles(old, in: language).union(IncrementalPlan.newestArticles(new, in: language))
                if shown.contains(edit.new.path) { regenerate.insert(new.routes.home(language)) }
            }
        }
    }

    private init() {}

    /// Pages that may show `page` in their related lists: the terms it names, the pages naming it,
    /// the pages it links to.
    static func neighbours(of page: Page, in site: Site) -> [Page] {
        var result = page.frontMatter.modalities.compactMap { site.term(.modality, $0.value, in: page.language) }
        result += page.frontMatter.conditions.compactMap { site.term(.condition, $0.value, in: page.language) }
        if page.type == .modality || page.type == .condition {
            result += (site.index.listedBy[TermKey(type: page.type, slug: site.termSlug(of: page))] ?? []).map { site.pages[$0] }
        }
        result += SiteIndex.linkTargets(of: page).compactMap(site.page(at:))
        return result
    }

    /// Paths of the articles a language's home page lists (the newest, as `Page.newestFirst` orders them).
    static func newestArticles(_ site: Site, in language: String) -> Set<String> {
        var top: [Page] = []
        let count = SiteRenderer.homeArticleCount
        for page in site.pages(of: .article, in: language) {
            if top.count == count, let last = top.last, !Page.newestFirst(page, last) { continue }
            let at = top.firstIndex { Page.newestFirst(page, $0) } ?? top.endIndex
            top.insert(page, at: at)
            if top.count > count { top.removeLast() }
        }
        return Set(top.map(\.path))
    }
}

/// What changed between two versions of one page, in the terms other pages and files show it.
struct PageEdit {
    /// Title or description: what every listing shows of a page.
    let linkChanged: Bool
    let titleChanged: Bool
    let termsChanged: Bool
    let linkTargetsChanged: Bool
    let anchorsChanged: Bool
    let datesChanged: Bool
    let reviewerChanged: Bool
    let authorChanged: Bool
    /// Headings' text and the terms: the search index's keywords.
    let keywordsChanged: Bool

    init(_ old: Page, _ new: Page) {
        let a = old.frontMatter, b = new.frontMatter
        titleChanged = old.title != new.title
        linkChanged = titleChanged || old.description != new.description
        termsChanged = a.modalities.map(\.value) != b.modalities.map(\.value) || a.conditions.map(\.value) != b.conditions.map(\.value)
        linkTargetsChanged = SiteIndex.linkTargets(of: old) != SiteIndex.linkTargets(of: new)
        anchorsChanged = old.body.headings.map(\.id) != new.body.headings.map(\.id) || old.body.hasFootnotes != new.body.hasFootnotes
        datesChanged = a.updated?.value != b.updated?.value || a.reviewed?.value != b.reviewed?.value || a.published?.value != b.published?.value
        reviewerChanged = a.reviewer?.value != b.reviewer?.value
        authorChanged = a.author?.value != b.author?.value
        keywordsChanged = termsChanged || old.body.headings.map(\.text) != new.body.headings.map(\.text)
    }
}
