import Mustache

/// A theme's own markup for callouts, care cards and do/don't lists: a site's
/// `Templates/alert-<kind>.mustache` (`alert-note`, `alert-warning`, `alert-non-urgent`,
/// `alert-emergency`, `alert-do`, `alert-dont`…) replaces the built-in element around that kind's
/// block. It shows `{{{content}}}` exactly once, where the block's title and text go, and may show
/// `{{kind}}` (`note`), `{{class}}` (the built-in classes, `callout callout-note`), `{{label}}`
/// (the kind's name in the page's language, "Note") and `{{strings.…}}`.
///
/// Bodies are turned into HTML when a page is parsed, so each template is rendered once per
/// language into the HTML before and after the content, which the alert pass puts around the
/// block (`AlertLabels.wrappers`). Kinds without a template keep the built-in markup.
public struct AlertTemplates: Sendable {
    /// The file name's prefix (`alert-note.mustache`).
    static let prefix = "alert-"
    /// Stands for the content while a template is rendered (private-use characters: escaping
    /// leaves it as it is, and no string table or template holds it).
    private static let contentMark = "\u{E000}haven-alert-content\u{E001}"

    private let templates: [AlertKind: MustacheTemplate]

    /// No templates: every kind keeps the built-in markup.
    public static let none = AlertTemplates(templates: [:])

    private init(templates: [AlertKind: MustacheTemplate]) { self.templates = templates }

    /// The templates of a site's `Templates/` (name without `.mustache` → text and the file's path
    /// for messages). A name that is no kind, a template that does not parse, or one that does not
    /// show `{{{content}}}` exactly once (rendered with the built-in English words) is a theme error.
    static func load(_ sources: [String: (text: String, origin: String)]) throws(HavenError) -> AlertTemplates {
        var templates: [AlertKind: MustacheTemplate] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            let kindName = String(name.dropFirst(prefix.count))
            guard let kind = AlertKind(rawValue: kindName) else {
                let kinds = AlertKind.allCases.map { prefix + $0.rawValue }.joined(separator: ", ")
                throw .theme("\(source.origin): no callout, care card or list is called '\(kindName)' (templates: \(kinds))")
            }
            let template = try ThemeContentType.template(source.text, origin: source.origin)
            let check = AlertTemplates(templates: [kind: template])
            guard check.wrappers(StringTables.builtInOnly.table("en"))[kind] != nil else {
                throw .theme("\(source.origin): an alert template shows {{{content}}} exactly once (where the block's title and text go)")
            }
            templates[kind] = template
        }
        return AlertTemplates(templates: templates)
    }

    /// The HTML before and after the content of each kind with a template, in `strings`' language.
    /// A template whose output in this language does not hold the content exactly once (a section
    /// around it that this language's words leave empty) keeps the built-in markup for the kind.
    func wrappers(_ strings: StringTable) -> [AlertKind: AlertLabels.Wrapper] {
        guard !templates.isEmpty else { return [:] }
        let labels = AlertLabels.titles(strings)
        var wrappers: [AlertKind: AlertLabels.Wrapper] = [:]
        for (kind, template) in templates {
            let context: TemplateObject = ["kind": kind.rawValue, "class": AlertPass.classes(kind), "label": labels[kind] ?? kind.rawValue,
                                           "strings": strings.templateObject, "content": AlertTemplates.contentMark]
            let parts = template.render(context).components(separatedBy: AlertTemplates.contentMark)
            if parts.count == 2 { wrappers[kind] = AlertLabels.Wrapper(open: parts[0], close: parts[1]) }
        }
        return wrappers
    }
}
