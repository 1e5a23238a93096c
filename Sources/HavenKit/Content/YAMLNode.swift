import Yams

/// Small helpers over Yams' node tree: typed access that keeps each value's position.
extension Node {
    /// The scalar text of a plain or quoted scalar, or nil for maps and lists.
    var scalarText: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }

    /// Whether this is a YAML null (`~`, `null`, or nothing).
    var isNull: Bool {
        if case .scalar(let scalar) = self, scalar.style == .plain {
            return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
        return false
    }

    /// A YAML boolean (`true`/`false` in their YAML 1.2 core spellings).
    var boolValue: Bool? {
        guard case .scalar(let scalar) = self, scalar.style == .plain else { return nil }
        switch scalar.string {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    var intValue: Int? {
        guard case .scalar(let scalar) = self, scalar.style == .plain else { return nil }
        return Int(scalar.string)
    }

    /// A short word for the kind of value, for messages ("a map", "a list", "text").
    var kindDescription: String {
        switch self {
        case .scalar: "text"
        case .mapping: "a map"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

/// Converts Yams marks (1-based within the YAML text) into locations in the file that holds them.
/// Yams counts columns in Unicode scalars; `SourceLocation` counts UTF-8 bytes, so with the YAML
/// `text` at hand a column on a line with non-ASCII text before it is converted.
struct YAMLPositioner: Sendable {
    let file: String
    /// The file line on which the YAML text's first line sits.
    let firstLine: Int
    /// The YAML text's lines, kept only when some byte is not ASCII (else scalars are bytes).
    private let lines: [Substring]?

    init(file: String, firstLine: Int, text: String? = nil) {
        self.file = file
        self.firstLine = firstLine
        if let text, text.utf8.contains(where: { $0 >= 0x80 }) {
            lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        } else {
            lines = nil
        }
    }

    func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: firstLine, column: 1) }
        return location(line: mark.line, column: mark.column)
    }

    /// `line` and `column` as Yams counts them (1-based; the column in Unicode scalars).
    func location(line: Int, column: Int) -> SourceLocation {
        let line = max(1, line)
        var bytes = max(1, column)
        if let lines, line <= lines.count { bytes = SourceLocation.byteColumn(scalarColumn: bytes, in: lines[line - 1]) }
        return SourceLocation(file: file, line: firstLine + line - 1, column: bytes)
    }
}

/// Parses YAML text with Yams into a node, turning Yams' errors into a located message.
enum YAMLReader {
    struct Failure: Error, Sendable {
        var line: Int
        var column: Int
        var message: String
        /// Set when the fault is a key given twice: the key (the line/column point at its second use).
        var duplicateKey: String? = nil
    }

    /// Composes without Yams' tag resolution (`Resolver.basic`): Haven reads every value itself
    /// (`boolValue`, `intValue`, `CalendarDate`), and the default resolver runs regular expressions
    /// on every scalar, including each mapping key when Yams checks for duplicates.
    static func compose(_ text: String) -> Result<Node?, Failure> {
        do {
            return .success(try Yams.compose(yaml: text, .basic, .default, .utf8))
        } catch let error as YamlError {
            return .failure(failure(from: error, text: text))
        } catch {
            return .failure(Failure(line: 1, column: 1, message: "YAML could not be read: \(error)"))
        }
    }

    private static func failure(from error: YamlError, text: String) -> Failure {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            var message = problem
            if let context { message = "\(problem) (\(context.text) at line \(context.mark.line))" }
            return Failure(line: mark.line, column: mark.column, message: "YAML syntax: \(message)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let name = duplicates.first ?? "?"
            // Yams points at the first occurrence; point at the second, where the mistake is.
            let second = secondOccurrence(of: name, in: text)
            return Failure(line: second?.line ?? context.mark.line, column: second?.column ?? context.mark.column,
                           message: "key '\(name)' is given twice", duplicateKey: second == nil ? nil : name)
        case .reader(let problem, let offset, _, _):
            return Failure(line: lineOf(offset: offset ?? 0, in: text), column: 1, message: "YAML could not be read: \(problem)")
        default:
            return Failure(line: 1, column: 1, message: "YAML could not be read: \(error)")
        }
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

    /// Where a top-level or nested key appears for the second time (`name:` at a line start after indentation).
    private static func secondOccurrence(of key: String, in text: String) -> (line: Int, column: Int)? {
        var seen = 0
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.drop(while: { $0 == " " || $0 == "-" })
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where trimmed.hasPrefix(candidate + ":") {
                seen += 1
                if seen == 2 { return (lineNumber, line.count - trimmed.count + 1) }
            }
        }
        return nil
    }

    private static func lineOf(offset: Int, in text: String) -> Int {
        var line = 1
        for (index, byte) in text.utf8.enumerated() {
            if index >= offset { break }
            if byte == UInt8(ascii: "\n") { line += 1 }
        }
        return line
    }
}
