import Yams

/// Sets top-level text values in a file's front matter by editing the YAML text in place, at the
/// lines Yams reports for each key: the front matter is never re-serialised, so comments, key
/// order, quoting, the other values, the body, a BOM and the line endings (LF, CRLF or CR) stay
/// byte for byte. A key that is missing is inserted on its own line after the first of its anchor
/// keys that is present (else at the end of the front matter), with that key's indentation.
struct FrontMatterEditor {
    enum Failure: Error, Equatable, CustomStringConvertible {
        case notText
        case noFrontMatter
        case unterminated
        case syntax(line: Int, message: String)
        case notAMap
        case flowMap
        case cannotEdit(key: String)

        var description: String {
            switch self {
            case .notText: "it is not UTF-8 text"
            case .noFrontMatter: "it has no front matter (a first line `---`)"
            case .unterminated: "its front matter is never closed by a second `---`"
            case .syntax(let line, let message): "its front matter does not parse (line \(line): \(message))"
            case .notAMap: "its front matter is not a map of keys"
            case .flowMap: "its front matter is written as one `{…}` map; write one key per line to sign it"
            case .cannotEdit(let key): "the line of its `\(key):` key could not be read"
            }
        }
    }

    /// One value to set: the key, the value's text, and the keys after which it goes when missing.
    struct Assignment: Equatable {
        var key: String
        var value: String
        var after: [String]
    }

    /// One line of the file: its text and the line break that ended it ("\n", "\r\n", "\r" or "").
    private struct Line {
        var text: String
        var end: String
    }

    private var prefix: String
    private var lines: [Line]

    init(bytes: [UInt8]) throws(Failure) {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        guard !bytes[start...].contains(0), let text = String(validating: bytes[start...], as: UTF8.self) else { throw .notText }
        prefix = start == 3 ? "\u{FEFF}" : ""
        lines = FrontMatterEditor.lines(of: text)
    }

    /// The edited file.
    var bytes: [UInt8] {
        var out = Array(prefix.utf8)
        for line in lines { out += Array(line.text.utf8); out += Array(line.end.utf8) }
        return out
    }

    /// Applies each assignment in order (a later one may be anchored on an earlier one's key).
    mutating func apply(_ assignments: [Assignment]) throws(Failure) {
        for assignment in assignments { try set(assignment) }
    }

    // MARK: - One assignment

    private struct Entry {
        var key: String
        /// 0-based index into `lines` of the key's line.
        var line: Int
        /// 0-based column (in Unicode scalars) of the key.
        var column: Int
        var value: Node
        /// 0-based index of the entry's last line of content (its value's last line).
        var lastLine: Int
    }

    private mutating func set(_ assignment: Assignment) throws(Failure) {
        let (entries, closing) = try readEntries()
        if let entry = entries.first(where: { $0.key == assignment.key }) {
            try replace(entry, with: assignment.value)
            return
        }
        let anchor = assignment.after.lazy.compactMap { key in entries.first { $0.key == key } }.first
        let indent = anchor.map { String(repeating: " ", count: $0.column) } ?? (entries.first.map { String(repeating: " ", count: $0.column) } ?? "")
        let at = anchor.map { $0.lastLine + 1 } ?? closing
        let end = lines[max(0, at - 1)].end.isEmpty ? "\n" : lines[max(0, at - 1)].end
        lines.insert(Line(text: indent + assignment.key + ": " + FrontMatterEditor.scalar(assignment.value, style: .plain), end: end), at: at)
    }

    /// Reads the top-level entries of the front matter and the index of its closing `---` line.
    private func readEntries() throws(Failure) -> (entries: [Entry], closing: Int) {
        let normalized = lines.map(\.text).joined(separator: "\n")
        let split: FrontMatterSplit
        switch FrontMatterSplitter.split(normalized) {
        case .failure: throw .unterminated
        case .success(let s): split = s
        }
        guard let yaml = split.yaml else { throw .noFrontMatter }
        let closing = split.bodyFirstLine - 2  // 0-based index of the closing delimiter
        let root: Node?
        switch YAMLReader.compose(yaml) {
        case .failure(let failure): throw .syntax(line: failure.line + split.yamlFirstLine - 1, message: failure.message)
        case .success(let node): root = node
        }
        guard let root, !root.isNull else { return ([], closing) }
        guard case .mapping(let mapping) = root else { throw .notAMap }
        if mapping.style == .flow { throw .flowMap }
        var entries: [Entry] = []
        for (key, value) in mapping {
            guard let mark = key.mark else { continue }
            entries.append(Entry(key: key.scalarText ?? "", line: mark.line + split.yamlFirstLine - 2, column: mark.column - 1,
                                 value: value, lastLine: 0))
        }
        entries.sort { $0.line < $1.line }
        for i in entries.indices {
            let next = i + 1 < entries.count ? entries[i + 1].line : closing
            var last = entries[i].line
            var candidate = entries[i].line + 1
            while candidate < next {
                let text = lines[candidate].text
                let indent = text.prefix { $0 == " " || $0 == "\t" }.count
                let rest = text.dropFirst(indent)
                // A comment at the key's own indentation (or less) belongs to what follows.
                if !rest.isEmpty && !(rest.hasPrefix("#") && indent <= entries[i].column) { last = candidate }
                candidate += 1
            }
            entries[i].lastLine = last
        }
        return (entries, closing)
    }

    /// Writes `value` in place of the entry's value: on the key's line when the value is a
    /// one-line scalar there (keeping its quoting and any comment after it), else the entry's
    /// lines become one `key: value` line.
    private mutating func replace(_ entry: Entry, with value: String) throws(Failure) {
        let scalars = Array(lines[entry.line].text.unicodeScalars)
        guard let colon = FrontMatterEditor.colon(after: entry.column, in: scalars) else { throw .cannotEdit(key: entry.key) }
        var start = colon + 1
        while start < scalars.count, scalars[start] == " " || scalars[start] == "\t" { start += 1 }
        if entry.lastLine == entry.line, case .scalar(let scalar) = entry.value,
           let end = FrontMatterEditor.valueEnd(from: start, in: scalars, style: scalar.style) {
            let separator = start == colon + 1 ? " " : ""
            var text = String(String.UnicodeScalarView(scalars[..<start]))
            text += separator + FrontMatterEditor.scalar(value, style: scalar.style)
            if end == start, end < scalars.count { text += " " }  // an empty value followed by a comment
            text += String(String.UnicodeScalarView(scalars[end...]))
            lines[entry.line].text = text
            return
        }
        let head = String(String.UnicodeScalarView(scalars[...colon]))
        let end = lines[entry.lastLine].end
        lines.replaceSubrange(entry.line...entry.lastLine, with: [Line(text: head + " " + FrontMatterEditor.scalar(value, style: .plain), end: end)])
    }

    // MARK: - Scanning one line

    /// The index of the `:` that ends the key starting at `column`.
    private static func colon(after column: Int, in s: [Unicode.Scalar]) -> Int? {
        var i = column
        guard i < s.count else { return nil }
        if s[i] == "\"" || s[i] == "'" {
            let quote = s[i]
            i += 1
            while i < s.count {
                if s[i] == "\\" && quote == "\"" { i += 2; continue }
                if s[i] == quote {
                    if quote == "'", i + 1 < s.count, s[i + 1] == "'" { i += 2; continue }
                    break
                }
                i += 1
            }
            i += 1
            while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 }
            return i < s.count && s[i] == ":" ? i : nil
        }
        while i < s.count {
            if s[i] == ":" && (i + 1 == s.count || s[i + 1] == " " || s[i + 1] == "\t") { return i }
            i += 1
        }
        return nil
    }

    /// Where a one-line value starting at `start` ends (before trailing spaces and a comment), or
    /// nil when it does not end on this line (an open quote, a block scalar).
    private static func valueEnd(from start: Int, in s: [Unicode.Scalar], style: Node.Scalar.Style) -> Int? {
        switch style {
        case .doubleQuoted, .singleQuoted:
            guard start < s.count, s[start] == (style == .doubleQuoted ? "\"" : "'") else { return nil }
            let quote = s[start]
            var i = start + 1
            while i < s.count {
                if quote == "\"" && s[i] == "\\" { i += 2; continue }
                if s[i] == quote {
                    if quote == "'", i + 1 < s.count, s[i + 1] == "'" { i += 2; continue }
                    return i + 1
                }
                i += 1
            }
            return nil
        case .plain, .any:
            var end = start
            var i = start
            while i < s.count {
                if s[i] == "#", i > 0, s[i - 1] == " " || s[i - 1] == "\t" { break }
                if s[i] != " " && s[i] != "\t" { end = i + 1 }
                i += 1
            }
            return end
        case .literal, .folded:
            return nil
        }
    }

    // MARK: - Writing values

    /// A value written in `style` (plain only when YAML would read it back as the same text).
    static func scalar(_ value: String, style: Node.Scalar.Style) -> String {
        switch style {
        case .singleQuoted:
            return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
        case .plain where isPlainSafe(value):
            return value
        default:
            var out = "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
    }

    /// Text that YAML reads back as the same string with any resolver: letters, digits and
    /// `-_.`, starting with a letter or digit, and not a number, boolean or null.
    static func isPlainSafe(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first.isASCII, ("0"..."9").contains(first) || first.properties.isAlphabetic
        else { return false }
        guard value.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) })
        else { return false }
        let lower = value.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~", ".inf", ".nan"].contains(lower) { return false }
        // Numbers: digits, with at most one `.`, `e` exponent or `_` grouping (YAML 1.1 and 1.2).
        let numberish = lower.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "." || $0 == "e" || $0 == "_" || $0 == "-" }
        if numberish && lower.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) {
            // A date is kept plain: it is how every date key in front matter is written.
            return CalendarDate(iso: value) != nil
        }
        return true
    }

    private static func lines(of text: String) -> [Line] {
        var out: [Line] = []
        var current = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            switch scalar {
            case "\r":
                if pending == "\n" {
                    pending = iterator.next()
                    out.append(Line(text: String(current), end: "\r\n"))
                } else {
                    out.append(Line(text: String(current), end: "\r"))
                }
                current = String.UnicodeScalarView()
            case "\n":
                out.append(Line(text: String(current), end: "\n"))
                current = String.UnicodeScalarView()
            default:
                current.append(scalar)
            }
        }
        if !current.isEmpty || out.isEmpty { out.append(Line(text: String(current), end: "")) }
        return out
    }
}
