import HavenKit

/// `textDocument/hover` on an id: a reviewer's name and credentials; a crisis resource's name,
/// number, hours and `verified_on`; a content warning's label and resources; a modality's or a
/// condition's title; a rule's catalogue entry. On a translation (`x.es.md`) the texts are the
/// page's language's, as its build shows them: data-file texts resolved by `LocalizedText`, and the
/// modality or condition page in that language where one exists.
extension LanguageServer {
    func hover(_ params: TextDocumentPositionParams) -> Hover? {
        let (doc, site, encoding) = withLock { () -> (Document?, Site?, PositionEncoding) in (self.documents[params.textDocument.uri], self.site, self.encoding) }
        guard let doc else { return nil }
        let column = doc.byteColumn(params.position, encoding) - 1
        let cursor = YAMLCursor(lines: doc.lines, line: params.position.line, column: column)
        let word = cursor.word
        guard !word.isEmpty else { return nil }
        // The key decides which registry an id belongs to; elsewhere (a data file's `resources`), any that has it.
        var key: String?
        switch cursor.place {
        case .value(let k, _): key = k
        case .nestedKey(let parent, _), .nestedValue(let parent, _, _): key = parent
        case .key: key = nil
        }
        let language = site.flatMap { site in doc.path.map { site.routes.language(ofSource: $0) } }
        guard let text = LanguageServer.describe(word, key: key, site: site, language: language) else { return nil }
        return Hover(contents: MarkupContent(value: text), range: nil)
    }

    /// `language`: the id of the language the hovered file is written in (nil: the default one).
    static func describe(_ id: String, key: String?, site: Site?, language: String? = nil) -> String? {
        let languageID = language ?? site?.routes.languages.defaultID ?? ""
        let registries = site?.registries(languageID: languageID)
        // A safety text this language lacks is shown as missing, never in another language.
        let missing = "*(no `\(languageID)` text: `missing-translation`)*"
        let wants = { (name: String) in key == nil || key == name }
        if wants("lint") || key == "resources" || key == nil, let rule = RuleID(id: id) { return RuleDocs.entry(rule) }
        if wants("reviewer"), let reviewer = registries?.reviewers[id] {
            var text = "**\(reviewer.name)**, \(reviewer.credentials)"
            if let bio = reviewer.bio { text += "\n\n\(bio)" }
            if reviewer.placeholder { text += "\n\n*An example person (`placeholder: true`): refused by `haven build --production`.*" }
            return text
        }
        if wants("crisis_resources") || key == "resources", let resource = registries?.crisisResources[id] {
            var lines = [resource.name.isEmpty ? "**\(id)** \(missing)" : "**\(resource.name)**"]
            if let number = resource.display ?? resource.phone { lines.append("Phone: \(number)") }
            if let sms = resource.sms { lines.append("Text: \(sms)" + (resource.smsKeyword.map { " (\($0))" } ?? "")) }
            if let hours = resource.hours { lines.append("Hours: \(hours)") }
            if let region = resource.region { lines.append("Region: \(region)") }
            lines.append("Verified on: " + (resource.verifiedOn?.description ?? "never (add `verified_on`)"))
            if let url = resource.url { lines.append(url) }
            return lines.joined(separator: "  \n")
        }
        if wants("content_warnings"), let warning = registries?.contentWarnings[id] {
            let resources = warning.resources.compactMap { registries?.crisisResources[$0].map { $0.name.isEmpty ? "\($0.id) \(missing)" : $0.name } }
            let label = warning.label.isEmpty ? "\(id)** \(missing)" : "\(warning.label)**"
            return "**Content warning: " + label + (resources.isEmpty ? "" : "\n\nShows: " + resources.joined(separator: ", "))
        }
        for (name, type) in [("modalities", PageType.modality), ("conditions", .condition)] where wants(name) {
            if let site, let page = site.term(type, id, in: languageID) { return "**\(page.title)** (\(page.source))" }
        }
        return nil
    }
}
