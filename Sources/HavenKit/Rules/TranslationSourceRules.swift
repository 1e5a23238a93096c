/// Rules about translations: whether a translation still follows its source
/// (`translation-outdated`), and whether a page links to another language's page where its own
/// language has one (`link-to-other-language`), and whether it is a page of its source's type
/// (`translation-type`).
enum TranslationSourceRules {
    static func check(_ page: Page, in site: Site, into out: inout [Diagnostic]) {
        if page.frontMatter.isUnreadable { return }
        if let source = site.source(of: page) {
            checkType(page, source: source, into: &out)
            checkFollows(page, source: source, into: &out)
        } else if page.language != site.routes.languages.defaultID, let followed = page.frontMatter.sourceUpdated {
            // A page of its language alone that says it follows a source: the source was renamed or removed.
            out.append(Diagnostic(.translationOutdated, at: followed.location,
                                  "this \(page.language) page says it follows a source (`source_updated`), but \(page.translationKey) does not exist: if the source was renamed, rename this file to match it; if it is a page of its own, remove `source_updated`"))
        }
        checkLinks(page, in: site, into: &out)
    }

    /// `translation-type`: a translation of another type than its source (a `type:` on one of the
    /// two) would make the switcher and the alternates join two different kinds of page.
    private static func checkType(_ page: Page, source: Page, into out: inout [Diagnostic]) {
        guard page.type != source.type else { return }
        let fix: String
        if page.frontMatter.type != nil {
            fix = "remove `type:` here or give both files the same `type:`"
        } else if let sourceType = source.frontMatter.type {
            // The source's own `type:` makes the difference: this file has none to remove.
            fix = "add `type: \(source.type.rawValue)` here (the source sets it at line \(sourceType.location.line)), or remove it from the source"
        } else {
            fix = "give both files the same `type:`"
        }
        let at = page.frontMatter.type?.location ?? page.frontMatter.start
        out.append(Diagnostic(.translationType, at: at,
                              "this \(page.language) translation is a page of type \(page.type.rawValue), but its source \(source.source) is of type \(source.type.rawValue): a translation has its source's type; \(fix)"))
    }

    /// `translation-outdated`: the source's `updated` is later than the translation's
    /// `source_updated`, or a translated clinical page does not say which version it follows.
    private static func checkFollows(_ page: Page, source: Page, into out: inout [Diagnostic]) {
        let fm = page.frontMatter
        guard let followed = fm.sourceUpdatedDate else {
            if fm.sourceUpdated == nil, page.isClinical {
                let updated = source.frontMatter.updated.map { " (the source's `updated` is \($0.value))" } ?? ""
                out.append(Diagnostic(.translationOutdated, at: fm.start,
                                      "translation of \(source.source) does not say which version it follows: add `source_updated:`\(updated)"))
            }
            return  // an invalid date is already an invalid-date finding
        }
        if let sourceUpdated = source.frontMatter.updatedDate, sourceUpdated > followed {
            let at = fm.sourceUpdated?.location ?? fm.start
            out.append(Diagnostic(.translationOutdated, at: at,
                                  "\(source.source) was updated on \(sourceUpdated), after the version this translation follows (\(followed)): update the translation, then set `source_updated: \(sourceUpdated)`"))
        }
    }

    /// `link-to-other-language`: a body link to a page in another language when that page has a
    /// translation in this page's language.
    private static func checkLinks(_ page: Page, in site: Site, into out: inout [Diagnostic]) {
        for link in page.body.links where !link.isImage {
            guard case .page(let path) = link.target.kind, let target = site.page(at: path), target.language != page.language,
                  let own = site.translation(of: target, in: page.language) else { continue }
            out.append(Diagnostic(.linkToOtherLanguage, at: link.location,
                                  "this \(page.language) page links to the \(target.language) page \(target.source), which has a \(page.language) translation: link to \(relativePath(from: page.source, to: own.source)) instead"))
        }
    }

    /// The relative path an editor writes from one Markdown file to another (`../conditions/x.es.md`).
    static func relativePath(from file: String, to target: String) -> String {
        let from = file.split(separator: "/").dropLast()
        let to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[from.startIndex + common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        let path = (up + to[common...].map(String.init)).joined(separator: "/")
        return path
    }
}
