import Yams

/// The three registries of `Content/_data/`, read once per build.
public struct Registries: Sendable {
    public var reviewers: [String: Reviewer] = [:]
    public var crisisResources: [String: CrisisResource] = [:]
    /// Crisis resource ids in file order (editors choose the order: emergency first).
    public var crisisResourceOrder: [String] = []
    public var contentWarnings: [String: ContentWarning] = [:]

    public init() {}

    public static let reviewersFile = "Content/_data/reviewers.yml"
    public static let crisisResourcesFile = "Content/_data/crisis-resources.yml"
    public static let contentWarningsFile = "Content/_data/content-warnings.yml"
}

/// Reads the registries through `YAMLFieldReader`, reporting every fault as a diagnostic rather
/// than stopping.
struct RegistryLoader {
    var diagnostics: [Diagnostic] = []

    static let reviewerKeys = FieldTable.reviewer.map(\.name)
    static let crisisResourceKeys = FieldTable.crisisResource.map(\.name)
    static let contentWarningKeys = FieldTable.contentWarning.map(\.name)

    mutating func load(reviewers: String?, crisisResources: String?, contentWarnings: String?) -> Registries {
        var registries = Registries()
        read(reviewers, file: Registries.reviewersFile, known: RegistryLoader.reviewerKeys) { reader, entry in
            guard let name = RegistryLoader.required("name", entry, reader) else { return }
            let credentials = RegistryLoader.required("credentials", entry, reader) ?? ""
            registries.reviewers[entry.id] = Reviewer(
                id: entry.id, name: name, credentials: credentials, bio: reader.text(entry.map["bio"])?.value,
                placeholder: reader.bool(entry.map["placeholder"])?.value ?? false, location: entry.location)
        }
        read(crisisResources, file: Registries.crisisResourcesFile, known: RegistryLoader.crisisResourceKeys) { reader, entry in
            guard let name = RegistryLoader.required("name", entry, reader) else { return }
            let map = entry.map
            func text(_ key: String) -> String? { reader.text(map[key])?.value }
            var resource = CrisisResource(
                id: entry.id, name: name, phone: text("phone"), display: text("display"), sms: text("sms"),
                smsKeyword: text("sms_keyword"), url: text("url"), hours: text("hours"), region: text("region"),
                description: text("description"), verifiedOn: reader.calendarDate(map["verified_on"])?.value,
                location: entry.location,
                fieldLocations: Dictionary(map.fields.map { ($0.key, $0.valueLocation) }, uniquingKeysWith: { a, _ in a }))
            if let url = resource.url, !(url.lowercased().hasPrefix("https://") || url.lowercased().hasPrefix("http://")) {
                reader.report(.dataSyntax, map["url"]?.valueLocation ?? entry.location,
                              "url of '\(entry.id)' must start with https:// (found '\(url)'); it is not shown")
                resource.url = nil
            }
            if resource.phone == nil && resource.sms == nil && resource.url == nil {
                reader.report(.dataSyntax, entry.location,
                              "crisis resource '\(entry.id)' has no phone, sms or url: readers could not reach it")
            }
            registries.crisisResources[entry.id] = resource
            registries.crisisResourceOrder.append(entry.id)
        }
        read(contentWarnings, file: Registries.contentWarningsFile, known: RegistryLoader.contentWarningKeys) { reader, entry in
            guard let label = RegistryLoader.required("label", entry, reader) else { return }
            let resources = reader.ids(entry.map["resources"])
            registries.contentWarnings[entry.id] = ContentWarning(
                id: entry.id, label: label, resources: resources.map(\.value), location: entry.location,
                resourceLocations: resources.map(\.location))
        }
        return registries
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

    /// A text field the entry cannot do without: its absence is reported at the entry's id.
    private static func required(_ key: String, _ entry: Entry, _ reader: YAMLFieldReader) -> String? {
        if let value = reader.text(entry.map[key]) { return value.value }
        if entry.map[key].map({ $0.value.scalarText != nil || $0.isNull }) ?? true {
            reader.reportMissing(key, in: entry.map, at: entry.location)
        }
        return nil
    }
}
