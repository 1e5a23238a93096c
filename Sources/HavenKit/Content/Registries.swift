/// The three registries of `Content/_data/`, read once per build.
///
/// Text values may be written per language; a `Registries` holds them resolved for one language
/// (the default one for `Site.registries`), with the texts as written kept beside (`texts`) and
/// the ones that language lacks listed (`untranslated`). `view(for:)` gives another language's.
public struct Registries: Sendable {
    public var reviewers: [String: Reviewer] = [:]
    public var crisisResources: [String: CrisisResource] = [:]
    /// Crisis resource ids in file order (editors choose the order: emergency first).
    public var crisisResourceOrder: [String] = []
    public var contentWarnings: [String: ContentWarning] = [:]
    /// The same registries resolved for each further language, by language id.
    public var languageViews: [String: Registries] = [:]

    public init() {}

    public static let reviewersFile = "Content/_data/reviewers.yml"
    public static let crisisResourcesFile = "Content/_data/crisis-resources.yml"
    public static let contentWarningsFile = "Content/_data/content-warnings.yml"

    /// The registries with their texts in `language` (resolved by `LocalizedText.text(for:)`).
    public func view(for language: SiteLanguage, defaultLanguage: SiteLanguage) -> Registries {
        if language.isDefault { return self }
        return languageViews[language.id] ?? resolved(for: language, defaultLanguage: defaultLanguage)
    }

    /// These registries with every text resolved for `language`; no further views.
    func resolved(for language: SiteLanguage, defaultLanguage: SiteLanguage) -> Registries {
        var view = Registries()
        view.reviewers = reviewers.mapValues { $0.resolved(for: language, defaultLanguage: defaultLanguage) }
        view.crisisResources = crisisResources.mapValues { $0.resolved(for: language) }
        view.crisisResourceOrder = crisisResourceOrder
        view.contentWarnings = contentWarnings.mapValues { $0.resolved(for: language) }
        return view
    }
}

/// The text fields of one entry as written, and which of them a language lacks.
func resolvedTexts(_ texts: [String: LocalizedText], for language: SiteLanguage) -> (values: [String: String], untranslated: [String]) {
    var values: [String: String] = [:], untranslated: [String] = []
    for (key, text) in texts {
        if let value = text.text(for: language) { values[key] = value } else { untranslated.append(key) }
    }
    return (values, untranslated.sorted())
}

/// A medical reviewer from `_data/reviewers.yml`.
public struct Reviewer: Sendable, Hashable {
    public var id: String
    public var name: String
    public var credentials: String
    public var bio: String?
    public var placeholder: Bool
    public var location: SourceLocation
    /// `name`, `credentials`, `bio` as written (plain or per language).
    public var texts: [String: LocalizedText] = [:]

    /// A reviewer's texts are not safety text: a language without its own falls back to the
    /// default language's (a person's name reads the same).
    func resolved(for language: SiteLanguage, defaultLanguage: SiteLanguage) -> Reviewer {
        var copy = self
        func text(_ key: String) -> String? {
            texts[key].flatMap { $0.text(for: language) ?? $0.text(for: defaultLanguage) ?? $0.plain ?? $0.entries.min { $0.key < $1.key }?.value }
        }
        copy.name = text("name") ?? name
        copy.credentials = text("credentials") ?? credentials
        copy.bio = text("bio") ?? bio
        return copy
    }
}

/// A crisis line from `_data/crisis-resources.yml`.
public struct CrisisResource: Sendable, Hashable {
    public var id: String
    public var name: String
    /// As written in the data file and shown to readers (unless `display` is set).
    public var phone: String?
    /// How the phone number is shown, e.g. "1-800-662-HELP (4357)".
    public var display: String?
    public var sms: String?
    /// The word to text, e.g. "HOME" for the Crisis Text Line.
    public var smsKeyword: String?
    public var url: String?
    public var hours: String?
    public var region: String?
    public var description: String?
    public var verifiedOn: CalendarDate?
    public var location: SourceLocation
    /// Where each field's value sits, for diagnostics about it.
    public var fieldLocations: [String: SourceLocation]
    /// The languages the service answers in (`languages: [en, es]`), as written; empty when not said.
    public var languages: [String] = []
    /// An emergency number (911, 999, 112), not a helpline.
    public var emergency = false
    /// The text fields as written (plain or per language): `name`, `display`, `sms_keyword`,
    /// `hours`, `description`.
    public var texts: [String: LocalizedText] = [:]
    /// The text fields this resource has but not in the language it is resolved for: a page in
    /// that language cannot show it (`missing-translation`).
    public var untranslated: [String] = []

    /// This resource with its texts in `language`; a text it lacks there is absent, never another language's.
    func resolved(for language: SiteLanguage) -> CrisisResource {
        var copy = self
        let (values, untranslated) = resolvedTexts(texts, for: language)
        copy.name = values["name"] ?? ""
        copy.display = values["display"]
        copy.smsKeyword = values["sms_keyword"]
        copy.hours = values["hours"]
        copy.description = values["description"]
        copy.untranslated = untranslated
        return copy
    }

    /// Whether a page of `region` shows it: its region is that one, or it has none.
    public func serves(region other: String) -> Bool {
        guard let region else { return true }
        return region.caseInsensitiveCompare(other) == .orderedSame
    }

    /// `tel:` target, or nil when the number is missing or invalid.
    public var telURI: String? { phone.flatMap { PhoneNumber(text: $0, region: region)?.uri(scheme: "tel") } }

    /// `sms:` target with the keyword as body when there is one.
    public var smsURI: String? {
        guard let base = sms.flatMap({ PhoneNumber(text: $0, region: region)?.uri(scheme: "sms") }) else { return nil }
        guard let keyword = smsKeyword, !keyword.isEmpty else { return base }
        return base + "?body=" + (keyword.addingPercentEncodingForQuery())
    }
}

/// A content warning from `_data/content-warnings.yml`.
public struct ContentWarning: Sendable, Hashable {
    public var id: String
    public var label: String
    public var resources: [String]
    public var location: SourceLocation
    public var resourceLocations: [SourceLocation]
    /// Its pages show an "Exit this page" button (`quick_exit: true`).
    public var quickExit = false
    /// `label` and `description` as written (plain or per language).
    public var texts: [String: LocalizedText] = [:]
    /// The text fields this warning lacks in the language it is resolved for (`missing-translation`).
    public var untranslated: [String] = []

    func resolved(for language: SiteLanguage) -> ContentWarning {
        var copy = self
        let (values, untranslated) = resolvedTexts(texts, for: language)
        copy.label = values["label"] ?? ""
        copy.untranslated = untranslated
        return copy
    }
}

extension String {
    func addingPercentEncodingForQuery() -> String {
        var out = ""
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return out
    }
}
