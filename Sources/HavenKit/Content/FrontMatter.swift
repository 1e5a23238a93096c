/// A value from front matter with where it was written.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation
}

/// The lead image of a page.
public struct PageImage: Sendable, Hashable {
    public var src: Located<String>
    public var alt: String?
    public var credit: String?
    public var location: SourceLocation
}

/// The typed front matter of SPEC §2. Every value keeps its location for diagnostics.
public struct FrontMatter: Sendable {
    public var title: Located<String>?
    public var description: Located<String>?
    public var type: Located<PageType>?
    public var author: Located<String>?
    public var reviewer: Located<String>?
    /// Dates: the raw text is kept so a bad date can be reported; `date(_:)` gives the parsed value.
    public var reviewed: Located<String>?
    public var updated: Located<String>?
    public var published: Located<String>?
    public var slug: Located<String>?
    public var modalities: [Located<String>] = []
    public var conditions: [Located<String>] = []
    public var contentWarnings: [Located<String>] = []
    public var crisisResources: [Located<String>] = []
    public var image: PageImage?
    public var disclaimer: Located<Bool>?
    public var draft = false
    public var lint: [RuleID: Severity] = [:]
    /// Short takeaways shown under "Key points" before the body.
    public var keyPoints: [Located<String>] = []
    /// On a translation: who translated it.
    public var translator: Located<String>?
    /// On a translation: the source's `updated` that this translation follows (a date, raw text kept).
    public var sourceUpdated: Located<String>?
    /// Written by `haven review sign`: the reviewed version's seal (the raw text, checked by the review rules).
    public var reviewSeal: Located<String>?
    /// The front matter could not be read (syntax error, never closed): findings about missing
    /// keys would only repeat that fault, so rules skip them.
    public var isUnreadable = false
    /// Where the front matter starts (line 1), for findings about a missing key.
    public var start: SourceLocation
    /// Where each key was written.
    public var keyLocations: [String: SourceLocation] = [:]

    /// The keys SPEC §2 allows (from `FieldTable.frontMatter`).
    public static let keys = FieldTable.frontMatter.map(\.name)

    public init(start: SourceLocation) { self.start = start }

    /// A date key parsed as a calendar date, or nil when absent or invalid.
    public func date(_ value: Located<String>?) -> CalendarDate? {
        value.flatMap { CalendarDate(iso: $0.value) }
    }

    public var reviewedDate: CalendarDate? { date(reviewed) }
    public var updatedDate: CalendarDate? { date(updated) }
    public var publishedDate: CalendarDate? { date(published) }
    public var sourceUpdatedDate: CalendarDate? { date(sourceUpdated) }
}
