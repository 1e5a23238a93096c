/// The built-in wording rules of one language: its phrase lists (safe messaging, stigmatizing
/// language, evidence claims) from `Resources/language/<id>/`, and its reading-level formula. The
/// one place the wording rules are looked up by language: a language without built-in lists has
/// none, and its pages are not checked for wording (`haven lint` says so on its summary line).
/// A class, not a struct: a page's analysis reads it for every block, and copying a struct of
/// lists retained and released each of their buffers every time (38,000 copies on the 1,000-page
/// corpus, 1.6% of a lint's samples in retain/release and copies).
final class Wording: Sendable {
    /// How a language's reading level is measured.
    enum ReadingFormula: Sendable {
        /// Flesch–Kincaid grade (English): warned above `reading_grade_max`.
        case fleschKincaid
        /// Fernández Huerta reading ease (Spanish): warned below `reading_ease_min`.
        case fernandezHuerta
    }

    /// The id of the built-in lists (`en`, `es`).
    let id: String
    /// Matched together in one pass: safe messaging, stigmatizing language.
    let phraseLists: PhraseLists
    /// Evidence claims, recognised by their structure (`Resources/language/<id>/evidence-claims.yml`).
    let evidenceClaims: EvidenceClaims
    let readingFormula: ReadingFormula

    /// Which lists `phraseLists` holds, in order.
    static let unsafeMessaging = 0, stigmatizing = 1

    /// The built-in rules for a language id: its own lists, else its primary subtag's (`en-gb`
    /// uses `en`); nil when Haven has no lists for it.
    static func builtIn(for languageID: String) -> Wording? {
        builtIns[languageID] ?? builtIns[SiteLanguage.primarySubtag(of: languageID)]
    }

    /// Languages with built-in lists: the folders of `Resources/language/`.
    private static let builtIns: [String: Wording] = {
        let prefix = "Resources/language/"
        var ids = Set<String>()
        for path in EmbeddedFiles.files.keys where path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count)
            if let slash = rest.firstIndex(of: "/") { ids.insert(String(rest[..<slash])) }
        }
        var result: [String: Wording] = [:]
        for id in ids { result[id] = Wording(id: id) }
        return result
    }()

    /// The lists of `Resources/language/<id>/` (empty where a list is missing), and the formula of `id`.
    init(id: String) {
        self.id = id
        phraseLists = PhraseLists([PhraseList.embedded(id, "unsafe-messaging"), PhraseList.embedded(id, "stigmatizing-language")])
        evidenceClaims = EvidenceClaims(language: id)
        readingFormula = id == "es" ? .fernandezHuerta : .fleschKincaid
    }
}
