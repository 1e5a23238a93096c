import Foundation

/// The kinds of file `haven schema` describes.
public enum SchemaKind: String, Sendable, CaseIterable {
    case frontMatter = "front-matter"
    case config
    case reviewers
    case crisisResources = "crisis-resources"
    case contentWarnings = "content-warnings"
}

/// The ids of one site that become enums in its schemas (registries, modality and condition slugs).
public struct SchemaIDs: Sendable {
    public var registries: [FieldSpec.Registry: [String]]
    public var slugs: [PageType: [String]]

    public init(site: Site) {
        registries = [
            .reviewers: site.registries.reviewers.keys.sorted(),
            .crisisResources: site.registries.crisisResourceOrder,
            .contentWarnings: site.registries.contentWarnings.keys.sorted(),
        ]
        slugs = [.modality: site.pages(of: .modality).map(\.slug), .condition: site.pages(of: .condition).map(\.slug)]
    }
}

/// JSON Schema 2020-12 for each kind of file, made from `FieldTable` (the keys Haven reads), so a
/// tool that reads JSON Schema checks what Haven checks of a file's shape: keys, types, required
/// keys per page type, and (with a site) that ids exist. YAML dates are strings (YAML 1.2).
public enum JSONSchema {
    public static func schema(_ kind: SchemaKind, type: PageType? = nil, ids: SchemaIDs? = nil) -> JSONValue {
        var root: [(String, JSONValue?)] = [("$schema", .string("https://json-schema.org/draft/2020-12/schema"))]
        switch kind {
        case .frontMatter:
            let title = type.map { "Haven front matter (\($0.rawValue))" } ?? "Haven front matter"
            root += [("title", .string(title)), ("description", .string("The YAML between the first two `---` lines of a Markdown page."))]
            root += object(FieldTable.frontMatter, ids: ids, type: type)
            if type == nil {
                // The type decides the required keys when it is written (else it comes from the folder).
                let clinical = FieldTable.frontMatter.filter { $0.required == .clinical }.map { JSONValue.string($0.name) }
                root.append(("if", .object([("properties", .object([("type", .object([("enum", .array(["article", "modality", "condition"].map(JSONValue.string)))]))])),
                                            ("required", .array([.string("type")]))])))
                root.append(("then", .object([("required", .array(clinical))])))
            }
        case .config:
            root += [("title", .string("Haven site configuration (haven.yml)"))]
            root += object(FieldTable.config, ids: ids, type: nil)
        case .reviewers, .crisisResources, .contentWarnings:
            let registry: FieldSpec.Registry = kind == .reviewers ? .reviewers : kind == .crisisResources ? .crisisResources : .contentWarnings
            var entry = object(FieldTable.fields(of: registry), ids: ids, type: nil)
            if registry == .crisisResources {
                entry.append(("anyOf", .array(["phone", "sms", "url"].map { .object([("required", .array([.string($0)]))]) })))
            }
            root += [("title", .string("Haven \(registry.file)")), ("description", .string("Entries by id.")),
                     ("type", .string("object")),
                     ("propertyNames", .object([("minLength", .number(1))])),
                     ("additionalProperties", .object(entry.compactMap { key, value in value.map { (key, $0) } }))]
        }
        return .object(root.compactMap { key, value in value.map { (key, $0) } })
    }

    /// An object of the table's keys, closed (`additionalProperties: false`), with its required keys.
    private static func object(_ table: [FieldSpec], ids: SchemaIDs?, type: PageType?) -> [(String, JSONValue?)] {
        let clinical = type.map { $0 != .page } ?? false
        var properties: [(String, JSONValue)] = []
        var required: [JSONValue] = []
        for field in table {
            var schema = value(field.kind, ids: ids)
            if field.name == "disclaimer", clinical { schema = [("const", .bool(true))] }
            if field.name == "type", let type { schema = [("const", .string(type.rawValue))] }
            properties.append((field.name, .object([("description", .string(field.summary))] + schema)))
            if field.required == .always || (field.required == .clinical && clinical) { required.append(.string(field.name)) }
        }
        return [("type", .string("object")), ("properties", .object(properties)),
                ("required", required.isEmpty ? nil : .array(required)), ("additionalProperties", .bool(false))]
    }

    /// A language id (`es`, `en-gb`).
    private static let languageID = "^[a-z]{2,3}(-[a-z0-9]{2,8})*$"

    private static func value(_ kind: FieldSpec.Kind, ids: SchemaIDs?) -> [(String, JSONValue)] {
        let text: [(String, JSONValue)] = [("type", .string("string")), ("pattern", .string("\\S"))]
        func known(_ values: [String]?) -> [(String, JSONValue)] {
            guard let values else { return [("type", .string("string"))] }
            return [("enum", .array(values.map(JSONValue.string)))]
        }
        func oneOrMany(_ item: [(String, JSONValue)]) -> [(String, JSONValue)] {
            [("anyOf", .array([.object(item), .object([("type", .string("array")), ("items", .object(item))])]))]
        }
        switch kind {
        case .text: return text
        case .date: return [("type", .string("string")), ("format", .string("date")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
        case .bool: return [("type", .string("boolean"))]
        case .positiveInteger: return [("type", .string("integer")), ("minimum", .number(1))]
        case .positiveNumber: return [("type", .string("number")), ("exclusiveMinimum", .number(0))]
        case .url: return [("type", .string("string")), ("pattern", .string("^https?://"))]
        case .oneOf(let words): return [("enum", .array(words.map(JSONValue.string)))]
        case .id(let registry): return known(ids?.registries[registry])
        case .ids(let registry): return oneOrMany(known(ids?.registries[registry]))
        case .idList(let registry): return [("type", .string("array")), ("items", .object(known(ids?.registries[registry])))]
        case .slugs(let type): return oneOrMany(known(ids?.slugs[type]))
        case .textList: return oneOrMany(text)
        case .slug: return [("type", .string("string")), ("pattern", .string("^[\\w.-]+$")), ("not", .object([("enum", .array([".", ".."].map(JSONValue.string)))]))]
        case .seal: return [("type", .string("string")), ("pattern", .string("^[0-9a-f]{16}$"))]
        case .lint:
            return [("type", .string("object")),
                    ("propertyNames", .object([("enum", .array(RuleID.allCases.map { .string($0.rawValue) }))])),
                    ("additionalProperties", .object([("enum", .array(["off", "warning", "error"].map(JSONValue.string)))]))]
        case .localizedText:
            return [("anyOf", .array([.object(text), .object([("type", .string("object")),
                                                             ("propertyNames", .object([("pattern", .string(languageID))])),
                                                             ("additionalProperties", .object(text))])]))]
        case .languageIDs: return oneOrMany([("type", .string("string")), ("pattern", .string(languageID))])
        case .languageTag: return [("type", .string("string")), ("pattern", .string("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"))]
        case .languages:
            let entry = object(FieldTable.language, ids: ids, type: nil).compactMap { key, value in value.map { (key, $0) } }
            return [("type", .string("object")), ("propertyNames", .object([("pattern", .string(languageID))])),
                    ("additionalProperties", .object(entry))]
        case .image:
            return [("type", .string("object")),
                    ("properties", .object([("src", .object(text)), ("alt", .object(text)), ("credit", .object(text))])),
                    ("required", .array([.string("src"), .string("alt")])), ("additionalProperties", .bool(false))]
        }
    }
}
