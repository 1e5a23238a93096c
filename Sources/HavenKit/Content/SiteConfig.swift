import Yams

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
    static let knownKeys = ["title", "base_url", "language", "region", "disclaimer",
                            "review_interval_months", "reading_grade_max", "lint"]

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

    /// Reads `haven.yml`. Any fault here stops Haven (exit 2): the configuration is not content.
    public static func parse(_ text: String, file: String = SiteConfig.fileName) throws(HavenError) -> SiteConfig {
        let positioner = YAMLPositioner(file: file, firstLine: 1)
        let root: Node
        switch YAMLReader.compose(text) {
        case .failure(let failure):
            throw .config(positioner.location(line: failure.line, column: failure.column), failure.message)
        case .success(let node):
            guard let node else { return SiteConfig() }
            root = node
        }
        guard case .mapping(let mapping) = root else {
            throw .config(positioner.location(root), "haven.yml must be a map of settings, found \(root.kindDescription)")
        }
        var config = SiteConfig()
        for (keyNode, value) in mapping {
            let key = keyNode.scalarText ?? ""
            let here = positioner.location(keyNode)
            func text() throws(HavenError) -> String {
                guard let s = value.scalarText, !value.isNull else {
                    throw .config(positioner.location(value), "'\(key)' must be text, found \(value.kindDescription)")
                }
                return s
            }
            switch key {
            case "title": config.title = try text()
            case "base_url":
                let url = try text()
                guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                    throw .config(positioner.location(value), "'base_url' must be an absolute http(s) URL, found '\(url)'")
                }
                config.baseURL = normalizedBaseURL(url)
            case "language": config.language = try text()
            case "region": config.region = try text()
            case "disclaimer": config.disclaimer = try text()
            case "review_interval_months":
                guard let months = value.intValue, months > 0 else {
                    throw .config(positioner.location(value), "'review_interval_months' must be a whole number above 0")
                }
                config.reviewIntervalMonths = months
            case "reading_grade_max":
                guard let grade = value.scalarText.flatMap(Double.init), grade > 0 else {
                    throw .config(positioner.location(value), "'reading_grade_max' must be a number above 0")
                }
                config.readingGradeMax = grade
            case "lint":
                switch SeverityOverrides.parse(value, positioner: positioner) {
                case .success(let overrides): config.lint = overrides
                case .failure(let diagnostic): throw .config(diagnostic.location, diagnostic.message)
                }
            default:
                let hint = Suggest.closest(to: key, in: knownKeys).map { " (did you mean '\($0)'?)" } ?? ""
                throw .config(here, "unknown setting '\(key)'\(hint)")
            }
        }
        return config
    }
}

/// Parses a `lint:` map of rule id → `off`/`warning`/`error`, in `haven.yml` or front matter.
enum SeverityOverrides {
    static func parse(_ node: Node, positioner: YAMLPositioner) -> Result<[RuleID: Severity], Diagnostic> {
        guard case .mapping(let mapping) = node else {
            return .failure(Diagnostic(.invalidValue, at: positioner.location(node),
                                       "'lint' must be a map of rule id to off, warning or error"))
        }
        var result: [RuleID: Severity] = [:]
        for (keyNode, value) in mapping {
            let id = keyNode.scalarText ?? ""
            guard let rule = RuleID(id: id) else {
                let hint = Suggest.closest(to: id, in: RuleID.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
                return .failure(Diagnostic(.unknownKey, at: positioner.location(keyNode), "unknown rule id '\(id)'\(hint)"))
            }
            // YAML 1.1 habits: `off` may arrive as the boolean false.
            let word = value.boolValue == false ? "off" : (value.scalarText ?? "")
            guard let severity = Severity(rawValue: word) else {
                return .failure(Diagnostic(.invalidValue, at: positioner.location(value),
                                           "severity for '\(id)' must be off, warning or error, found '\(word)'"))
            }
            result[rule] = severity
        }
        return .success(result)
    }
}
