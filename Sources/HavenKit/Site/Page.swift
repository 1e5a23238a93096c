/// One Markdown file, parsed: its typed front matter, its body analysis and body HTML.
public struct Page: Sendable {
    /// Path relative to the site root, e.g. `Content/articles/online-therapy.md`.
    public var source: String
    public var type: PageType
    /// The URL path, e.g. `/articles/online-therapy/` (without the base path).
    public var path: String
    /// The last URL segment: the `slug` key or the file name.
    public var slug: String
    public var frontMatter: FrontMatter
    public var body: BodyAnalysis
    /// The body rendered by cmark-gfm, with links rewritten and heading ids.
    public var bodyHTML: String
    /// The file line of the body's first line.
    public var bodyFirstLine: Int

    public var title: String { frontMatter.title?.value ?? slug }
    public var description: String? { frontMatter.description?.value }
    public var isClinical: Bool { type.isClinical }
    public var isDraft: Bool { frontMatter.draft }
}
