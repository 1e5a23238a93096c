import Yams

/// Decodes front-matter YAML into `FrontMatter`, reporting each fault with its line and column
/// and carrying on, so one run lists every problem.
struct FrontMatterDecoder {
    let positioner: YAMLPositioner
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, firstLine: Int) {
        positioner = YAMLPositioner(file: file, firstLine: firstLine)
    }

    mutating func decode(_ yaml: String) -> FrontMatter {
        var matter = FrontMatter(start: SourceLocation(file: positioner.file, line: 1, column: 1))
        var root: Node?
        var source = yaml
        // A key given twice is reported (unknown-key, as SPEC §2 groups it), then its second use is
        // dropped and the rest read, so one slip does not hide every other value.
        for _ in 0..<16 {
            switch YAMLReader.compose(source) {
            case .failure(let failure):
                let at = positioner.location(line: failure.line, column: failure.column)
                if failure.duplicateKey != nil {
                    report(.unknownKey, at, failure.message + "; the second value is ignored")
                    source = FrontMatterDecoder.removingEntry(at: failure.line, in: source)
                    continue
                }
                report(.frontMatterSyntax, at, failure.message)
                matter.isUnreadable = true
                return matter
            case .success(let node):
                root = node
            }
            break
        }
        guard let root, !root.isNull else { return matter }
        guard case .mapping(let mapping) = root else {
            report(.frontMatterSyntax, positioner.location(root),
                   "front matter must be a map of keys (like `title: …`), found \(root.kindDescription)")
            matter.isUnreadable = true
            return matter
        }
        for (keyNode, value) in mapping {
            let key = keyNode.scalarText ?? ""
            let at = positioner.location(keyNode)
            guard FrontMatter.keys.contains(key) else {
                let hint = Suggest.closest(to: key, in: FrontMatter.keys).map { " (did you mean '\($0)'?)" } ?? ""
                report(.unknownKey, at, "unknown front-matter key '\(key)'\(hint)")
                continue
            }
            matter.keyLocations[key] = at
            switch key {
            case "title": matter.title = text(key, value)
            case "description": matter.description = text(key, value)
            case "author": matter.author = text(key, value)
            case "reviewer": matter.reviewer = text(key, value)
            case "reviewed": matter.reviewed = date(key, value)
            case "updated": matter.updated = date(key, value)
            case "published": matter.published = date(key, value)
            case "slug": matter.slug = slug(value)
            case "type":
                guard let raw = text(key, value) else { break }
                if let type = PageType(rawValue: raw.value) {
                    matter.type = Located(value: type, location: raw.location)
                } else {
                    report(.invalidValue, raw.location, "type must be article, modality, condition or page, found '\(raw.value)'")
                }
            case "modalities": matter.modalities = list(key, value)
            case "conditions": matter.conditions = list(key, value)
            case "content_warnings": matter.contentWarnings = list(key, value)
            case "crisis_resources": matter.crisisResources = list(key, value)
            case "image": matter.image = image(value)
            case "disclaimer":
                if let flag = bool(key, value) { matter.disclaimer = Located(value: flag, location: at) }
            case "draft": matter.draft = bool(key, value) ?? false
            case "key_points": matter.keyPoints = textList(key, value)
            case "translator": matter.translator = text(key, value)
            case "source_updated": matter.sourceUpdated = date(key, value)
            case "review_seal": matter.reviewSeal = text(key, value)
            case "lint":
                switch SeverityOverrides.parse(value, positioner: positioner) {
                case .success(let overrides): matter.lint = overrides
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            default: break
            }
        }
        return matter
    }

    /// The YAML text without the entry that starts on `line` (1-based) and its more-indented lines.
    /// Lines are blanked, not removed, so positions stay those of the file.
    static func removingEntry(at line: Int, in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard line >= 1, line <= lines.count else { return text }
        let indent = lines[line - 1].prefix { $0 == " " }.count
        lines[line - 1] = ""
        var next = line
        while next < lines.count {
            let candidate = lines[next]
            let candidateIndent = candidate.prefix { $0 == " " }.count
            if !candidate.trimmingSpaces.isEmpty && candidateIndent <= indent { break }
            lines[next] = ""
            next += 1
        }
        return lines.joined(separator: "\n")
    }

    private mutating func report(_ rule: RuleID, _ at: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(rule, at: at, message))
    }

    private mutating func text(_ key: String, _ node: Node) -> Located<String>? {
        guard !node.isNull else { return nil }
        guard let s = node.scalarText else {
            report(.invalidValue, positioner.location(node), "'\(key)' must be text, found \(node.kindDescription)")
            return nil
        }
        let trimmed = s.trimmingSpaces
        return trimmed.isEmpty ? nil : Located(value: trimmed, location: positioner.location(node))
    }

    private mutating func date(_ key: String, _ node: Node) -> Located<String>? {
        guard let raw = text(key, node) else { return nil }
        if CalendarDate(iso: raw.value) == nil {
            report(.invalidDate, raw.location, "'\(key)' is '\(raw.value)', which is not a real date written YYYY-MM-DD")
        }
        return raw
    }

    private mutating func bool(_ key: String, _ node: Node) -> Bool? {
        guard let flag = node.boolValue else {
            report(.invalidValue, positioner.location(node), "'\(key)' must be true or false")
            return nil
        }
        return flag
    }

    private mutating func slug(_ node: Node) -> Located<String>? {
        guard let raw = text("slug", node) else { return nil }
        let ok = !raw.value.isEmpty && raw.value != "." && raw.value != ".." && raw.value.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_" || $0 == "."
        }
        guard ok else {
            report(.invalidValue, raw.location, "slug '\(raw.value)' may hold only letters, digits, '-', '_' and '.'")
            return nil
        }
        return raw
    }

    /// A list of ids; a single id is accepted as a one-item list.
    private mutating func list(_ key: String, _ node: Node) -> [Located<String>] {
        if node.isNull { return [] }
        if let single = node.scalarText {
            return [Located(value: single.trimmingSpaces, location: positioner.location(node))]
        }
        guard case .sequence(let items) = node else {
            report(.invalidValue, positioner.location(node), "'\(key)' must be a list of ids, found \(node.kindDescription)")
            return []
        }
        var out: [Located<String>] = []
        for item in items {
            guard let id = item.scalarText else {
                report(.invalidValue, positioner.location(item), "each '\(key)' entry must be an id, found \(item.kindDescription)")
                continue
            }
            out.append(Located(value: id.trimmingSpaces, location: positioner.location(item)))
        }
        return out
    }

    /// A list of short texts (`key_points`); a single text is accepted as a one-item list.
    private mutating func textList(_ key: String, _ node: Node) -> [Located<String>] {
        if node.isNull { return [] }
        if node.scalarText != nil { return text(key, node).map { [$0] } ?? [] }
        guard case .sequence(let items) = node else {
            report(.invalidValue, positioner.location(node), "'\(key)' must be a list of short sentences, found \(node.kindDescription)")
            return []
        }
        return items.compactMap { text(key, $0) }
    }

    private mutating func image(_ node: Node) -> PageImage? {
        guard case .mapping(let mapping) = node else {
            report(.invalidValue, positioner.location(node), "'image' must be a map with src, alt and credit")
            return nil
        }
        var src: Located<String>?, alt: String?, credit: String?
        for (keyNode, value) in mapping {
            switch keyNode.scalarText ?? "" {
            case "src": src = text("image.src", value)
            case "alt": alt = text("image.alt", value)?.value
            case "credit": credit = text("image.credit", value)?.value
            default:
                let name = keyNode.scalarText ?? ""
                let hint = Suggest.closest(to: name, in: ["src", "alt", "credit"]).map { " (did you mean '\($0)'?)" } ?? ""
                report(.unknownKey, positioner.location(keyNode), "unknown image key '\(name)'\(hint)")
            }
        }
        guard let src else {
            report(.invalidValue, positioner.location(node), "'image' needs a 'src'")
            return nil
        }
        return PageImage(src: src, alt: alt, credit: credit, location: positioner.location(node))
    }
}
