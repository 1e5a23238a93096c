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

/// Reads the registries, reporting every fault as a diagnostic rather than stopping.
struct RegistryLoader {
    var diagnostics: [Diagnostic] = []

    mutating func load(reviewers: String?, crisisResources: String?, contentWarnings: String?) -> Registries {
        var registries = Registries()
        for (id, entry) in entries(reviewers, file: Registries.reviewersFile) {
            let fields = entry.fields(known: ["name", "credentials", "bio", "placeholder"], into: &diagnostics)
            guard let name = fields.text("name", required: true, into: &diagnostics) else { continue }
            let credentials = fields.text("credentials", required: true, into: &diagnostics) ?? ""
            registries.reviewers[id] = Reviewer(
                id: id, name: name, credentials: credentials, bio: fields.text("bio", into: &diagnostics),
                placeholder: fields.bool("placeholder", into: &diagnostics) ?? false, location: entry.location)
        }
        for (id, entry) in entries(crisisResources, file: Registries.crisisResourcesFile) {
            let fields = entry.fields(known: ["name", "phone", "display", "sms", "sms_keyword", "url", "hours",
                                              "region", "description", "verified_on"], into: &diagnostics)
            guard let name = fields.text("name", required: true, into: &diagnostics) else { continue }
            var verified: CalendarDate?
            if let raw = fields.text("verified_on", into: &diagnostics) {
                verified = CalendarDate(iso: raw)
                if verified == nil {
                    diagnostics.append(Diagnostic(.invalidDate, at: fields.location(of: "verified_on"),
                                                  "verified_on '\(raw)' is not a real date written YYYY-MM-DD"))
                }
            }
            var resource = CrisisResource(
                id: id, name: name, phone: fields.text("phone", into: &diagnostics),
                display: fields.text("display", into: &diagnostics), sms: fields.text("sms", into: &diagnostics),
                smsKeyword: fields.text("sms_keyword", into: &diagnostics), url: fields.text("url", into: &diagnostics),
                hours: fields.text("hours", into: &diagnostics), region: fields.text("region", into: &diagnostics),
                description: fields.text("description", into: &diagnostics), verifiedOn: verified,
                location: entry.location, fieldLocations: fields.locations)
            if let url = resource.url, !(url.lowercased().hasPrefix("https://") || url.lowercased().hasPrefix("http://")) {
                diagnostics.append(Diagnostic(.dataSyntax, at: fields.location(of: "url"),
                                              "url of '\(id)' must start with https:// (found '\(url)'); it is not shown"))
                resource.url = nil
            }
            if resource.phone == nil && resource.sms == nil && resource.url == nil {
                diagnostics.append(Diagnostic(.dataSyntax, at: entry.location,
                                              "crisis resource '\(id)' has no phone, sms or url: readers could not reach it"))
            }
            registries.crisisResources[id] = resource
            registries.crisisResourceOrder.append(id)
        }
        for (id, entry) in entries(contentWarnings, file: Registries.contentWarningsFile) {
            let fields = entry.fields(known: ["label", "resources", "description"], into: &diagnostics)
            guard let label = fields.text("label", required: true, into: &diagnostics) else { continue }
            let resources = fields.list("resources", into: &diagnostics)
            registries.contentWarnings[id] = ContentWarning(
                id: id, label: label, resources: resources.map(\.value), location: entry.location,
                resourceLocations: resources.map(\.location))
        }
        return registries
    }

    /// The top-level `id: {fields}` entries of one data file, in file order.
    private mutating func entries(_ text: String?, file: String) -> [(String, DataEntry)] {
        guard let text else { return [] }
        let positioner = YAMLPositioner(file: file, firstLine: 1)
        let root: Node
        switch YAMLReader.compose(text) {
        case .failure(let failure):
            diagnostics.append(Diagnostic(.dataSyntax, at: positioner.location(line: failure.line, column: failure.column),
                                          failure.message))
            return []
        case .success(let node):
            guard let node, !node.isNull else { return [] }
            root = node
        }
        guard case .mapping(let mapping) = root else {
            diagnostics.append(Diagnostic(.dataSyntax, at: positioner.location(root),
                                          "\(file) must be a map of id → fields, found \(root.kindDescription)"))
            return []
        }
        var result: [(String, DataEntry)] = []
        for (keyNode, value) in mapping {
            guard let id = keyNode.scalarText, !id.isEmpty else {
                diagnostics.append(Diagnostic(.dataSyntax, at: positioner.location(keyNode), "an entry id must be text"))
                continue
            }
            guard case .mapping(let fields) = value else {
                diagnostics.append(Diagnostic(.dataSyntax, at: positioner.location(value),
                                              "entry '\(id)' must be a map of fields, found \(value.kindDescription)"))
                continue
            }
            result.append((id, DataEntry(id: id, mapping: fields, location: positioner.location(keyNode), positioner: positioner)))
        }
        return result
    }
}

/// One `id:` entry of a data file.
struct DataEntry {
    var id: String
    var mapping: Node.Mapping
    var location: SourceLocation
    var positioner: YAMLPositioner

    func fields(known: [String], into diagnostics: inout [Diagnostic]) -> DataFields {
        var values: [String: Node] = [:]
        var locations: [String: SourceLocation] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.scalarText ?? ""
            guard known.contains(key) else {
                let hint = Suggest.closest(to: key, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.append(Diagnostic(.unknownKey, at: positioner.location(keyNode),
                                              "unknown field '\(key)' in '\(id)'\(hint)"))
                continue
            }
            values[key] = value
            locations[key] = positioner.location(value)
        }
        return DataFields(id: id, values: values, locations: locations, entryLocation: location, positioner: positioner)
    }
}

struct DataFields {
    var id: String
    var values: [String: Node]
    var locations: [String: SourceLocation]
    var entryLocation: SourceLocation
    var positioner: YAMLPositioner

    func location(of key: String) -> SourceLocation { locations[key] ?? entryLocation }

    func text(_ key: String, required: Bool = false, into diagnostics: inout [Diagnostic]) -> String? {
        guard let node = values[key], !node.isNull else {
            if required {
                diagnostics.append(Diagnostic(.dataSyntax, at: entryLocation, "'\(id)' has no '\(key)'"))
            }
            return nil
        }
        guard let text = node.scalarText else {
            diagnostics.append(Diagnostic(.dataSyntax, at: location(of: key),
                                          "'\(key)' of '\(id)' must be text, found \(node.kindDescription)"))
            return nil
        }
        return text
    }

    func bool(_ key: String, into diagnostics: inout [Diagnostic]) -> Bool? {
        guard let node = values[key], !node.isNull else { return nil }
        guard let value = node.boolValue else {
            diagnostics.append(Diagnostic(.dataSyntax, at: location(of: key), "'\(key)' of '\(id)' must be true or false"))
            return nil
        }
        return value
    }

    func list(_ key: String, into diagnostics: inout [Diagnostic]) -> [(value: String, location: SourceLocation)] {
        guard let node = values[key], !node.isNull else { return [] }
        guard case .sequence(let items) = node else {
            diagnostics.append(Diagnostic(.dataSyntax, at: location(of: key), "'\(key)' of '\(id)' must be a list"))
            return []
        }
        var result: [(String, SourceLocation)] = []
        for item in items {
            guard let text = item.scalarText else {
                diagnostics.append(Diagnostic(.dataSyntax, at: positioner.location(item), "each '\(key)' entry must be text"))
                continue
            }
            result.append((text, positioner.location(item)))
        }
        return result
    }
}
