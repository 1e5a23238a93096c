/// One Markdown file, parsed: its typed front matter, its body analysis and body HTML.
/// A class, immutable once made: pages are shared by every phase and listed in many places,
/// and copying them would copy all of this.
public final class Page: Sendable {
    /// Path relative to the site root, e.g. `Content/articles/online-therapy.md`.
    public let source: String
    public let type: PageType
    /// Its URL: what it is, its language and path (`Routes.href(to:from:)` writes links to it).
    public let route: Route
    /// The URL path, e.g. `/articles/online-therapy/` (without the base path).
    public var path: String { route.path }
    /// The last URL segment: the `slug` key or the file name.
    public let slug: String
    /// The file of the default-language page of its translation set: its own source for a page of
    /// the default language, `Content/conditions/depression.md` for `depression.es.md`. A page's
    /// identity is this and its language (`route.language`).
    public let translationKey: String
    /// Its language id (`en`, `es`).
    public var language: String { route.language }
    public let frontMatter: FrontMatter
    public let body: BodyAnalysis
    /// The body rendered by cmark-gfm, with links rewritten and heading ids (read from the
    /// build's `BodyStore` when it was set aside there).
    public var bodyHTML: String { storedBody.text }
    /// Whether the body HTML is empty (without reading it back from a `BodyStore`).
    var bodyHTMLIsEmpty: Bool { storedBody.isEmpty }
    private let storedBody: StoredText
    /// The file line of the body's first line.
    public let bodyFirstLine: Int
    /// The seal of the page's reader-visible content as it is now (`SealedContent`), computed when
    /// the front matter has a `review_seal` to compare it with; nil otherwise.
    public let contentSeal: String?
    /// The title lower-cased, for sorting listings.
    let sortTitle: String
    /// The date the page last changed: `updated`, else `reviewed`, else `published`, parsed once
    /// (listings, feeds and the sitemap sort by it).
    let lastModified: CalendarDate?
    /// Text made from this page alone that whole-site files repeat (feed and search-index entries).
    let memo = PageMemo()

    public var title: String { frontMatter.title?.value ?? slug }
    public var description: String? { frontMatter.description?.value }
    public var isClinical: Bool { type.isClinical }
    /// Whether the page shows the site disclaimer (unless its front matter says `disclaimer: false`).
    public var showsDisclaimer: Bool { frontMatter.disclaimer?.value ?? true }

    init(source: String, type: PageType, route: Route, slug: String, translationKey: String, frontMatter: FrontMatter, body: BodyAnalysis,
         bodyHTML: StoredText, bodyFirstLine: Int, contentSeal: String? = nil) {
        self.source = source
        self.type = type
        self.route = route
        self.slug = slug
        self.translationKey = translationKey
        self.frontMatter = frontMatter
        self.body = body
        self.storedBody = bodyHTML
        self.bodyFirstLine = bodyFirstLine
        self.contentSeal = contentSeal
        self.sortTitle = (frontMatter.title?.value ?? slug).lowercased()
        self.lastModified = frontMatter.updatedDate ?? frontMatter.reviewedDate ?? frontMatter.publishedDate
    }

    /// Newest first (`updated`, else `reviewed`, else `published`), then by title.
    static func newestFirst(_ a: Page, _ b: Page) -> Bool {
        let x = a.lastModified ?? .distantPast, y = b.lastModified ?? .distantPast
        return x != y ? x > y : byTitle(a, b)
    }

    /// Listing order: by title, then by path.
    static func byTitle(_ a: Page, _ b: Page) -> Bool {
        a.sortTitle != b.sortTitle ? a.sortTitle < b.sortTitle : a.path < b.path
    }
}
