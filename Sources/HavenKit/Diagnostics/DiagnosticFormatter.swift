/// Writes findings in the formats of SPEC §4: text (compilers' form), JSON, GitHub Actions
/// annotations and SARIF 2.1.0.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text, json, github, sarif
}

public enum DiagnosticFormatter {
    public static func format(_ diagnostics: [Diagnostic], as format: DiagnosticFormat) -> String {
        var all: [UInt8] = []
        write(diagnostics, as: format) { all += $0 }
        return String(decoding: all, as: UTF8.self)
    }

    /// The text of `format(_:as:)` as UTF-8, handed to `emit` in pieces of about 64 KB as it is
    /// written: what `haven build` and `haven lint` print. (A build of the bench corpus prints 25 MB
    /// of findings; as one string, and that string's copy as bytes, it was the peak of the process.)
    public static func write(_ diagnostics: [Diagnostic], as format: DiagnosticFormat, to emit: ([UInt8]) -> Void) {
        let piece = 1 << 16
        var out: [UInt8] = []
        out.reserveCapacity(piece + 1024)
        func flush(_ last: Bool) {
            if out.count >= piece || (last && !out.isEmpty) { emit(out); out.removeAll(keepingCapacity: true) }
        }
        switch format {
        case .text:
            for index in diagnostics.indices {
                writeText(diagnostics[index], into: &out)
                flush(false)
            }
        case .json:
            // A pretty-printed JSON array, written finding by finding: the text `JSONValue` writes
            // for the array of these objects (`DiagnosticFormatterTests`), without a tree of every
            // finding (a third of a lint's peak memory on the bench corpus), nor one per finding
            // (a tenth of a lint's instructions).
            guard !diagnostics.isEmpty else { out += "[]\n".utf8; break }
            out.append(UInt8(ascii: "["))
            for index in diagnostics.indices {
                writeJSON(diagnostics[index], first: index == 0, into: &out)
                flush(false)
            }
            out += "\n]\n".utf8
        case .github: out += diagnostics.map(github).joined().utf8
        case .sarif: out += sarif(diagnostics).utf8
        }
        flush(true)
    }

    /// One finding of `lint --format json`'s array, as `JSONValue` writes it (with the comma before it unless `first`).
    private static func writeJSON(_ d: Diagnostic, first: Bool, into out: inout [UInt8]) {
        out += (first ? "\n  {\n    \"file\": " : ",\n  {\n    \"file\": ").utf8
        JSONValue.writeString(d.file, into: &out)
        out += ",\n    \"line\": ".utf8
        out += String(d.line).utf8
        out += ",\n    \"column\": ".utf8
        out += String(d.column).utf8
        out += ",\n    \"severity\": ".utf8
        JSONValue.writeString(d.severity.rawValue, into: &out)
        out += ",\n    \"rule\": ".utf8
        JSONValue.writeString(d.rule.rawValue, into: &out)
        out += ",\n    \"message\": ".utf8
        JSONValue.writeString(d.message, into: &out)
        out += "\n  }".utf8
    }

    /// `path:line:col: severity: message [rule-id]`
    public static func text(_ d: Diagnostic) -> String {
        var out: [UInt8] = []
        writeText(d, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `text(_:)` written into bytes (no String per finding: a lint prints 140,000 of them).
    private static func writeText(_ d: Diagnostic, into out: inout [UInt8]) {
        out += d.file.utf8
        out.append(UInt8(ascii: ":"))
        out += String(d.line).utf8
        out.append(UInt8(ascii: ":"))
        out += String(d.column).utf8
        out += ": ".utf8
        out += d.severity.rawValue.utf8
        out += ": ".utf8
        out += d.message.utf8
        out += " [".utf8
        out += d.rule.rawValue.utf8
        out += "]\n".utf8
    }

    /// `::error file=PATH,line=N,col=M,title=RULE::MESSAGE`, escaped as the Actions runner expects.
    public static func github(_ d: Diagnostic) -> String {
        func property(_ s: String) -> String {
            s.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
        }
        func data(_ s: String) -> String { s.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A"]) }
        let level = d.severity == .error ? "error" : "warning"
        return "::\(level) file=\(property(d.file)),line=\(d.line),col=\(d.column),title=\(property(d.rule.rawValue))::\(data(d.message))\n"
    }

    /// A rule's SARIF `defaultConfiguration`: a rule that is off by default is listed as disabled.
    private static func defaultConfiguration(_ severity: Severity) -> [(String, JSONValue?)] {
        switch severity {
        case .error: [("level", .string("error"))]
        case .warning: [("level", .string("warning"))]
        case .off: [("level", .string("none")), ("enabled", .bool(false))]
        }
    }

    public static func sarif(_ diagnostics: [Diagnostic]) -> String {
        let rules = RuleID.allCases.map { rule -> JSONValue in
            let info = rule.info
            return .object([
                ("id", .string(rule.rawValue)),
                ("name", .string(rule.rawValue)),
                ("shortDescription", .object([("text", .string(info.summary))])),
                ("fullDescription", .object([("text", .string("\(info.summary) Why: \(info.why)"))])),
                ("help", .object([("text", .string("How to fix: \(info.fix)"))])),
                ("helpUri", info.helpURL.map(JSONValue.string)),
                ("defaultConfiguration", .object(defaultConfiguration(rule.defaultSeverity))),
            ])
        }
        let ruleIndex = Dictionary(uniqueKeysWithValues: RuleID.allCases.enumerated().map { ($1, $0) })
        let results = diagnostics.map { d -> JSONValue in
            .object([
                ("ruleId", .string(d.rule.rawValue)),
                ("ruleIndex", .number(Double(ruleIndex[d.rule] ?? 0))),
                ("level", .string(d.severity == .error ? "error" : "warning")),
                ("message", .object([("text", .string(d.message))])),
                ("locations", .array([.object([
                    ("physicalLocation", .object([
                        ("artifactLocation", .object([("uri", .string(d.file)), ("uriBaseId", .string("%SRCROOT%"))])),
                        ("region", .object([("startLine", .number(Double(d.line))), ("startColumn", .number(Double(d.column)))])),
                    ])),
                ])])),
            ])
        }
        let log = JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("haven")),
                    ("version", .string(Haven.version)),
                    ("rules", .array(rules)),
                ]))])),
                ("results", .array(results)),
            ])])),
        ])
        return log.serialized(pretty: true) + "\n"
    }
}

extension String {
    func replacingAll(_ replacements: [Character: String]) -> String {
        var out = ""
        for ch in self {
            if let r = replacements[ch] { out += r } else { out.append(ch) }
        }
        return out
    }
}
