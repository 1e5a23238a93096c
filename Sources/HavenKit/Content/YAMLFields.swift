import Yams

/// How messages about one YAML map name it: what its keys are called, and whose they are.
///
/// Front matter: `unknown front-matter key 'x'`, `'title' must be text`. A data-file entry:
/// `unknown field 'x' in 'samhsa'`, `'name' of 'samhsa' must be text`, `'samhsa' has no 'name'`.
struct YAMLMapNaming: Sendable {
    /// What an unknown key is called: "front-matter key", "setting", "field", "rule id".
    var keyNoun: String
    /// The thing the map describes, as messages name it ("'samhsa'", "language 'es'"); nil for a
    /// whole file's map.
    var owner: String? = nil
    /// Written before each key in messages about its value ("image." gives `'image.src' must be text`).
    var keyPrefix: String = ""

    static let frontMatter = YAMLMapNaming(keyNoun: "front-matter key")
    static let settings = YAMLMapNaming(keyNoun: "setting")
}

/// One known key of a YAML map and its value, both located.
struct YAMLField {
    let key: String
    let keyNode: Node
    let value: Node
    /// Where the key is written (findings about the key: unknown, given twice, its value absent).
    let keyLocation: SourceLocation
    /// Where the value is written (findings about the value).
    let valueLocation: SourceLocation
    /// The key as messages name it: `'title'`, `'name' of 'samhsa'`.
    let subject: String
    /// The naming of the map the field belongs to (for maps nested in it).
    let naming: YAMLMapNaming

    /// Whether the value is a YAML null (`key:` with nothing, `~`, `null`): treated as absent.
    var isNull: Bool { value.isNull }
}

/// A YAML map read against its known keys: the known ones in file order.
struct YAMLMap {
    let node: Node
    let location: SourceLocation
    let naming: YAMLMapNaming
    /// The known keys' fields, in the order they are written.
    let fields: [YAMLField]

    subscript(key: String) -> YAMLField? { fields.first { $0.key == key } }
}

/// The one reader of YAML fields: front matter, the data files and `haven.yml` all read their
/// values through it. Each accessor returns a typed value that keeps its location, or reports why
/// it cannot (the value's wrong shape, an unknown key with a did-you-mean) and returns nil, so one
/// run lists every fault. Findings collect in `diagnostics`; `haven.yml` turns the first into exit 2.
final class YAMLFieldReader {
    /// Set again by `compose` with the text, so columns on lines with non-ASCII text are converted.
    private(set) var positioner: YAMLPositioner
    /// The rule a value of the wrong shape breaks: `invalid-value` in front matter and `haven.yml`,
    /// `data-syntax` in data files.
    let valueRule: RuleID
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, firstLine: Int = 1, valueRule: RuleID) {
        positioner = YAMLPositioner(file: file, firstLine: firstLine)
        self.valueRule = valueRule
    }

    var file: String { positioner.file }

    func location(_ node: Node?) -> SourceLocation { positioner.location(node) }

    func report(_ rule: RuleID, _ at: SourceLocation, _ message: String, suggestions: [Suggestion] = []) {
        diagnostics.append(Diagnostic(rule, at: at, message, suggestions: suggestions))
    }

    /// The first fault in file order (what `haven.yml` stops on).
    var firstFault: Diagnostic? { diagnostics.min() }

    // MARK: Documents

    /// Parses YAML text into its root node, or reports the syntax fault (`syntaxRule`) and returns
    /// nil. A key given twice is reported (`duplicateRule`, at its second use), that second entry
    /// dropped and the rest read, so one slip does not hide every other value. `.success(nil)` is
    /// an empty document.
    func compose(_ text: String, syntaxRule: RuleID, duplicateRule: RuleID) -> Result<Node?, YAMLReader.Failure> {
        positioner = YAMLPositioner(file: positioner.file, firstLine: positioner.firstLine, text: text)
        var source = text
        for _ in 0..<16 {
            switch YAMLReader.compose(source) {
            case .failure(let failure):
                let at = positioner.location(line: failure.line, column: failure.column)
                if failure.duplicateKey != nil {
                    report(duplicateRule, at, failure.message + "; the second value is ignored")
                    source = YAMLReader.removingEntry(at: failure.line, in: source)
                    continue
                }
                report(syntaxRule, at, failure.message)
                return .failure(failure)
            case .success(let node):
                return .success(node.flatMap { $0.isNull ? nil : $0 })
            }
        }
        report(syntaxRule, positioner.location(line: 1, column: 1), "too many keys given twice")
        return .failure(YAMLReader.Failure(line: 1, column: 1, message: "too many keys given twice"))
    }

    // MARK: Maps

    /// Reads `node` as a map whose keys must be among `known`. Each unknown key is reported here,
    /// the only place that writes the `unknown-key` finding and its did-you-mean; the known ones
    /// come back in file order. Not a map: reported as "`shape`, found …" with `shapeRule`, nil.
    func map(_ node: Node, known: [String], naming: YAMLMapNaming, shape: String,
             shapeRule: RuleID? = nil) -> YAMLMap? {
        guard case .mapping(let mapping) = node else {
            report(shapeRule ?? valueRule, location(node), "\(shape), found \(node.kindDescription)")
            return nil
        }
        var fields: [YAMLField] = []
        fields.reserveCapacity(mapping.count)
        for (keyNode, value) in mapping {
            let key = keyNode.scalarText ?? ""
            let keyLocation = location(keyNode)
            guard known.contains(key) else {
                let within = naming.owner.map { " in \($0)" } ?? ""
                report(.unknownKey, keyLocation,
                       "unknown \(naming.keyNoun) '\(key)'\(within)\(Suggest.hint(for: key, in: known))",
                       suggestions: Suggestion.didYouMean(key, at: keyLocation, Suggest.closest(to: key, in: known)))
                continue
            }
            fields.append(YAMLField(key: key, keyNode: keyNode, value: value, keyLocation: keyLocation,
                                    valueLocation: location(value), subject: subject(key, naming), naming: naming))
        }
        return YAMLMap(node: node, location: location(node), naming: naming, fields: fields)
    }

    /// A map of ids to entries (a data file, `languages:`): each id with its value, in file order.
    /// Ids must be text; an entry that is not a map is reported (`shapeRule`) and skipped.
    func entries(_ node: Node, shapeRule: RuleID? = nil) -> [(id: String, idLocation: SourceLocation, value: Node)] {
        guard case .mapping(let mapping) = node else { return [] }
        var result: [(id: String, idLocation: SourceLocation, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let id = keyNode.scalarText, !id.isEmpty else {
                report(shapeRule ?? valueRule, location(keyNode), "an entry id must be text")
                continue
            }
            result.append((id, location(keyNode), value))
        }
        return result
    }

    /// Reports that `map` lacks `key` (at the map's owner, `at`): "'samhsa' has no 'name'".
    func reportMissing(_ key: String, in map: YAMLMap, at: SourceLocation, rule: RuleID? = nil) {
        report(rule ?? valueRule, at, "\(map.naming.owner ?? "the map") has no '\(map.naming.keyPrefix)\(key)'")
    }

    private func subject(_ key: String, _ naming: YAMLMapNaming) -> String {
        "'\(naming.keyPrefix)\(key)'" + (naming.owner.map { " of \($0)" } ?? "")
    }

    // MARK: Values

    /// Text, trimmed; nil when absent, null or empty. A map or list is reported.
    func text(_ field: YAMLField?) -> Located<String>? {
        guard let field else { return nil }
        return text(field.value, subject: field.subject)
    }

    private func text(_ node: Node, subject: String) -> Located<String>? {
        guard !node.isNull else { return nil }
        guard let s = node.scalarText else {
            report(valueRule, location(node), "\(subject) must be text, found \(node.kindDescription)")
            return nil
        }
        let trimmed = s.trimmingSpaces
        return trimmed.isEmpty ? nil : Located(value: trimmed, location: location(node))
    }

    /// `true` or `false`; nil when absent or null. Anything else is reported.
    func bool(_ field: YAMLField?) -> Located<Bool>? {
        guard let field, !field.isNull else { return nil }
        guard let flag = field.value.boolValue else {
            report(valueRule, field.valueLocation, "\(field.subject) must be true or false")
            return nil
        }
        return Located(value: flag, location: field.valueLocation)
    }

    /// A whole number above `minimum`; nil when absent. Anything else is reported.
    func wholeNumber(_ field: YAMLField?, above minimum: Int = 0) -> Located<Int>? {
        guard let field, !field.isNull else { return nil }
        guard let number = field.value.intValue, number > minimum else {
            report(valueRule, field.valueLocation, "\(field.subject) must be a whole number above \(minimum)")
            return nil
        }
        return Located(value: number, location: field.valueLocation)
    }

    /// A number above `minimum` (`9`, `8.5`); nil when absent. Anything else is reported.
    func number(_ field: YAMLField?, above minimum: Int = 0) -> Located<Double>? {
        guard let field, !field.isNull else { return nil }
        guard case .scalar(let scalar) = field.value, scalar.style == .plain,
              let number = Double(scalar.string), number.isFinite, number > Double(minimum) else {
            report(valueRule, field.valueLocation, "\(field.subject) must be a number above \(minimum)")
            return nil
        }
        return Located(value: number, location: field.valueLocation)
    }

    /// A calendar date `YYYY-MM-DD`. The raw text is returned (a page keeps it to report it again);
    /// a date that does not exist is reported here (`invalid-date`).
    func date(_ field: YAMLField?) -> Located<String>? {
        guard let field, let raw = text(field) else { return nil }
        if CalendarDate(iso: raw.value) == nil {
            report(.invalidDate, raw.location, "\(field.subject) is '\(raw.value)', which is not a real date written YYYY-MM-DD")
        }
        return raw
    }

    /// A date parsed; nil when absent or not a real date (reported).
    func calendarDate(_ field: YAMLField?) -> Located<CalendarDate>? {
        guard let raw = date(field), let date = CalendarDate(iso: raw.value) else { return nil }
        return Located(value: date, location: raw.location)
    }

    /// A list of ids; a single id is taken as a one-item list.
    func ids(_ field: YAMLField?) -> [Located<String>] {
        guard let field, !field.isNull else { return [] }
        if let single = field.value.scalarText {
            return [Located(value: single.trimmingSpaces, location: field.valueLocation)]
        }
        guard case .sequence(let items) = field.value else {
            report(valueRule, field.valueLocation, "\(field.subject) must be a list of ids, found \(field.value.kindDescription)")
            return []
        }
        var out: [Located<String>] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard let id = item.scalarText else {
                report(valueRule, location(item), "each \(field.subject) entry must be an id, found \(item.kindDescription)")
                continue
            }
            out.append(Located(value: id.trimmingSpaces, location: location(item)))
        }
        return out
    }

    /// A list of short texts (`key_points`); a single text is taken as a one-item list.
    func texts(_ field: YAMLField?) -> [Located<String>] {
        guard let field, !field.isNull else { return [] }
        if field.value.scalarText != nil { return text(field).map { [$0] } ?? [] }
        guard case .sequence(let items) = field.value else {
            report(valueRule, field.valueLocation,
                   "\(field.subject) must be a list of short sentences, found \(field.value.kindDescription)")
            return []
        }
        return items.compactMap { text($0, subject: field.subject) }
    }

    /// A map of rule id → `off`/`warning`/`error` (`lint:` in `haven.yml` and front matter). An
    /// unknown rule id is an unknown key (with its did-you-mean); a bad severity is reported.
    func severities(_ field: YAMLField?) -> [RuleID: Severity] {
        guard let field, !field.isNull else { return [:] }
        let naming = YAMLMapNaming(keyNoun: "rule id")
        guard let map = map(field.value, known: RuleID.allIDs, naming: naming,
                            shape: "'lint' must be a map of rule id to off, warning or error") else { return [:] }
        var result: [RuleID: Severity] = [:]
        for entry in map.fields {
            guard let rule = RuleID(id: entry.key) else { continue }
            // YAML 1.1 habits: `off` may arrive as the boolean false.
            let word = entry.value.boolValue == false ? "off" : (entry.value.scalarText ?? "")
            guard let severity = Severity(rawValue: word) else {
                report(valueRule, entry.valueLocation, "severity for '\(entry.key)' must be off, warning or error, found '\(word)'")
                continue
            }
            result[rule] = severity
        }
        return result
    }
}

extension RuleID {
    /// Every rule id, for did-you-mean suggestions.
    static let allIDs = RuleID.allCases.map(\.rawValue)
}
