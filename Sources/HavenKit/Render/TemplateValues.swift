import Mustache

/// What templates render from: maps of names to values, built by `ContextBuilder`.
///
/// swift-mustache resolves every `{{name}}` through a chain of dynamic casts, and casting to a
/// protocol is cheaper for these plain structs than for `[String: Any]` (whose conformance is
/// conditional) or `String` (which Mustache prints through `String(describing:)`): on Haven's
/// templates these two types cut Mustache's work by about a quarter. Templates see no difference:
/// names, sections, inverted sections and transforms (`{{uppercased(title)}}`,
/// `{{#empty(items)}}`) behave as they do on dictionaries and strings.
struct TemplateObject: MustacheParent, MustacheTransformable, ExpressibleByDictionaryLiteral, @unchecked Sendable {
    /// The values: strings are kept as `TemplateText`; otherwise Bool, Int, TemplateObject, or
    /// arrays of them. Immutable once the context is handed to a template.
    private(set) var fields: [String: Any]

    init() { fields = [:] }

    init(dictionaryLiteral elements: (String, Any)...) {
        fields = Dictionary(minimumCapacity: elements.count)
        for (key, value) in elements { fields[key] = TemplateObject.prepared(value) }
    }

    subscript(key: String) -> Any? {
        get { fields[key] }
        set { fields[key] = newValue.map(TemplateObject.prepared) }
    }

    func child(named: String) -> Any? { fields[named] }

    func transform(_ name: String) -> Any? { fields.transform(name) }

    private static func prepared(_ value: Any) -> Any {
        if let text = value as? String { return TemplateText(text) }
        return value
    }
}

/// A string as templates show it: escaped by `{{ }}`, as it is by `{{{ }}}`.
///
/// A section on a string (`{{#description}}…{{/description}}`) puts the string on Mustache's
/// context stack, and every name inside the section is first looked up on it. Text has no named
/// children; saying so (`MustacheParent`) spares Mustache a `Mirror` over this struct per lookup.
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, MustacheParent, Sendable {
    let value: String

    init(_ value: String) { self.value = value }

    var renderText: String { value }
    var isNull: Bool { false }
    func transform(_ name: String) -> Any? { value.transform(name) }
    func child(named: String) -> Any? { nil }
}
