/// The stable id of every rule (SPEC §4). Ids never change; new rules may be added.
public enum RuleID: String, Sendable, Codable, CaseIterable, Hashable {
    // Metadata
    case frontMatterSyntax = "front-matter-syntax"
    case unknownKey = "unknown-key"
    case invalidValue = "invalid-value"
    case fileEncoding = "file-encoding"
    case dataSyntax = "data-syntax"
    case missingTitle = "missing-title"
    case missingDescription = "missing-description"
    case missingAuthor = "missing-author"
    case missingReviewer = "missing-reviewer"
    case unknownReviewer = "unknown-reviewer"
    case placeholderReviewer = "placeholder-reviewer"
    case missingDate = "missing-date"
    case invalidDate = "invalid-date"
    case futureDate = "future-date"
    case reviewOverdue = "review-overdue"
    case unreviewedChanges = "unreviewed-changes"
    case reviewSealBroken = "review-seal-broken"
    case missingReviewSeal = "missing-review-seal"
    // Safety
    case missingDisclaimer = "missing-disclaimer"
    case unknownContentWarning = "unknown-content-warning"
    case missingCrisisResource = "missing-crisis-resource"
    case unknownCrisisResource = "unknown-crisis-resource"
    case crisisResourceUnverified = "crisis-resource-unverified"
    case invalidPhone = "invalid-phone"
    case retiredCrisisNumber = "retired-crisis-number"
    case crisisNumber = "crisis-number"
    case careCard = "care-card"
    // Structure and content
    case unknownTerm = "unknown-term"
    case brokenLink = "broken-link"
    case missingAlt = "missing-alt"
    case duplicateSlug = "duplicate-slug"
    case symlink = "symlink"
    case rawHTML = "raw-html"
    case unknownCallout = "unknown-callout"
    // Language
    case unsafeMessaging = "unsafe-messaging"
    case stigmatizingLanguage = "stigmatizing-language"
    case readingLevel = "reading-level"
    case uncitedClaim = "uncited-claim"
    case hardSentence = "hard-sentence"
    // Languages and regions
    case unknownLanguage = "unknown-language"
    case missingTranslation = "missing-translation"
    case translationOutdated = "translation-outdated"
    case linkToOtherLanguage = "link-to-other-language"
    case translationType = "translation-type"
    // Media
    case imageTooLarge = "image-too-large"
    case invalidImage = "invalid-image"

    /// The severity a finding has unless `haven.yml` or the file's front matter says otherwise.
    public var defaultSeverity: Severity {
        switch self {
        case .missingReviewSeal:
            .off
        case .placeholderReviewer, .reviewOverdue, .unreviewedChanges, .reviewSealBroken, .crisisResourceUnverified,
             .rawHTML, .unsafeMessaging, .stigmatizingLanguage, .readingLevel, .uncitedClaim, .translationOutdated, .linkToOtherLanguage,
             .unknownCallout, .hardSentence, .imageTooLarge:
            .warning
        default:
            .error
        }
    }

    /// Rules whose findings a file's own `lint:` map may not silence: turning them off
    /// per file would let the file hide the very fault (a broken `lint:` map, unreadable bytes).
    public var isFileSuppressible: Bool {
        switch self {
        case .frontMatterSyntax, .fileEncoding, .dataSyntax: false
        default: true
        }
    }

    public init?(id: String) { self.init(rawValue: id) }
}
