/// `haven.yml`: the site's configuration (SPEC §2).
public struct SiteConfig: Sendable {
    public var title: String
    /// Absolute URL of the site root, always ending in `/`.
    public var baseURL: String
    public var language: String
    public var region: String
    public var disclaimer: String
    public var reviewIntervalMonths: Int
    public var readingGradeMax: Double
    /// The default language's Fernández Huerta ease minimum (used when it is Spanish).
    public var readingEaseMin: Double
    /// Where "Exit this page" leads (`quick_exit_url`): a page that gives nothing away.
    public var quickExitURL = SiteConfig.defaultQuickExitURL
    public static let defaultQuickExitURL = "https://www.google.com/"
    /// `pretty_urls`: links to pages end in `/` (`../conditions/depression/`) instead of naming
    /// `index.html`, for sites only ever served (the default output also works opened from disk).
    public var prettyURLs = false
    /// Site-wide severity overrides per rule.
    public var lint: [RuleID: Severity]
    /// The further languages of `languages:`, in the order `haven.yml` gives them.
    public var otherLanguages: [SiteLanguage] = []

    public static let fileName = "haven.yml"
    static let knownKeys = FieldTable.config.map(\.name)
    static let languageKeys = FieldTable.language.map(\.name)
    public static let defaultReadingEaseMin: Double = 60

    /// The default language, from `language`, `region`, `title`, `disclaimer` and the reading
    /// settings: its id is the primary subtag of `language` (`en-US` → `en`).
    public var defaultLanguage: SiteLanguage {
        SiteLanguage(id: SiteLanguage.primarySubtag(of: language), tag: language, region: region, title: title,
                     disclaimer: disclaimer, readingGradeMax: readingGradeMax, readingEaseMin: readingEaseMin,
                     isDefault: true, readsPlainText: true)
    }

    /// Every language the site publishes in: the default first, then `languages:` in file order.
    public var languages: [SiteLanguage] { [defaultLanguage] + otherLanguages }

    /// The language with this id, if the site publishes in it.
    public func language(id: String) -> SiteLanguage? {
        id == defaultLanguage.id ? defaultLanguage : otherLanguages.first { $0.id == id }
    }

    /// Whether the site publishes in more than its default language.
    public var isMultilingual: Bool { !otherLanguages.isEmpty }

    public init(title: String = "Haven site", baseURL: String = "http://localhost:8000/", language: String = "en",
                region: String = "US", disclaimer: String = SiteConfig.defaultDisclaimer,
                reviewIntervalMonths: Int = 36, readingGradeMax: Double = 9,
                readingEaseMin: Double = SiteConfig.defaultReadingEaseMin, lint: [RuleID: Severity] = [:]) {
        self.title = title
        self.baseURL = SiteConfig.normalizedBaseURL(baseURL)
        self.language = language
        self.region = region
        self.disclaimer = disclaimer
        self.reviewIntervalMonths = reviewIntervalMonths
        self.readingGradeMax = readingGradeMax
        self.readingEaseMin = readingEaseMin
        self.lint = lint
    }

    public static let defaultDisclaimer =
        "This information is for education only. It does not replace advice, diagnosis or treatment from a qualified professional."

    /// The path part of `base_url` (`/` or `/docs/`): every link Haven writes starts with it.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    static func normalizedBaseURL(_ url: String) -> String {
        url.hasSuffix("/") ? url : url + "/"
    }

    /// Reads `haven.yml` through `YAMLFieldReader`. Any fault here stops Haven (exit 2): the
    /// configuration is not content. The first fault in the file is the one reported.
    public static func parse(_ text: String, file: String = SiteConfig.fileName) throws(HavenError) -> SiteConfig {
        let reader = YAMLFieldReader(file: file, valueRule: .invalidValue)
        var config = SiteConfig()
        read(text, into: &config, reader)
        if let fault = reader.firstFault { throw .config(fault.location, fault.message) }
        return config
    }

    private static func read(_ text: String, into config: inout SiteConfig, _ reader: YAMLFieldReader) {
        guard case .success(let root?) = reader.compose(text, syntaxRule: .invalidValue, duplicateRule: .invalidValue),
              let map = reader.map(root, known: knownKeys, naming: .settings, shape: "haven.yml must be a map of settings")
        else { return }
        var languages: YAMLField?
        for field in map.fields {
            switch field.key {
            case "title": config.title = required(field, reader) ?? config.title
            case "base_url":
                guard let url = required(field, reader) else { break }
                guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                    reader.report(.invalidValue, field.valueLocation, "'base_url' must be an absolute http(s) URL, found '\(url)'")
                    break
                }
                config.baseURL = normalizedBaseURL(url)
            case "language": config.language = required(field, reader) ?? config.language
            case "region": config.region = required(field, reader) ?? config.region
            case "disclaimer": config.disclaimer = required(field, reader) ?? config.disclaimer
            case "review_interval_months":
                config.reviewIntervalMonths = required(reader.wholeNumber(field), field, reader) ?? config.reviewIntervalMonths
            case "reading_grade_max":
                config.readingGradeMax = required(reader.number(field), field, reader) ?? config.readingGradeMax
            case "reading_ease_min":
                config.readingEaseMin = required(reader.number(field), field, reader) ?? config.readingEaseMin
            case "languages": languages = field
            case "quick_exit_url":
                guard let url = required(field, reader) else { break }
                guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                    reader.report(.invalidValue, field.valueLocation, "'quick_exit_url' must be an absolute http(s) URL, found '\(url)'")
                    break
                }
                config.quickExitURL = url
            case "pretty_urls": config.prettyURLs = required(reader.bool(field), field, reader) ?? config.prettyURLs
            case "lint": config.lint = reader.severities(field)
            default: break
            }
        }
        if let field = map["language"], let tag = reader.text(field), !SiteLanguage.isWellFormedTag(tag.value) {
            reader.report(.invalidValue, tag.location, "'language' must be a BCP 47 language tag such as en-US, found '\(tag.value)'")
        }
        // Read last: a language's defaults are the site's settings, wherever the file gives them.
        if let languages { config.otherLanguages = readLanguages(languages, config, reader) }
    }

    /// `languages:`: id → `tag`, `region`, `title`, `disclaimer` (required) and reading settings.
    private static func readLanguages(_ field: YAMLField, _ config: SiteConfig, _ reader: YAMLFieldReader) -> [SiteLanguage] {
        guard !field.isNull else { return [] }
        guard case .mapping = field.value else {
            reader.report(.invalidValue, field.valueLocation,
                          "'languages' must be a map of language id (es, en-gb) to its settings, found \(field.value.kindDescription)")
            return []
        }
        let site = config.defaultLanguage
        var result: [SiteLanguage] = []
        for (id, at, value) in reader.entries(field.value) {
            guard SiteLanguage.isValidID(id) else {
                reader.report(.invalidValue, at, "language id '\(id)' must be lower case like es or en-gb (letters, then parts of 2-8 letters or digits after '-')")
                continue
            }
            guard id != site.id else {
                reader.report(.invalidValue, at, "'\(id)' is the default language (language: \(site.tag)); list only further languages here")
                continue
            }
            let naming = YAMLMapNaming(keyNoun: "language setting", owner: "language '\(id)'")
            guard let map = reader.map(value, known: languageKeys, naming: naming,
                                       shape: "language '\(id)' must be a map of settings (tag, region, title, disclaimer)") else { continue }
            let tag = reader.text(map["tag"])
            if let tag, !SiteLanguage.isWellFormedTag(tag.value) {
                reader.report(.invalidValue, tag.location, "'tag' of language '\(id)' must be a BCP 47 language tag such as es-US, found '\(tag.value)'")
            }
            if tag == nil, !SiteLanguage.isWellFormedTag(id) {
                reader.report(.invalidValue, at, "language '\(id)' needs a 'tag' (its id is not a BCP 47 tag)")
            }
            let disclaimer = reader.text(map["disclaimer"])
            if disclaimer == nil, map["disclaimer"].map({ $0.value.scalarText != nil }) ?? true {
                reader.reportMissing("disclaimer", in: map, at: at)
            }
            result.append(SiteLanguage(
                id: id, tag: tag?.value ?? id, region: reader.text(map["region"])?.value ?? site.region,
                title: reader.text(map["title"])?.value ?? site.title, disclaimer: disclaimer?.value ?? "",
                readingGradeMax: reader.number(map["reading_grade_max"])?.value ?? site.readingGradeMax,
                readingEaseMin: reader.number(map["reading_ease_min"])?.value ?? site.readingEaseMin,
                isDefault: false, readsPlainText: SiteLanguage.primarySubtag(of: id) == site.primarySubtag))
        }
        return result
    }

    /// A setting given with no value is a fault, not "use the default": the value of `key:` with
    /// nothing after it would otherwise be silently ignored.
    private static func required(_ field: YAMLField, _ reader: YAMLFieldReader) -> String? {
        required(reader.text(field), field, reader)
    }

    private static func required<Value: Sendable & Hashable>(_ value: Located<Value>?, _ field: YAMLField, _ reader: YAMLFieldReader) -> Value? {
        if value == nil, field.isNull || field.value.scalarText?.trimmingSpaces.isEmpty == true {
            reader.report(.invalidValue, field.valueLocation, "\(field.subject) has no value")
        }
        return value?.value
    }
}
