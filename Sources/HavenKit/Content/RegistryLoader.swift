import Yams

/// Reads the registries through `YAMLFieldReader`, reporting every fault as a diagnostic rather
/// than stopping.
struct RegistryLoader {
    var diagnostics: [Diagnostic] = []

    static let reviewerKeys = FieldTable.reviewer.map(\.name)
    static let crisisResourceKeys = FieldTable.crisisResource.map(\.name)
    static let contentWarningKeys = FieldTable.contentWarning.map(\.name)

    /// The site's languages (default first): the keys a per-language text may use, and the
    /// languages the registries are resolved for.
    let languages: [SiteLanguage]
    private let languageIDs: [String]

    init(languages: [SiteLanguage] = SiteConfig().languages) {
        self.languages = languages
        languageIDs = languages.map(\.id)
    }

    mutating func load(reviewers: String?, crisisResources: String?, contentWarnings: String?) -> Registries {
        var registries = Registries()
        let ids = languageIDs
        let defaultLanguage = languages.first ?? SiteConfig().defaultLanguage
        /// The entry's per-language texts, and each resolved for the default language.
        func texts(_ keys: [String], _ entry: Entry, _ reader: YAMLFieldReader) -> [String: LocalizedText] {
            var out: [String: LocalizedText] = [:]
            for key in keys { out[key] = reader.localized(entry.map[key], languages: ids) }
            return out
        }
        read(reviewers, file: Registries.reviewersFile, known: RegistryLoader.reviewerKeys) { reader, entry in
            let texts = texts(["name", "credentials", "bio"], entry, reader)
            guard RegistryLoader.required("name", texts, entry, reader) else { return }
            _ = RegistryLoader.required("credentials", texts, entry, reader)
            let reviewer = Reviewer(
                id: entry.id, name: "", credentials: "", bio: nil,
                placeholder: reader.bool(entry.map["placeholder"])?.value ?? false, location: entry.location, texts: texts)
            registries.reviewers[entry.id] = reviewer.resolved(for: defaultLanguage, defaultLanguage: defaultLanguage)
        }
        read(crisisResources, file: Registries.crisisResourcesFile, known: RegistryLoader.crisisResourceKeys) { reader, entry in
            let texts = texts(["name", "display", "sms_keyword", "hours", "description"], entry, reader)
            guard RegistryLoader.required("name", texts, entry, reader) else { return }
            let map = entry.map
            func text(_ key: String) -> String? { reader.text(map[key])?.value }
            var resource = CrisisResource(
                id: entry.id, name: "", phone: text("phone"), display: nil, sms: text("sms"),
                smsKeyword: nil, url: text("url"), hours: nil, region: text("region"),
                description: nil, verifiedOn: reader.calendarDate(map["verified_on"])?.value,
                location: entry.location,
                fieldLocations: Dictionary(map.fields.map { ($0.key, $0.valueLocation) }, uniquingKeysWith: { a, _ in a }),
                languages: RegistryLoader.languageList(map["languages"], reader),
                emergency: reader.bool(map["emergency"])?.value ?? false, texts: texts)
            if let url = resource.url, !(url.lowercased().hasPrefix("https://") || url.lowercased().hasPrefix("http://")) {
                reader.report(.dataSyntax, map["url"]?.valueLocation ?? entry.location,
                              "url of '\(entry.id)' must start with https:// (found '\(url)'); it is not shown")
                resource.url = nil
            }
            if resource.phone == nil && resource.sms == nil && resource.url == nil {
                reader.report(.dataSyntax, entry.location,
                              "crisis resource '\(entry.id)' has no phone, sms or url: readers could not reach it")
            }
            registries.crisisResources[entry.id] = resource.resolved(for: defaultLanguage)
            registries.crisisResourceOrder.append(entry.id)
        }
        read(contentWarnings, file: Registries.contentWarningsFile, known: RegistryLoader.contentWarningKeys) { reader, entry in
            let texts = texts(["label", "description"], entry, reader)
            guard RegistryLoader.required("label", texts, entry, reader) else { return }
            let resources = reader.ids(entry.map["resources"])
            let warning = ContentWarning(
                id: entry.id, label: "", resources: resources.map(\.value), location: entry.location,
                resourceLocations: resources.map(\.location), quickExit: reader.bool(entry.map["quick_exit"])?.value ?? false,
                texts: texts)
            registries.contentWarnings[entry.id] = warning.resolved(for: defaultLanguage)
        }
        for language in languages.dropFirst() {
            registries.languageViews[language.id] = registries.resolved(for: language, defaultLanguage: defaultLanguage)
        }
        return registries
    }

    /// `languages: [en, es]` of a crisis resource: language ids (any, not only the site's: a
    /// service may answer in languages the site does not publish in).
    private static func languageList(_ field: YAMLField?, _ reader: YAMLFieldReader) -> [String] {
        reader.ids(field).compactMap { id in
            guard SiteLanguage.isValidID(id.value) else {
                reader.report(.dataSyntax, id.location, "'\(id.value)' in \(field?.subject ?? "'languages'") is not a language id such as en or es")
                return nil
            }
            return id.value
        }
    }

    /// One `id:` entry of a data file, its fields read against the file's known keys.
    struct Entry {
        var id: String
        var map: YAMLMap
        /// Where the id is written.
        var location: SourceLocation
    }

    /// Reads one data file's `id: {fields}` entries in file order, handing each to `body`.
    private mutating func read(_ text: String?, file: String, known: [String],
                               _ body: (YAMLFieldReader, Entry) -> Void) {
        guard let text else { return }
        let reader = YAMLFieldReader(file: file, valueRule: .dataSyntax)
        defer { diagnostics += reader.diagnostics }
        guard case .success(let root?) = reader.compose(text, syntaxRule: .dataSyntax, duplicateRule: .dataSyntax) else { return }
        guard case .mapping = root else {
            reader.report(.dataSyntax, reader.location(root), "\(file) must be a map of id → fields, found \(root.kindDescription)")
            return
        }
        for (id, idLocation, value) in reader.entries(root) {
            guard let map = reader.map(value, known: known, naming: YAMLMapNaming(keyNoun: "field", owner: "'\(id)'"),
                                       shape: "entry '\(id)' must be a map of fields") else { continue }
            body(reader, Entry(id: id, map: map, location: idLocation))
        }
    }

    /// A text field the entry cannot do without: its absence is reported at the entry's id (a
    /// value of the wrong shape was reported where it is written).
    private static func required(_ key: String, _ texts: [String: LocalizedText], _ entry: Entry,
                                 _ reader: YAMLFieldReader) -> Bool {
        if texts[key] != nil { return true }
        if entry.map[key].map({ $0.value.scalarText != nil || $0.isNull }) ?? true {
            reader.reportMissing(key, in: entry.map, at: entry.location)
        }
        return false
    }
}
