/// What Haven learns from one Markdown body in a single pass over its cmark tree: everything the
/// rules, the table of contents, the search index and link checking need, so no rule walks the tree again.
public struct BodyAnalysis: Sendable {
    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        public var id: String
        public var location: SourceLocation
    }

    public struct Link: Sendable, Hashable {
        public var destination: String
        public var isImage: Bool
        /// For images, the alt text; for links, the link text.
        public var text: String
        public var location: SourceLocation
        public var target: LinkTarget
    }

    /// A run of prose: a paragraph, a heading or a table cell, with what rules need to know about it.
    public struct TextBlock: Sendable, Hashable {
        public enum Kind: Sendable, Hashable { case paragraph, heading, tableCell, footnote }
        public var kind: Kind
        /// The block's text as UTF-8 (built from cmark's text nodes without a `String` per node).
        public var bytes: [UInt8]
        public var location: SourceLocation
        public var endLine: Int
        public var inBlockQuote: Bool
        /// The block holds a link or a footnote reference (a citation).
        public var hasCitation: Bool
        /// A table cell whose row holds a citation in any of its cells (a row is one statement:
        /// "CBT | strong evidence for panic | [NICE](…)").
        public var rowHasCitation = false
        /// A cell of a table's header row (a label, like a heading).
        public var inTableHeader = false
        /// Raw HTML was already reported in this block.
        var hasRawHTML = false

        public var text: String { String(decoding: bytes, as: UTF8.self) }

        /// Whether the block has anything but white space.
        var hasVisibleText: Bool {
            for byte in bytes {
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: continue
                case 0x80...: return text.hasVisibleText  // Unicode white space (no-break space…)
                default: return true
                }
            }
            return false
        }
    }

    /// A callout, care card or do/don't list (`> [!TYPE]`), as rendered.
    public struct Alert: Sendable, Hashable {
        public var kind: AlertKind
        /// The marker's line and column.
        public var location: SourceLocation
        public var hasTitle: Bool
        /// The digits of every phone number in its text (for `care-card`).
        public var numbers: [String]
    }

    /// A `[!TYPE]` marker of no known type (shown as a plain quote).
    public struct UnknownAlert: Sendable, Hashable {
        public var type: String
        public var location: SourceLocation
    }

    public var headings: [Heading] = []
    public var alerts: [Alert] = []
    public var unknownAlerts: [UnknownAlert] = []
    public var links: [Link] = []
    public var rawHTML: [SourceLocation] = []
    /// What the wording rules found in the prose (the prose itself is not kept).
    public var prose = ProseAnalysis()
    public var hasFootnotes = false
}

extension BodyAnalysis {
    /// The level of the body's top headings as rendered (body `#` headings are shown as `h2`,
    /// since the page title is the only `h1`).
    public var topLevel: Int { headings.map(\.level).min() ?? 2 }
}
