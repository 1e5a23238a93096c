/// schema.org `MedicalWebPage` for a clinical page, from the same values the byline shows.
enum JSONLD {
    static func medicalWebPage(_ page: Page, in site: Site) -> JSONValue {
        let fm = page.frontMatter
        var reviewedBy: JSONValue?
        if let id = fm.reviewer?.value, let reviewer = site.registries(languageID: page.route.language).reviewers[id] {
            reviewedBy = .object([
                ("@type", .string("Person")),
                ("name", .string(reviewer.name)),
                ("honorificSuffix", reviewer.credentials.isEmpty ? nil : .string(reviewer.credentials)),
                ("url", .string(site.absoluteURL(site.routes.reviewer(id, page.route.language)))),
            ])
        }
        var about: [JSONValue] = []
        func subject(_ type: String, _ subject: Page) {
            about.append(.object([("@type", .string(type)), ("name", .string(subject.title)),
                                  ("url", .string(site.absoluteURL(subject.route)))]))
        }
        if page.type == .condition { subject("MedicalCondition", page) }
        if page.type == .modality { subject("PsychologicalTreatment", page) }
        for condition in fm.conditions.compactMap({ site.term(.condition, $0.value, in: page.language) }) where condition.path != page.path {
            subject("MedicalCondition", condition)
        }
        for modality in fm.modalities.compactMap({ site.term(.modality, $0.value, in: page.language) }) where modality.path != page.path {
            subject("PsychologicalTreatment", modality)
        }
        // Translations: the work this one translates, or the translations of this one.
        let languages = site.routes.languages
        func work(_ other: Page) -> JSONValue {
            .object([("@type", .string("MedicalWebPage")), ("name", .string(other.title)), ("url", .string(site.absoluteURL(other.route))),
                     ("inLanguage", .string(languages.tag(other.language)))])
        }
        let source = site.source(of: page)
        let translations = page.language == languages.defaultID ? site.translations(of: page).filter { $0 !== page } : []
        return .object([
            ("@context", .string("https://schema.org")),
            ("@type", .string("MedicalWebPage")),
            ("name", .string(page.title)),
            ("description", page.description.map(JSONValue.string)),
            ("url", .string(site.absoluteURL(page.route))),
            ("inLanguage", .string(languages.tag(page.language))),
            ("translationOfWork", source.map(work)),
            ("workTranslation", translations.isEmpty ? nil : .array(translations.map(work))),
            ("translator", fm.translator.map { .object([("@type", .string("Person")), ("name", .string($0.value))]) }),
            ("datePublished", fm.publishedDate.map { .string($0.description) }),
            ("lastReviewed", fm.reviewedDate.map { .string($0.description) }),
            ("dateModified", fm.updatedDate.map { .string($0.description) }),
            ("reviewedBy", reviewedBy),
            ("author", fm.author.map { .object([("@type", .string("Person")), ("name", .string($0.value))]) }),
            ("medicalAudience", .object([("@type", .string("MedicalAudience")), ("audienceType", .string("Patient"))])),
            ("about", about.isEmpty ? nil : .array(about)),
        ])
    }
}
