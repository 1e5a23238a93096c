/// What a translated page tells its readers about the page it was translated from: which version
/// it follows ("Translated from the English page updated on …", linked) and, when that page has
/// changed since, a notice before the body that links to it. Every word comes from the page's
/// string table; the source language's name is the table's `name_of_<id>`, else that language's
/// own `language_name`.
enum TranslationNotice {
    /// The byline's `translation` value, or nil for a page that is not a translation.
    static func byline(_ page: Page, in site: Site, strings: StringTable) -> TemplateObject? {
        guard let source = site.source(of: page) else { return nil }
        let language = languageName(source.language, in: strings, site: site)
        var context: TemplateObject = ["href": site.href(to: source.route, from: page.route),
                                      "hreflang": site.routes.languages.tag(source.language),
                                      "before": strings[.translatedFromBefore],
                                      "linkText": strings.format(.translatedFromLink, ["language": language]),
                                      "followed": false]
        if let followed = page.frontMatter.sourceUpdatedDate {
            context["followed"] = ["after": strings[.translatedFromAfter], "iso": followed.description,
                                   "text": strings.date(followed)] as TemplateObject
        }
        return context
    }

    /// The notice shown before the body when the source changed after the version the translation
    /// follows (`source_updated` earlier than the source's `updated`), or nil.
    static func outdated(_ page: Page, in site: Site, strings: StringTable) -> TemplateObject? {
        guard let source = site.source(of: page), let followed = page.frontMatter.sourceUpdatedDate,
              let updated = source.frontMatter.updatedDate, updated > followed else { return nil }
        let language = languageName(source.language, in: strings, site: site)
        return ["href": site.href(to: source.route, from: page.route),
                "hreflang": site.routes.languages.tag(source.language),
                "text": strings.format(.translationOutdatedText, ["language": language]),
                "iso": updated.description, "date": strings.date(updated),
                "linkText": strings.format(.translationOutdatedLink, ["language": language])]
    }

    /// A language's name as `strings`' language writes it ("English", "inglés").
    static func languageName(_ id: String, in strings: StringTable, site: Site) -> String {
        strings.texts["name_of_\(id)"] ?? site.strings.table(id).texts["language_name"] ?? id
    }
}
