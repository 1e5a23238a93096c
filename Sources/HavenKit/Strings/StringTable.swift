/// The words readers see in one language: every label, heading, button and sentence the default
/// theme and Haven itself show (generated page titles, "References", dates). Templates read it as
/// `{{strings.KEY}}`; Swift reads it through `subscript(_:)` and `format(_:_:)` with a `StringKey`.
/// Made by `StringTables.resolve`, which guarantees every key the theme uses is present.
public struct StringTable: Sendable {
    /// The language id (`en`, `es`, `en-gb`).
    public let language: String
    /// Key → text.
    public let texts: [String: String]
    /// `strings` in every template context.
    let templateObject: TemplateObject

    init(language: String, texts: [String: String]) {
        self.language = language
        self.texts = texts
        var object = TemplateObject()
        for (key, text) in texts { object[key] = text }
        templateObject = object
    }

    /// The text of a key ("" only if the table was never resolved, which `StringTables` prevents).
    public subscript(_ key: StringKey) -> String { texts[key.rawValue] ?? "" }

    /// The text of a key with its `{name}` placeholders filled in. Each placeholder is replaced
    /// once, in one pass: a value that itself holds `{…}` is not expanded again.
    public func format(_ key: StringKey, _ values: [String: String]) -> String {
        StringTable.fill(self[key], values)
    }

    static func fill(_ template: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}"), let value = values[String(rest[afterOpen..<close])] else {
                out.append("{")
                rest = rest[afterOpen...]
                continue
            }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// "a", "a and b", "a, b and c" with the language's word for "and".
    public func list(_ items: [String]) -> String {
        let and = " " + self[.listAnd] + " "
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + and + (items.last ?? "")
        }
    }

    /// A date written the language's way ("September 22, 2026", "22 de septiembre de 2026").
    public func date(_ date: CalendarDate) -> String {
        let month = texts["month_\(date.month)"] ?? String(date.month)
        return format(.dateFormat, ["day": String(date.day), "month": month, "year": String(date.year)])
    }
}

/// The keys Haven's Swift code reads (templates may read any key of the table). The built-in `en`
/// table has every one (`StringTableTests`).
public enum StringKey: String, Sendable, CaseIterable {
    case getHelpNow = "get_help_now"
    case titleSeparator = "title_separator"
    case sectionModalities = "section_modalities"
    case sectionConditions = "section_conditions"
    case sectionArticles = "section_articles"
    case sectionPages = "section_pages"
    case typeModality = "type_modality"
    case typeCondition = "type_condition"
    case typeArticle = "type_article"
    case introModalities = "intro_modalities"
    case introConditions = "intro_conditions"
    case introArticles = "intro_articles"
    case latestArticles = "latest_articles"
    case allArticles = "all_articles"
    case noticeTopics = "notice_topics"
    case noticeNoTopics = "notice_no_topics"
    case callNumber = "call_number"
    case textKeyword = "text_keyword"
    case textNumber = "text_number"
    case openHours = "open_hours"
    case listAnd = "list_and"
    case getHelpDescription = "get_help_description"
    case relatedModalitiesForCondition = "related_modalities_for_condition"
    case relatedModalities = "related_modalities"
    case relatedConditionsForModality = "related_conditions_for_modality"
    case relatedConditions = "related_conditions"
    case relatedArticles = "related_articles"
    case relatedBacklinks = "related_backlinks"
    case reviewerDescription = "reviewer_description"
    case medicalReviewers = "medical_reviewers"
    case search = "search"
    case languageName = "language_name"
    case notFoundTitle = "not_found_title"
    case taskDone = "task_done"
    case taskTodo = "task_todo"
    case references = "references"
    case translatedBy = "translated_by"
    case translatedFromBefore = "translated_from_before"
    case translatedFromLink = "translated_from_link"
    case translatedFromAfter = "translated_from_after"
    case translationOutdatedText = "translation_outdated_text"
    case translationOutdatedLink = "translation_outdated_link"
    case calloutNote = "callout_note", calloutTip = "callout_tip", calloutImportant = "callout_important"
    case calloutWarning = "callout_warning", calloutCaution = "callout_caution"
    case careNonUrgent = "care_non_urgent", careUrgent = "care_urgent", careEmergency = "care_emergency"
    case careNonUrgentPrefix = "care_non_urgent_prefix", careUrgentPrefix = "care_urgent_prefix"
    case careEmergencyPrefix = "care_emergency_prefix"
    case doList = "do_list", dontList = "dont_list", doItem = "do_item", dontItem = "dont_item"
    case keyPoints = "key_points"
    case dateFormat = "date_format"
    case month1 = "month_1", month2 = "month_2", month3 = "month_3", month4 = "month_4", month5 = "month_5"
    case month6 = "month_6", month7 = "month_7", month8 = "month_8", month9 = "month_9", month10 = "month_10"
    case month11 = "month_11", month12 = "month_12"
}

extension PageType {
    /// The section's name in listings, navigation and schema ("Therapies").
    func pluralTitle(_ strings: StringTable) -> String {
        switch self {
        case .article: strings[.sectionArticles]
        case .modality: strings[.sectionModalities]
        case .condition: strings[.sectionConditions]
        case .page: strings[.sectionPages]
        }
    }

    /// The kind shown above a clinical page's title ("Therapy"); empty for `page`.
    func typeLabel(_ strings: StringTable) -> String {
        switch self {
        case .article: strings[.typeArticle]
        case .modality: strings[.typeModality]
        case .condition: strings[.typeCondition]
        case .page: ""
        }
    }

    /// The introduction of the section's index page.
    func sectionIntro(_ strings: StringTable) -> String {
        switch self {
        case .article: strings[.introArticles]
        case .modality: strings[.introModalities]
        case .condition: strings[.introConditions]
        case .page: ""
        }
    }
}
