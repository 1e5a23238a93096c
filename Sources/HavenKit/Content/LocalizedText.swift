/// A text value of a data file: a plain string (written in the default language) or a map by
/// language id (`description: {en: "…", es: "…"}`).
public struct LocalizedText: Sendable, Hashable {
    /// The plain string, when the value is one.
    public var plain: String?
    /// The entries of a language map, by language id.
    public var entries: [String: String]
    /// Where the value is written.
    public var location: SourceLocation

    public init(plain: String? = nil, entries: [String: String] = [:], location: SourceLocation) {
        self.plain = plain
        self.entries = entries
        self.location = location
    }

    /// The text for `language`: its own entry, else its primary subtag's (`en` serves `en-gb`),
    /// else the plain string when the language reads plain text (shares the default language's
    /// primary subtag). Nil means missing: safety text never falls back to another language.
    public func text(for language: SiteLanguage) -> String? {
        if let own = entries[language.id] { return own }
        if let primary = entries[language.primarySubtag] { return primary }
        return language.readsPlainText ? plain : nil
    }

    /// Whether the value has any text at all.
    public var isEmpty: Bool { plain == nil && entries.isEmpty }
}

extension YAMLFieldReader {
    /// A data-file text: a plain string, or a map by language id whose every key is one of
    /// `languages` (ids declared in `haven.yml`; an undeclared one is `unknown-language`, with its
    /// did-you-mean) and every value text. Nil when absent or empty.
    func localized(_ field: YAMLField?, languages: [String]) -> LocalizedText? {
        guard let field, !field.isNull else { return nil }
        if field.value.scalarText != nil {
            return text(field).map { LocalizedText(plain: $0.value, location: $0.location) }
        }
        guard case .mapping(let mapping) = field.value else {
            report(valueRule, field.valueLocation,
                   "\(field.subject) must be text or a map by language id ({en: …, es: …}), found \(field.value.kindDescription)")
            return nil
        }
        var entries: [String: String] = [:]
        for (keyNode, value) in mapping {
            let id = keyNode.scalarText ?? ""
            guard languages.contains(id) else {
                report(.unknownLanguage, location(keyNode),
                       "'\(id)' in \(field.subject) is not a language of this site (haven.yml declares \(languages.joined(separator: ", ")))\(Suggest.hint(for: id, in: languages))")
                continue
            }
            guard let s = value.scalarText, !value.isNull else {
                report(valueRule, location(value), "the \(id) text of \(field.subject) must be text, found \(value.isNull ? "nothing" : value.kindDescription)")
                continue
            }
            let trimmed = s.trimmingSpaces
            if !trimmed.isEmpty { entries[id] = trimmed }
        }
        return entries.isEmpty ? nil : LocalizedText(entries: entries, location: field.valueLocation)
    }
}
