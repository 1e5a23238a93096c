import HavenKit

/// `textDocument/completion`: front-matter keys (with their one-line description) and the values
/// Haven knows: reviewer, content warning and crisis resource ids, modality and condition slugs,
/// page types, true/false, and rule ids and severities in `lint:` maps (front matter and haven.yml).
extension LanguageServer {
    func completion(_ params: TextDocumentPositionParams) -> CompletionList {
        let (doc, site, encoding) = withLock { () -> (Document?, Site?, PositionEncoding) in (self.documents[params.textDocument.uri], self.site, self.encoding) }
        guard let doc, let path = doc.path else { return CompletionList(items: []) }
        let line = params.position.line
        let column = doc.byteColumn(params.position, encoding) - 1
        if path == SiteConfig.fileName {
            let cursor = YAMLCursor(lines: doc.lines, line: line, column: column)
            switch cursor.place {
            case .key: return CompletionList(items: LanguageServer.keyItems(FieldTable.config, present: []))
            default: return CompletionList(items: valueItems(cursor.place, site: site))
            }
        }
        guard path.hasSuffix(".md"), doc.inFrontMatter(line) else { return CompletionList(items: []) }
        let yaml = Array(doc.lines[1..<(doc.frontMatterEnd ?? doc.lines.count)])
        let cursor = YAMLCursor(lines: yaml, line: line - 1, column: column)
        if case .key = cursor.place {
            let present = Set(yaml.compactMap { $0.first != " " ? $0.split(separator: ":").first.map(String.init) : nil })
            return CompletionList(items: LanguageServer.keyItems(FieldTable.frontMatter, present: present))
        }
        return CompletionList(items: valueItems(cursor.place, site: site))
    }

    static func keyItems(_ table: [FieldSpec], present: Set<String>) -> [CompletionItem] {
        table.enumerated().filter { !present.contains($0.element.name) }.map { index, field in
            CompletionItem(label: field.name, kind: 10, detail: field.summary,
                           documentation: MarkupContent(value: field.summary + LanguageServer.requirement(field.required)),
                           insertText: field.name + ": ", sortText: String(format: "%03d", index))
        }
    }

    private static func requirement(_ required: FieldSpec.Requirement) -> String {
        switch required {
        case .always: "\n\nRequired on every page."
        case .clinical: "\n\nRequired on clinical pages (article, modality, condition)."
        case .optional: ""
        }
    }

    private func valueItems(_ place: YAMLCursor.Place, site: Site?) -> [CompletionItem] {
        switch place {
        case .value(let key, _):
            guard let field = FieldTable.frontMatter.first(where: { $0.name == key }) else { return [] }
            return items(for: field.kind, site: site)
        case .nestedKey(let parent, _) where parent == "lint":
            return RuleID.allCases.map { rule in
                CompletionItem(label: rule.rawValue, kind: 21, detail: rule.info.summary,
                               documentation: MarkupContent(value: RuleDocs.entry(rule)), insertText: rule.rawValue + ": ", sortText: nil)
            }
        case .nestedValue(let parent, _, _) where parent == "lint":
            return ["off", "warning", "error"].map { CompletionItem(label: $0, kind: 12, detail: nil, documentation: nil, insertText: nil, sortText: nil) }
        case .nestedKey(let parent, _) where parent == "image":
            return ["src", "alt", "credit"].map { CompletionItem(label: $0, kind: 10, detail: nil, documentation: nil, insertText: $0 + ": ", sortText: nil) }
        default:
            return []
        }
    }

    private func items(for kind: FieldSpec.Kind, site: Site?) -> [CompletionItem] {
        func constant(_ label: String, _ detail: String?) -> CompletionItem {
            CompletionItem(label: label, kind: 21, detail: detail, documentation: nil, insertText: nil, sortText: nil)
        }
        switch kind {
        case .id(.reviewers), .ids(.reviewers), .idList(.reviewers):
            return (site?.registries.reviewers.values.sorted { $0.id < $1.id } ?? []).map {
                constant($0.id, "\($0.name), \($0.credentials)" + ($0.placeholder ? " (example person)" : ""))
            }
        case .id(.contentWarnings), .ids(.contentWarnings), .idList(.contentWarnings):
            return (site?.registries.contentWarnings.values.sorted { $0.id < $1.id } ?? []).map { constant($0.id, $0.label) }
        case .id(.crisisResources), .ids(.crisisResources), .idList(.crisisResources):
            let registries = site?.registries
            return (registries?.crisisResourceOrder ?? []).compactMap { registries?.crisisResources[$0] }.map {
                constant($0.id, [$0.name, $0.display ?? $0.phone].compactMap { $0 }.joined(separator: " · "))
            }
        case .slugs(let type):
            return (site?.pages(of: type) ?? []).map { constant($0.slug, $0.title) }
        case .oneOf(let words):
            return words.map { constant($0, nil) }
        case .bool:
            return ["true", "false"].map { constant($0, nil) }
        case .lint:
            return RuleID.allCases.map { constant($0.rawValue, $0.info.summary) }
        default:
            return []
        }
    }
}
