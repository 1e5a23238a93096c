import Mustache

/// The HTML escaping of `{{ }}` in every template, by `HTMLEscape` on UTF-8 bytes: the same five
/// characters as Mustache's own HTML content type, which looks up every Character in a dictionary
/// (a quarter of all render time on a large site).
struct ThemeContentType: MustacheContentType {
    /// The name templates select it by, in the pragma `Theme` puts before each template.
    static let name = "HAVEN_HTML"
    /// The pragma on a line of its own: a standalone tag, so the line leaves no trace in the output.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    func escapeText(_ text: String) -> String { HTMLEscape.text(text) }

    /// A theme file's template, escaping with this content type. A parse error is a theme error
    /// naming `origin`, reported for the text as written (line numbers without the pragma line).
    static func template(_ text: String, origin: String) throws(HavenError) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: pragma + text)
        } catch {
            var reported = error
            do { _ = try MustacheTemplate(string: text) } catch let original { reported = original }
            throw .theme("\(origin): template does not parse: \(reported)")
        }
    }

    /// Registers the content type with Mustache (idempotent, thread-safe); before any template is parsed.
    static func register() {
        MustacheContentTypes.register(ThemeContentType(), named: name)
    }
}
