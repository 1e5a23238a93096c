import Foundation

/// Why a page is in the review queue. Cases are listed most urgent first; an item's statuses
/// keep this order.
public enum ReviewStatus: String, Sendable, CaseIterable, Comparable {
    /// The next review (`reviewed` + `review_interval_months`) was due before today.
    case overdue
    /// The page has a seal and its reader-visible content no longer matches it.
    case changedSinceReview = "changed-since-review"
    /// `updated` is later than `reviewed`.
    case unreviewedChanges = "unreviewed-changes"
    /// A translation whose source was updated after the version it follows (`source_updated`).
    case translationOutdated = "translation-outdated"
    /// The next review is due within the `--within` window.
    case dueSoon = "due-soon"
    /// No `review_seal` (or one that is not 16 hex digits): nothing ties the review to a version.
    case notSealed = "not-sealed"

    var rank: Int { ReviewStatus.allCases.firstIndex(of: self) ?? 0 }

    public static func < (a: ReviewStatus, b: ReviewStatus) -> Bool { a.rank < b.rank }
}

/// One clinical page that needs a reviewer's attention.
public struct ReviewItem: Sendable, Equatable {
    /// Relative to the site root (`Content/conditions/depression.md`).
    public var file: String
    /// The page's URL path (`/conditions/depression/`).
    public var path: String
    public var title: String
    /// The page's language id (`en`).
    public var language: String
    public var reviewer: String?
    /// The reviewer's name from `reviewers.yml`, when the id is known.
    public var reviewerName: String?
    public var reviewed: CalendarDate?
    /// `reviewed` + `review_interval_months`; nil without a `reviewed` date.
    public var due: CalendarDate?
    /// Most urgent first; never empty.
    public var statuses: [ReviewStatus]

    /// Queue order: no due date first (never reviewed), then the oldest due, then by file.
    static func byDue(_ a: ReviewItem, _ b: ReviewItem) -> Bool {
        switch (a.due, b.due) {
        case (nil, .some): return true
        case (.some, nil): return false
        case (.some(let x), .some(let y)) where x != y: return x < y
        default: return a.file < b.file
        }
    }

    /// Most urgent first: by the most urgent status, then as `byDue`.
    static func byUrgency(_ a: ReviewItem, _ b: ReviewItem) -> Bool {
        let x = a.statuses.first?.rank ?? Int.max, y = b.statuses.first?.rank ?? Int.max
        return x != y ? x < y : byDue(a, b)
    }
}

/// `haven review`: every clinical page that needs a reviewer's attention, and why.
public struct ReviewQueue: Sendable {
    /// Oldest due first (`ReviewItem.byDue`).
    public var items: [ReviewItem]
    public var today: CalendarDate
    /// The due-soon window in days.
    public var within: Int
    /// How many clinical pages were looked at (before the reviewer filter).
    public var pageCount: Int
    /// The site's `base_url`, for links to the pages.
    public var baseURL: String

    /// What the queue needs of one page, from a `Page` (serve) or a `PageHead` (the CLI, which
    /// does not parse bodies).
    struct Source {
        var file: String
        var type: PageType
        var path: String
        var language: String
        var slug: String
        var matter: FrontMatter
        var contentSeal: String?
        /// The default-language file of its translation set (its own file on a default-language page).
        var translationKey: String
    }

    /// The queue of a site folder: front matter only (bodies are hashed for pages with a seal,
    /// never parsed as Markdown). Drafts are left out, as the build leaves them out.
    public static func load(siteRoot: URL, today: CalendarDate, within: Int = 90,
                            reviewer: String? = nil) throws(HavenError) -> ReviewQueue {
        let settings = try SiteLoader.loadSettings(root: siteRoot, options: LoadOptions(today: today))
        if let reviewer, settings.registries.reviewers[reviewer] == nil {
            let hint = Suggest.closest(to: reviewer, in: Array(settings.registries.reviewers.keys)).map { " (did you mean '\($0)'?)" } ?? ""
            throw .site("--reviewer '\(reviewer)' is not in \(Registries.reviewersFile)\(hint)")
        }
        let scan = SiteScanner.scan(root: siteRoot)
        let rootPath = siteRoot.path
        FileBytes.prefetchInBackground(scan.markdown.map { rootPath + "/" + $0 })
        let languages = SiteLanguages(config: settings.config)
        let heads = parallelMap(scan.markdown) { PageHead.read(source: $0, root: rootPath, languages: languages) }
        let sources = heads.filter { !$0.matter.draft }.map {
            Source(file: $0.source, type: $0.type, path: $0.path, language: $0.route.language, slug: $0.slug, matter: $0.matter,
                   contentSeal: $0.contentSeal, translationKey: $0.translationKey)
        }
        return make(sources, config: settings.config, registries: settings.registries, today: today, within: within, reviewer: reviewer)
    }

    /// The queue of a loaded site (the serve desk).
    public static func make(_ site: Site, within: Int = 90, reviewer: String? = nil) -> ReviewQueue {
        let sources = site.pages.map {
            Source(file: $0.source, type: $0.type, path: $0.path, language: $0.route.language, slug: $0.slug, matter: $0.frontMatter,
                   contentSeal: $0.contentSeal, translationKey: $0.translationKey)
        }
        return make(sources, config: site.config, registries: site.registries, today: site.today, within: within, reviewer: reviewer)
    }

    static func make(_ sources: [Source], config: SiteConfig, registries: Registries, today: CalendarDate, within: Int,
                     reviewer: String?) -> ReviewQueue {
        let soon = today.adding(days: within)
        var items: [ReviewItem] = []
        var clinical = 0
        // The `updated` of each default-language page, by file: what its translations follow.
        let defaultLanguage = config.defaultLanguage.id
        var sourceUpdated: [String: CalendarDate] = [:]
        for page in sources where page.language == defaultLanguage {
            if let updated = page.matter.updatedDate { sourceUpdated[page.file] = updated }
        }
        for page in sources where page.type.isClinical && !page.matter.isUnreadable {
            clinical += 1
            let fm = page.matter
            if let reviewer, fm.reviewer?.value != reviewer { continue }
            let reviewed = fm.reviewedDate
            let due = reviewed?.adding(months: config.reviewIntervalMonths)
            var statuses: [ReviewStatus] = []
            if let due {
                if due < today { statuses.append(.overdue) } else if due <= soon { statuses.append(.dueSoon) }
            }
            if let seal = fm.reviewSeal, SealedContent.isWellFormed(seal.value) {
                if let now = page.contentSeal, now != seal.value { statuses.append(.changedSinceReview) }
            } else {
                statuses.append(.notSealed)
            }
            if let updated = fm.updatedDate, let reviewed, updated > reviewed { statuses.append(.unreviewedChanges) }
            if page.language != defaultLanguage, page.translationKey != page.file, let source = sourceUpdated[page.translationKey],
               fm.sourceUpdatedDate.map({ source > $0 }) ?? true {
                statuses.append(.translationOutdated)
            }
            guard !statuses.isEmpty else { continue }
            items.append(ReviewItem(file: page.file, path: page.path, title: fm.title?.value ?? page.slug, language: page.language,
                                    reviewer: fm.reviewer?.value, reviewerName: fm.reviewer.flatMap { registries.reviewers[$0.value]?.name },
                                    reviewed: reviewed, due: due, statuses: statuses.sorted()))
        }
        items.sort(by: ReviewItem.byDue)
        return ReviewQueue(items: items, today: today, within: within, pageCount: clinical, baseURL: config.baseURL)
    }

    /// Items grouped by reviewer id (pages with no reviewer last), each group most urgent first.
    public var byReviewer: [(reviewer: String?, name: String?, items: [ReviewItem])] {
        var groups: [String: [ReviewItem]] = [:]
        var unassigned: [ReviewItem] = []
        for item in items {
            if let reviewer = item.reviewer { groups[reviewer, default: []].append(item) } else { unassigned.append(item) }
        }
        var out = groups.keys.sorted().map { id -> (reviewer: String?, name: String?, items: [ReviewItem]) in
            let list = (groups[id] ?? []).sorted(by: ReviewItem.byUrgency)
            return (id, list.first?.reviewerName, list)
        }
        if !unassigned.isEmpty { out.append((nil, nil, unassigned.sorted(by: ReviewItem.byUrgency))) }
        return out
    }

    /// How many items have each status, in status order (statuses no item has are left out).
    public var counts: [(status: ReviewStatus, count: Int)] {
        ReviewStatus.allCases.compactMap { status in
            let n = items.filter { $0.statuses.contains(status) }.count
            return n == 0 ? nil : (status, n)
        }
    }
}
