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
    /// Site-wide severity overrides per rule.
    public var lint: [RuleID: Severity]

    public static let fileName = "haven.yml"
    static let knownKeys = FieldTable.config.map(\.name)

    public init(title: String = "Haven site", baseURL: String = "http://localhost:8000/", language: String = "en",
                region: String = "US", disclaimer: String = SiteConfig.defaultDisclaimer,
                reviewIntervalMonths: Int = 36, readingGradeMax: Double = 9, lint: [RuleID: Severity] = [:]) {
        self.title = title
        self.baseURL = SiteConfig.normalizedBaseURL(baseURL)
        self.language = language
        self.region = region
        self.disclaimer = disclaimer
        self.reviewIntervalMonths = reviewIntervalMonths
        self.readingGradeMax = readingGradeMax
        self.lint = lint
    }

    /// The default language's id: the primary subtag of `language` (`en-US` → `en`).
    public var defaultLanguage: String { StringTables.primarySubtag(language) }

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
            case "lint": config.lint = reader.severities(field)
            default: break
            }
        }
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
