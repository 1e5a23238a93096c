/// The keys Haven reads, per kind of file, with their types and one-line descriptions: the one
/// table the readers take their key lists from (`FrontMatter.keys`, `SiteConfig.knownKeys`, the
/// data-file fields), and from which `haven schema` and the language server's completion are made.
public struct FieldSpec: Sendable {
    /// What a value must be.
    public indirect enum Kind: Sendable, Equatable {
        case text
        /// A calendar date `YYYY-MM-DD`.
        case date
        case bool
        /// A whole number above 0.
        case positiveInteger
        /// A number above 0.
        case positiveNumber
        /// An absolute http(s) URL.
        case url
        /// One of these words.
        case oneOf([String])
        /// An id of a registry (`reviewer`).
        case id(Registry)
        /// A list of ids of a registry; a single id is read as a one-item list.
        case ids(Registry)
        /// A list of slugs of pages of this type; a single slug is read as a one-item list.
        case slugs(PageType)
        /// A list of short texts; a single text is read as a one-item list.
        case textList
        /// A URL segment: letters, digits, `-`, `_`, `.`.
        case slug
        /// A map of rule id → `off`, `warning`, `error`.
        case lint
        /// The lead image map: `src`, `alt`, `credit`.
        case image
        /// 16 lower-case hex digits.
        case seal
        /// A list of texts (a data file's `resources`).
        case idList(Registry)
        /// A data-file text: plain text, or a map of language id → text (`{en: …, es: …}`).
        case localizedText
        /// A list of language ids (`[en, es]`).
        case languageIDs
        /// `languages:` of `haven.yml`: language id → the settings of `FieldTable.language`.
        case languages
        /// A BCP 47 language tag (`en-US`).
        case languageTag
    }

    /// The registries of `Content/_data/`.
    public enum Registry: String, Sendable, CaseIterable {
        case reviewers, crisisResources = "crisis-resources", contentWarnings = "content-warnings"

        /// The data file, relative to the site root.
        public var file: String {
            switch self {
            case .reviewers: Registries.reviewersFile
            case .crisisResources: Registries.crisisResourcesFile
            case .contentWarnings: Registries.contentWarningsFile
            }
        }
    }

    /// When the key must be given.
    public enum Requirement: Sendable, Equatable {
        case optional
        /// On every file of the kind.
        case always
        /// On clinical pages (`article`, `modality`, `condition`).
        case clinical
    }

    public var name: String
    public var kind: Kind
    public var required: Requirement
    /// One line for completion menus and schema descriptions.
    public var summary: String

    public init(_ name: String, _ kind: Kind, _ required: Requirement = .optional, _ summary: String) {
        self.name = name
        self.kind = kind
        self.required = required
        self.summary = summary
    }
}

/// The key tables, by kind of file.
public enum FieldTable {
    /// Front matter (SPEC §2), in the order the README lists the keys.
    public static let frontMatter: [FieldSpec] = [
        FieldSpec("title", .text, .always, "The page title (its <h1> and <title>)."),
        FieldSpec("description", .text, .clinical, "One plain sentence: the summary in listings, search, the feed and the meta description."),
        FieldSpec("type", .oneOf(PageType.allCases.map(\.rawValue)), .optional, "article, modality, condition or page; defaults from the folder."),
        FieldSpec("author", .text, .clinical, "Who wrote or last changed the page."),
        FieldSpec("reviewer", .id(.reviewers), .clinical, "The medical reviewer: an id from Content/_data/reviewers.yml."),
        FieldSpec("reviewed", .date, .clinical, "The date of the last medical review (YYYY-MM-DD)."),
        FieldSpec("updated", .date, .clinical, "The date of the last content change (YYYY-MM-DD)."),
        FieldSpec("published", .date, .optional, "The date of first publication (YYYY-MM-DD)."),
        FieldSpec("slug", .slug, .optional, "The URL segment (letters, digits, -, _ and .); defaults to the file name."),
        FieldSpec("modalities", .slugs(.modality), .optional, "Therapies this page is about or mentions (modality slugs)."),
        FieldSpec("conditions", .slugs(.condition), .optional, "Conditions this page is about or mentions (condition slugs)."),
        FieldSpec("content_warnings", .ids(.contentWarnings), .optional, "Sensitive topics on the page: shows the notice and its crisis resources."),
        FieldSpec("crisis_resources", .ids(.crisisResources), .optional, "More crisis help to show, beside what the warnings imply."),
        FieldSpec("image", .image, .optional, "Lead image from Content/media/: a map of src, alt (required) and credit."),
        FieldSpec("disclaimer", .bool, .optional, "Default true; false is allowed on type page only."),
        FieldSpec("draft", .bool, .optional, "Drafts are built and checked only with --drafts."),
        FieldSpec("lint", .lint, .optional, "This file's severity overrides: rule id → off, warning or error."),
        FieldSpec("key_points", .textList, .optional, "Short plain sentences shown under \"Key points\" before the body."),
        FieldSpec("translator", .text, .optional, "On a translation: who translated it."),
        FieldSpec("source_updated", .date, .optional, "On a translation: the source's updated date this translation follows."),
        FieldSpec("review_seal", .seal, .optional, "Written by haven review sign: the reviewed version (16 hex digits)."),
    ]

    /// `haven.yml`.
    public static let config: [FieldSpec] = [
        FieldSpec("title", .text, .optional, "The site name (default: Haven site)."),
        FieldSpec("base_url", .url, .optional, "Absolute URL of the site; its path prefixes every link."),
        FieldSpec("language", .languageTag, .optional, "BCP 47 tag of the default language (default: en); its id is the primary subtag."),
        FieldSpec("region", .text, .optional, "Region whose crisis resources /get-help/ lists (default: US)."),
        FieldSpec("disclaimer", .text, .optional, "Text shown on every clinical page."),
        FieldSpec("review_interval_months", .positiveInteger, .optional, "How long a review stays current, in months (default: 36)."),
        FieldSpec("reading_grade_max", .positiveNumber, .optional, "Highest Flesch–Kincaid grade before reading-level warns (default: 9)."),
        FieldSpec("reading_ease_min", .positiveNumber, .optional, "Lowest Fernández Huerta reading ease before reading-level warns, for Spanish (default: 60)."),
        FieldSpec("languages", .languages, .optional, "Further languages by id (es, en-gb): tag, region, title, disclaimer."),
        FieldSpec("quick_exit_url", .url, .optional, "Where \"Exit this page\" leads (default: https://www.google.com/)."),
        FieldSpec("pretty_urls", .bool, .optional, "true: links end in / instead of naming index.html, for sites only ever served (default: false)."),
        FieldSpec("lint", .lint, .optional, "Severity per rule id: off, warning or error."),
    ]

    /// One language of `languages:` in `haven.yml`.
    public static let language: [FieldSpec] = [
        FieldSpec("tag", .languageTag, .optional, "BCP 47 tag for <html lang> and hreflang (default: the id)."),
        FieldSpec("region", .text, .optional, "Region whose crisis services its pages show (default: the site's region)."),
        FieldSpec("title", .text, .optional, "The site title in this language (default: the site's title)."),
        FieldSpec("disclaimer", .text, .always, "The disclaimer every clinical page in this language shows."),
        FieldSpec("reading_grade_max", .positiveNumber, .optional, "Highest Flesch–Kincaid grade for this language (default: the site's)."),
        FieldSpec("reading_ease_min", .positiveNumber, .optional, "Lowest Fernández Huerta ease for this language (default: the site's)."),
    ]

    /// An entry of `Content/_data/reviewers.yml`.
    public static let reviewer: [FieldSpec] = [
        FieldSpec("name", .localizedText, .always, "The reviewer's name, as the byline shows it."),
        FieldSpec("credentials", .localizedText, .always, "Qualifications shown after the name (PhD, LPC)."),
        FieldSpec("bio", .localizedText, .optional, "A short biography for the reviewer's page."),
        FieldSpec("placeholder", .bool, .optional, "An example person, refused by haven build --production."),
    ]

    /// An entry of `Content/_data/crisis-resources.yml`.
    public static let crisisResource: [FieldSpec] = [
        FieldSpec("name", .localizedText, .always, "The service's name."),
        FieldSpec("phone", .text, .optional, "Shown as written, linked as tel: (E.164, a national number or a short code such as 988)."),
        FieldSpec("display", .localizedText, .optional, "How the number is shown, e.g. 1-800-662-HELP (4357)."),
        FieldSpec("sms", .text, .optional, "A number to text, linked as sms:."),
        FieldSpec("sms_keyword", .localizedText, .optional, "The word to text, e.g. HOME."),
        FieldSpec("url", .url, .optional, "The service's web page (https only)."),
        FieldSpec("hours", .localizedText, .optional, "When it answers, e.g. 24/7, 365 days a year."),
        FieldSpec("region", .text, .optional, "The region it serves; /get-help/ lists those of haven.yml's region."),
        FieldSpec("description", .localizedText, .optional, "What it offers, in a sentence."),
        FieldSpec("verified_on", .date, .optional, "When someone last checked the number works (warned after 12 months)."),
        FieldSpec("languages", .languageIDs, .optional, "The languages the service answers in, e.g. [en, es]."),
        FieldSpec("emergency", .bool, .optional, "An emergency number (911, 999, 112), not a helpline."),
    ]

    /// An entry of `Content/_data/content-warnings.yml`.
    public static let contentWarning: [FieldSpec] = [
        FieldSpec("label", .localizedText, .always, "Shown as \"This page talks about …\"."),
        FieldSpec("resources", .idList(.crisisResources), .optional, "Crisis resource ids the notice shows."),
        FieldSpec("description", .localizedText, .optional, "What the topic covers."),
        FieldSpec("quick_exit", .bool, .optional, "Its pages show an \"Exit this page\" button at the top (for topics such as abuse)."),
    ]

    /// The entry fields of a registry's data file.
    public static func fields(of registry: FieldSpec.Registry) -> [FieldSpec] {
        switch registry {
        case .reviewers: reviewer
        case .crisisResources: crisisResource
        case .contentWarnings: contentWarning
        }
    }
}
