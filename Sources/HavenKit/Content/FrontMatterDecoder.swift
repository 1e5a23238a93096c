import Yams

/// Decodes front-matter YAML into `FrontMatter` through `YAMLFieldReader`, reporting each fault
/// with its line and column and carrying on, so one run lists every problem.
struct FrontMatterDecoder {
    let positioner: YAMLPositioner
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, firstLine: Int) {
        positioner = YAMLPositioner(file: file, firstLine: firstLine)
    }

    mutating func decode(_ yaml: String) -> FrontMatter {
        let reader = YAMLFieldReader(file: positioner.file, firstLine: positioner.firstLine, valueRule: .invalidValue)
        defer { diagnostics += reader.diagnostics }
        var matter = FrontMatter(start: SourceLocation(file: positioner.file, line: 1, column: 1))
        // A key given twice is reported as unknown-key (SPEC §2 groups it there).
        let root: Node
        switch reader.compose(yaml, syntaxRule: .frontMatterSyntax, duplicateRule: .unknownKey) {
        case .failure:
            matter.isUnreadable = true
            return matter
        case .success(let node):
            guard let node else { return matter }
            root = node
        }
        guard let map = reader.map(root, known: FrontMatter.keys, naming: .frontMatter,
                                   shape: "front matter must be a map of keys (like `title: …`)",
                                   shapeRule: .frontMatterSyntax) else {
            matter.isUnreadable = true
            return matter
        }
        for field in map.fields {
            matter.keyLocations[field.key] = field.keyLocation
            switch field.key {
            case "title": matter.title = reader.text(field)
            case "description": matter.description = reader.text(field)
            case "author": matter.author = reader.text(field)
            case "reviewer": matter.reviewer = reader.text(field)
            case "reviewed": matter.reviewed = reader.date(field)
            case "updated": matter.updated = reader.date(field)
            case "published": matter.published = reader.date(field)
            case "slug": matter.slug = slug(field, reader)
            case "type":
                guard let raw = reader.text(field) else { break }
                if let type = PageType(rawValue: raw.value) {
                    matter.type = Located(value: type, location: raw.location)
                } else {
                    reader.report(.invalidValue, raw.location, "type must be article, modality, condition or page, found '\(raw.value)'")
                }
            case "modalities": matter.modalities = reader.ids(field)
            case "conditions": matter.conditions = reader.ids(field)
            case "content_warnings": matter.contentWarnings = reader.ids(field)
            case "crisis_resources": matter.crisisResources = reader.ids(field)
            case "image": matter.image = image(field, reader)
            case "disclaimer":
                if let flag = bool(field, reader) { matter.disclaimer = Located(value: flag, location: field.keyLocation) }
            case "draft": matter.draft = bool(field, reader) ?? false
            case "key_points": matter.keyPoints = reader.texts(field)
            case "translator": matter.translator = reader.text(field)
            case "source_updated": matter.sourceUpdated = reader.date(field)
            case "review_seal": matter.reviewSeal = reader.text(field)
            case "lint": matter.lint = reader.severities(field)
            default: break
            }
        }
        return matter
    }

    /// A flag: in front matter `draft:` with no value is a mistake too, not "absent".
    private func bool(_ field: YAMLField, _ reader: YAMLFieldReader) -> Bool? {
        if field.isNull {
            reader.report(.invalidValue, field.valueLocation, "\(field.subject) must be true or false")
            return nil
        }
        return reader.bool(field)?.value
    }

    private func slug(_ field: YAMLField, _ reader: YAMLFieldReader) -> Located<String>? {
        guard let raw = reader.text(field) else { return nil }
        let ok = raw.value != "." && raw.value != ".." && raw.value.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_" || $0 == "."
        }
        guard ok else {
            reader.report(.invalidValue, raw.location, "slug '\(raw.value)' may hold only letters, digits, '-', '_' and '.'")
            return nil
        }
        return raw
    }

    private static let imageKeys = ["src", "alt", "credit"]

    private func image(_ field: YAMLField, _ reader: YAMLFieldReader) -> PageImage? {
        guard let map = reader.map(field.value, known: FrontMatterDecoder.imageKeys,
                                   naming: YAMLMapNaming(keyNoun: "image key", keyPrefix: "image."),
                                   shape: "'image' must be a map with src, alt and credit") else { return nil }
        guard let src = reader.text(map["src"]) else {
            reader.report(.invalidValue, map.location, "'image' needs a 'src'")
            return nil
        }
        return PageImage(src: src, alt: reader.text(map["alt"])?.value, credit: reader.text(map["credit"])?.value,
                         location: map.location)
    }
}
