/// What a URL of the site shows: a page, or one of the files Haven generates beside pages.
public enum RouteKind: Hashable, Sendable {
    /// A Markdown page; `section` is the section whose URL folder it is published in
    /// (`Content/articles/…` is `.article`, and so is `Content/pages/articles/…`, published under
    /// `/articles/`), nil for pages outside every section (`Content/pages/about.md` is `/about/`).
    case page(section: PageType?)
    case home
    /// The index of a section (`/modalities/`).
    case sectionIndex(PageType)
    case getHelp
    case search
    case searchIndex
    /// The search index as a script that sets a global (`search-index.js`), loaded by a `<script>`
    /// element where `fetch` cannot read the JSON (a site opened from disk).
    case searchIndexScript
    /// A reviewer's page (`/reviewers/<id>/`).
    case reviewer(String)
    case reviewerIndex
    case feed
    case sitemap
    case robots
    case notFound
    /// A file copied from `Content/media/`.
    case media
    /// A smaller width or WebP copy of an image in `Content/media/` (`/media/photo-800w.webp`),
    /// published beside it (`MediaImage.variants`).
    case imageVariant
    /// A theme asset (`/assets/haven.css`), or the assets folder itself (`/assets/`, a prefix
    /// templates append a file name to).
    case asset

    /// Whether the route is a folder whose file is `index.html` (a page, a listing), rather than a
    /// file named by its path (`/feed.xml`, `/media/photo.png`).
    var isFolder: Bool {
        switch self {
        case .page, .home, .sectionIndex, .getHelp, .search, .reviewer, .reviewerIndex: true
        case .searchIndex, .searchIndexScript, .feed, .sitemap, .robots, .notFound, .media, .imageVariant, .asset: false
        }
    }
}

/// One URL of the site: what it shows, in which language, and its path. Made once, at resolve time,
/// by `Routes` (generated files) and `Routes.page` (pages); every link to it is written by
/// `Routes.href(to:from:)` and every absolute URL by `Routes.absoluteURL(_:)`.
public struct Route: Hashable, Sendable {
    public let kind: RouteKind
    /// The language id (`en`, `es`): the default language's id is the primary subtag of `language`
    /// in `haven.yml`.
    public let language: String
    /// The site path without the base path: `/articles/online-therapy/`, `/feed.xml`.
    public let path: String
    /// How many folders deep its file lies below the output folder (`/feed.xml` 0, `/` 0,
    /// `/articles/x/` 2): all that a link written on it depends on besides its target (see
    /// `Routes.href(to:from:)`), so what is cached per page for its links is cached per depth.
    public let depth: Int

    init(_ kind: RouteKind, language: String, path: String) {
        self.kind = kind
        self.language = language
        self.path = path
        var slashes = 0
        for byte in path.utf8 where byte == UInt8(ascii: "/") { slashes += 1 }
        // A folder's file is `index.html` inside it, a file's the folder its last `/` closes: either
        // way one folder per `/` after the first.
        depth = max(slashes - 1, 0)
    }

    /// The file written for it, relative to the output folder: `/articles/x/index.html`, `/feed.xml`.
    public var outputPath: String { kind.isFolder && path.hasSuffix("/") ? path + "index.html" : path }

    /// The main navigation's state on this route: a section's index is that section's current page,
    /// a page published in a section is inside it.
    var navigation: Navigation {
        switch kind {
        case .sectionIndex(let type): Navigation(section: type.section, current: .page)
        case .page(let section?): Navigation(section: section.section, current: .inside)
        case .search: Navigation(section: Navigation.searchSection, current: .page)
        default: .outside
        }
    }
}

/// Where a route sits in the main navigation (`nav.<section>` in templates: its `aria-current`).
struct Navigation: Hashable, Sendable {
    /// The navigation section (`modalities`, `conditions`, `articles`, `search`), nil outside all.
    var section: String?
    var current: Current

    enum Current: String, Hashable, Sendable {
        /// On the section's own index: `aria-current="page"`.
        case page
        /// On a page inside the section: `aria-current="true"`.
        case inside = "true"
    }

    static let searchSection = "search"
    static let outside = Navigation(section: nil, current: .page)

    /// The sections of the main navigation, in order.
    static let sections = ["modalities", "conditions", "articles", searchSection]

    /// `nav` in templates: the section's `aria-current` value, or nothing.
    var context: TemplateObject {
        guard let section = key.section else { return [:] }
        return [section: current.rawValue]
    }

    /// The state as templates see it: every state outside the navigation's sections is `outside`.
    var key: Navigation {
        guard let section, Navigation.sections.contains(section) else { return .outside }
        return self
    }
}
