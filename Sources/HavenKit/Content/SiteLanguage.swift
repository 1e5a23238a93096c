/// One language a site publishes in: the default one (`language:` in `haven.yml`) or one of
/// `languages:`. Its id is the file suffix (`depression.es.md`) and the URL prefix (`/es/`).
public struct SiteLanguage: Sendable, Hashable {
    /// `en`, `es`, `en-gb`: matches `^[a-z]{2,3}(-[a-z0-9]{2,8})*$`.
    public var id: String
    /// The BCP 47 tag for `<html lang>`, `hreflang` and JSON-LD `inLanguage` (`en-US`, `es-US`).
    public var tag: String
    /// The region whose crisis services this language's pages show (`US`, `GB`).
    public var region: String
    /// The site's title in this language.
    public var title: String
    /// The disclaimer every clinical page in this language shows.
    public var disclaimer: String
    /// `reading-level` for English: Flesch–Kincaid grade above which a page is warned.
    public var readingGradeMax: Double
    /// `reading-level` for Spanish: Fernández Huerta ease below which a page is warned.
    public var readingEaseMin: Double
    /// The site's default language (today's URLs, no prefix).
    public var isDefault: Bool
    /// Whether a plain (not per-language) text in a data file serves this language: plain text is
    /// written in the default language, so it serves the languages sharing its primary subtag.
    public var readsPlainText: Bool

    /// The primary language subtag: `en` for `en-gb`.
    public var primarySubtag: String { SiteLanguage.primarySubtag(of: id) }

    /// `en-gb` → `en`, `en-US` → `en`: the one place a primary subtag is taken.
    static func primarySubtag(of id: String) -> String {
        String(id.prefix { $0 != "-" }).lowercased()
    }

    /// Whether `id` has the form of a language id (lower case, like `es` or `en-gb`).
    public static func isValidID(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.allSatisfy({ $0 >= "a" && $0 <= "z" }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }
        }
    }

    /// Whether `tag` is a well-formed BCP 47 language tag (RFC 5646: language, extlang, script,
    /// region, variants, extensions, private use; case-insensitive).
    public static func isWellFormedTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false).map { $0.lowercased() }
        func alpha(_ s: String) -> Bool { !s.isEmpty && s.allSatisfy { $0 >= "a" && $0 <= "z" } }
        func digits(_ s: String) -> Bool { !s.isEmpty && s.allSatisfy { $0 >= "0" && $0 <= "9" } }
        func alnum(_ s: String) -> Bool { !s.isEmpty && s.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") } }
        guard let language = parts.first, alpha(language), (2...8).contains(language.count) else { return false }
        var i = 1
        if language.count <= 3 {
            var extlangs = 0
            while i < parts.count, extlangs < 3, parts[i].count == 3, alpha(parts[i]) { i += 1; extlangs += 1 }
        }
        if i < parts.count, parts[i].count == 4, alpha(parts[i]) { i += 1 }  // script
        if i < parts.count, (parts[i].count == 2 && alpha(parts[i])) || (parts[i].count == 3 && digits(parts[i])) { i += 1 }  // region
        while i < parts.count, alnum(parts[i]),
              (5...8).contains(parts[i].count) || (parts[i].count == 4 && digits(String(parts[i].prefix(1)))) { i += 1 }  // variants
        while i < parts.count, parts[i].count == 1, parts[i] != "x", alnum(parts[i]) {  // extensions
            i += 1
            let start = i
            while i < parts.count, (2...8).contains(parts[i].count), alnum(parts[i]) { i += 1 }
            if i == start { return false }
        }
        if i < parts.count, parts[i] == "x" {  // private use
            i += 1
            let start = i
            while i < parts.count, (1...8).contains(parts[i].count), alnum(parts[i]) { i += 1 }
            if i == start { return false }
        }
        return i == parts.count
    }
}
