/// `missing-translation`: the crisis resources and content-warning texts a page shows must have a
/// text in the page's language. Safety text never falls back to another language: a reader in
/// crisis is not handed a notice they may not understand.
enum TranslationRules {
    /// One page: each content warning it carries and each crisis resource it shows, reported at
    /// the page's front-matter entry that brings it in.
    static func check(_ page: Page, in site: Site, into out: inout [Diagnostic]) {
        let language = site.language(of: page)
        let registries = site.registries(in: language)
        var reported = Set<String>()
        func report(_ kind: String, _ id: String, _ untranslated: [String], _ fieldLocations: [String: SourceLocation],
                    file: String, at: SourceLocation) {
            guard !untranslated.isEmpty, reported.insert(kind + " " + id).inserted else { return }
            let fields = untranslated.map { field in
                fieldLocations[field].map { "'\(field)' (\(file):\($0.line):\($0.column))" } ?? "'\(field)'"
            }
            out.append(Diagnostic(.missingTranslation, at: at,
                                  "\(kind) '\(id)' has no \(language.id) text for \(fields.joined(separator: ", ")); this page is in \(language.id) and safety text is never shown in another language"))
        }
        let shown = Set(site.crisisResources(for: page).map(\.id))
        for entry in page.frontMatter.contentWarnings {
            guard let warning = registries.contentWarnings[entry.value] else { continue }
            report("content warning", warning.id, warning.untranslated, warning.texts.mapValues(\.location),
                   file: Registries.contentWarningsFile, at: entry.location)
            for id in warning.resources where shown.contains(id) {
                guard let resource = registries.crisisResources[id] else { continue }
                report("crisis resource", id, resource.untranslated, resource.texts.mapValues(\.location),
                       file: Registries.crisisResourcesFile, at: entry.location)
            }
        }
        for entry in page.frontMatter.crisisResources where shown.contains(entry.value) {
            guard let resource = registries.crisisResources[entry.value] else { continue }
            report("crisis resource", resource.id, resource.untranslated, resource.texts.mapValues(\.location),
                   file: Registries.crisisResourcesFile, at: entry.location)
        }
    }

    /// Each language's get-help page lists every crisis resource of its region: each text one of
    /// them lacks in that language is reported where the text is written.
    static func checkSite(_ site: Site) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for language in site.config.languages {
            for resource in site.regionalCrisisResources(in: language) {
                for field in resource.untranslated {
                    let at = resource.texts[field]?.location ?? resource.location
                    out.append(Diagnostic(.missingTranslation, at: at,
                                          "'\(field)' of crisis resource '\(resource.id)' has no \(language.id) text, and the \(language.id) get-help page lists every crisis resource of region \(language.region); add `\(language.id):` to it"))
                }
            }
        }
        return out
    }
}
