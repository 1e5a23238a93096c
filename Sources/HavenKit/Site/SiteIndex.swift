/// The lookups over a site's pages: by path, by type and slug, by type, the link graph reversed,
/// and the taxonomy reversed (who lists a modality or condition). Built once per site; when pages
/// are replaced by new versions at the same paths and of the same types (an edit in `haven serve`),
/// patched in time proportional to what the replaced pages touch, not to the site.
struct SiteIndex: Sendable {
    /// Page path → index in `pages`.
    private(set) var byPath: [String: Int]
    /// Type, language and slug → index of the first page of that type, language and slug.
    private(set) var bySlug: [SlugKey: Int]
    /// Translation set (`Page.translationKey`) → indices of its pages, in path order.
    private(set) var translations: [String: [Int]]
    /// Pages of each type, in path order.
    private(set) var byType: [PageType: [Page]]
    /// Page path → paths of the pages whose bodies link to it, sorted.
    private(set) var backlinks: [String: [String]]
    /// A term (`modalities: [cbt]` names `TermKey(type: .modality, slug: "cbt")`) → indices in
    /// `pages` of the pages whose front matter names it, ascending (path order).
    private(set) var listedBy: [TermKey: [Int]]
    /// Page path → sources of the other pages that link to it with a `#fragment` (images too):
    /// the pages whose checks read its headings.
    private(set) var fragmentLinkers: [String: Set<String>]

    init(pages: [Page]) {
        var byPath: [String: Int] = [:]
        var bySlug: [SlugKey: Int] = [:]
        var translations: [String: [Int]] = [:]
        var listedBy: [TermKey: [Int]] = [:]
        var back: [String: Set<String>] = [:]
        var fragmentLinkers: [String: Set<String>] = [:]
        for (index, page) in pages.enumerated() {
            if byPath[page.path] == nil { byPath[page.path] = index }
            let slugKey = SlugKey(type: page.type, language: page.language, slug: page.slug)
            if bySlug[slugKey] == nil { bySlug[slugKey] = index }
            translations[page.translationKey, default: []].append(index)
            for term in SiteIndex.terms(of: page) { listedBy[term, default: []].append(index) }
            for target in SiteIndex.linkTargets(of: page) { back[target, default: []].insert(page.path) }
            for target in SiteIndex.fragmentTargets(of: page) { fragmentLinkers[target, default: []].insert(page.source) }
        }
        self.byPath = byPath
        self.bySlug = bySlug
        self.translations = translations
        self.byType = Dictionary(grouping: pages, by: \.type)
        self.backlinks = back.mapValues { $0.sorted() }
        self.listedBy = listedBy
        self.fragmentLinkers = fragmentLinkers
    }

    /// The terms a page names, each once.
    static func terms(of page: Page) -> Set<TermKey> {
        var terms = Set<TermKey>()
        for term in page.frontMatter.modalities { terms.insert(TermKey(type: .modality, slug: term.value)) }
        for term in page.frontMatter.conditions { terms.insert(TermKey(type: .condition, slug: term.value)) }
        return terms
    }

    /// The pages a page's body links to (not images, not itself): what `backlinks` is made of.
    static func linkTargets(of page: Page) -> Set<String> {
        var targets = Set<String>()
        for link in page.body.links where !link.isImage {
            if case .page(let target) = link.target.kind, target != page.path { targets.insert(target) }
        }
        return targets
    }

    /// The other pages a page links to with a `#fragment`, images included.
    static func fragmentTargets(of page: Page) -> Set<String> {
        var targets = Set<String>()
        for link in page.body.links {
            if case .page(let target) = link.target.kind, target != page.path, let fragment = link.target.fragment, !fragment.isEmpty {
                targets.insert(target)
            }
        }
        return targets
    }

    /// This index after `replacements` (index in `pages` → old and new version) were put into
    /// `pages`. Every new version has the path and the type of the old one (the caller checks).
    mutating func replace(_ replacements: [(index: Int, old: Page, new: Page)]) {
        for (index, old, new) in replacements {
            if var list = byType[new.type], let at = SiteIndex.position(of: new.path, in: list), list[at].path == new.path {
                byType[new.type] = nil  // keep `list` the only reference, so the write below does not copy it
                list[at] = new
                byType[new.type] = list
            }
            let oldTerms = SiteIndex.terms(of: old), newTerms = SiteIndex.terms(of: new)
            for term in oldTerms.subtracting(newTerms) {
                listedBy[term]?.removeAll { $0 == index }
                if listedBy[term]?.isEmpty == true { listedBy[term] = nil }
            }
            for term in newTerms.subtracting(oldTerms) {
                var list = listedBy[term] ?? []
                let at = list.firstIndex { $0 > index } ?? list.endIndex
                list.insert(index, at: at)
                listedBy[term] = list
            }
            let oldTargets = SiteIndex.linkTargets(of: old), newTargets = SiteIndex.linkTargets(of: new)
            for target in oldTargets.subtracting(newTargets) {
                backlinks[target]?.removeAll { $0 == new.path }
                if backlinks[target]?.isEmpty == true { backlinks[target] = nil }
            }
            for target in newTargets.subtracting(oldTargets) {
                var list = backlinks[target] ?? []
                let at = list.firstIndex { $0 >= new.path } ?? list.endIndex
                if at == list.endIndex || list[at] != new.path { list.insert(new.path, at: at) }
                backlinks[target] = list
            }
            let oldFragments = SiteIndex.fragmentTargets(of: old), newFragments = SiteIndex.fragmentTargets(of: new)
            for target in oldFragments.subtracting(newFragments) {
                fragmentLinkers[target]?.remove(old.source)
                if fragmentLinkers[target]?.isEmpty == true { fragmentLinkers[target] = nil }
            }
            for target in newFragments.subtracting(oldFragments) { fragmentLinkers[target, default: []].insert(new.source) }
        }
    }

    /// Where `path` is or would go in a list of pages sorted by path (binary search).
    private static func position(of path: String, in pages: [Page]) -> Int? {
        var low = 0, high = pages.count
        while low < high {
            let mid = (low + high) / 2
            if pages[mid].path < path { low = mid + 1 } else { high = mid }
        }
        return low < pages.count ? low : nil
    }
}

/// A page's type, language and slug: what `modalities`/`conditions` look pages up by.
struct SlugKey: Hashable, Sendable {
    var type: PageType
    var language: String
    var slug: String
}

/// A modality or condition as front matter names it: the list it is in and the slug (of the
/// default-language page, or of a page of one language alone).
struct TermKey: Hashable, Sendable {
    var type: PageType
    var slug: String
}
