/// Where a link in Markdown leads, once resolved against the site.
public struct LinkTarget: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Another page (or the same page), by its site path, e.g. `/conditions/depression/`.
        case page(String)
        /// A page Haven generates (`/get-help/`, index pages, feed…).
        case generated(String)
        /// A file copied from `Content/media/` or `Templates/assets/`.
        case file(String)
        /// Another site, `mailto:`, `tel:`…: not checked.
        case external
        /// A fragment of the page that holds the link.
        case samePage
        /// Cannot resolve; the reason is shown to the editor.
        case broken(String)
    }

    public var kind: Kind
    /// What the output's `href`/`src` becomes.
    public var href: String
    /// The `#fragment`, without `#`, if any.
    public var fragment: String?
    /// For a link to an image in `Content/media/`: its size and variants, as the page writes them.
    var image: ImageMarkup? = nil
}
