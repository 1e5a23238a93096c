import Foundation
import Yams

/// The string tables a theme offers, as read from `Templates/strings/<id>.yml` (built into the
/// binary for `en`, `en-gb` and `es`; a site's own files override key by key or add languages), and the
/// keys its templates read (`{{strings.KEY}}`). `resolve(languages:)` makes each declared
/// language's complete table, or stops Haven (exit 2) naming the language and the missing key.
public struct StringTables: Sendable {
    /// Language id → key → text, built in.
    let builtIn: [String: [String: String]]
    /// Language id → key → text, from the site's `Templates/strings/`.
    let site: [String: [String: String]]
    /// Every key a table must have: the built-in `en` table's keys and those the theme's templates read.
    let requiredKeys: Set<String>
    /// Resolved tables by language id (after `resolve`).
    public private(set) var tables: [String: StringTable] = [:]

    /// The folder of the tables inside a theme.
    static let folder = "strings"

    /// The built-in tables only (a theme with no strings of its own, and templates reading no other key).
    public static let builtInOnly: StringTables = {
        var tables = StringTables(builtIn: embeddedTables(), site: [:], templateKeys: [])
        try? tables.resolve(languages: ["en"])
        return tables
    }()

    init(builtIn: [String: [String: String]], site: [String: [String: String]], templateKeys: Set<String>) {
        self.builtIn = builtIn
        self.site = site
        requiredKeys = Set((builtIn["en"] ?? [:]).keys).union(templateKeys)
    }

    /// The table of a language id: its own when resolved, else the table of its primary subtag,
    /// else the first resolved table (never reached for a declared language).
    public func table(_ language: String) -> StringTable {
        if let table = tables[language] { return table }
        if let table = tables[SiteLanguage.primarySubtag(of: language)] { return table }
        return tables["en"] ?? tables.values.first ?? StringTable(language: language, texts: [:])
    }


    /// Makes the table of each language: the site's `strings/<id>.yml` over the built-in one,
    /// completed key by key from the tables of its primary subtag. Exit 2 (`HavenError.theme`) when
    /// a key the theme uses is left without text.
    public mutating func resolve(languages: [String]) throws(HavenError) {
        try resolve(languages.map { (id: $0, tag: $0) })
    }

    /// The same for a site's languages, by id and BCP 47 tag: a language whose tag names a variant
    /// Haven has a table for also reads that table (a default language tagged `en-GB`, whose id is
    /// `en`, writes its dates as `en-gb` does), under the site's own file for the language.
    mutating func resolve(_ languages: [SiteLanguage]) throws(HavenError) {
        try resolve(languages.map { (id: $0.id, tag: $0.tag) })
    }

    private mutating func resolve(_ languages: [(id: String, tag: String)]) throws(HavenError) {
        var resolved: [String: StringTable] = [:]
        for language in languages {
            let id = language.id.lowercased()
            let primary = SiteLanguage.primarySubtag(of: id)
            let variant = language.tag.lowercased()
            // General to specific, the language's own file last: the primary subtag's tables, the
            // built-in table of the tag's variant, the built-in and the site's table of the id.
            var layers: [[String: String]?] = [builtIn[primary]]
            if id != primary { layers.append(site[primary]) }
            if variant != primary && variant != id { layers.append(builtIn[variant]) }
            if id != primary { layers.append(builtIn[id]) }
            layers.append(site[id])
            var texts: [String: String] = [:]
            for layer in layers {
                for (key, text) in layer ?? [:] { texts[key] = text }
            }
            let missing = requiredKeys.sorted().filter { texts[$0] == nil }
            if missing.count == 1, let key = missing.first {
                throw .theme("language '\(id)' has no text for '\(key)': add `\(key): …` to Templates/strings/\(id).yml")
            }
            if !missing.isEmpty {
                // All at once (a new language lacks every key), each with the English text to
                // translate, ready to paste (a JSON string is a YAML double-quoted one): one run
                // names them all.
                let english = builtIn["en"] ?? [:]
                let lines = missing.map { key in "  \(key): \(english[key].map { JSONValue.string($0).serialized() } ?? "…")" }
                throw .theme("language '\(id)' has no text for \(missing.count) keys the theme uses; add them to Templates/strings/\(id).yml, translated (the English text is shown):\n" + lines.joined(separator: "\n"))
            }
            resolved[id] = StringTable(language: id, texts: texts)
        }
        tables = resolved
    }

    // MARK: Reading

    /// The built-in tables (`Templates/strings/*.yml` embedded in the binary).
    static func embeddedTables() -> [String: [String: String]] {
        var tables: [String: [String: String]] = [:]
        let prefix = "Templates/\(folder)/"
        for (path, text) in EmbeddedFiles.files where path.hasPrefix(prefix) && path.hasSuffix(".yml") {
            let id = String(path.dropFirst(prefix.count).dropLast(".yml".count))
            // The built-in tables are part of Haven; `StringTableTests` holds them to parse.
            tables[id] = (try? parse(text, file: path)) ?? [:]
        }
        return tables
    }

    /// Reads one table file: a map of key → text, through the one YAML field reader. Any fault
    /// stops Haven (exit 2, the first in file order): the theme is not content. Texts are kept as
    /// written (not trimmed: a label may end in a space the template relies on).
    static func parse(_ text: String, file: String) throws(HavenError) -> [String: String] {
        let reader = YAMLFieldReader(file: file, valueRule: .invalidValue)
        var texts: [String: String] = [:]
        if case .success(let root?) = reader.compose(text, syntaxRule: .invalidValue, duplicateRule: .invalidValue) {
            if case .mapping = root {
                for entry in reader.entries(root) {
                    guard let value = entry.value.scalarText else {
                        reader.report(.invalidValue, reader.location(entry.value),
                                      "'\(entry.id)' must be text, found \(entry.value.kindDescription)")
                        continue
                    }
                    texts[entry.id] = value
                }
            } else {
                reader.report(.invalidValue, reader.location(root),
                              "a string table must be a map of key → text, found \(root.kindDescription)")
            }
        }
        if let fault = reader.firstFault { throw .config(fault.location, fault.message) }
        return texts
    }

    /// The string keys a template reads: every `strings.KEY` inside a Mustache tag.
    static func keys(readBy template: String) -> Set<String> {
        var keys = Set<String>()
        var rest = Substring(template)
        while let at = rest.range(of: "strings.") {
            var key = ""
            for ch in rest[at.upperBound...] {
                guard ch.isLetter || ch.isNumber || ch == "_" || ch == "-" else { break }
                key.append(ch)
            }
            if !key.isEmpty { keys.insert(key) }
            rest = rest[at.upperBound...]
        }
        return keys
    }
}
