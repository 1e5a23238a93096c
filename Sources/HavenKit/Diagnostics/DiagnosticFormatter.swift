/// Writes findings in the formats of SPEC §4: text (compilers' form), JSON, GitHub Actions
/// annotations and SARIF 2.1.0.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text, json, github, sarif
}

public enum DiagnosticFormatter {
    public static func format(_ diagnostics: [Diagnostic], as format: DiagnosticFormat) -> String {
        var all = ""
        write(diagnostics, as: format) { all += $0 }
        return all
    }

    /// The text of `format(_:as:)`, handed to `emit` in pieces of about 64 KB as it is written:
    /// what `haven build` and `haven lint` print. (A build of the bench corpus prints 25 MB of
    /// findings; as one string, and that string's copy as bytes, it was the peak of the process.)
    public static func write(_ diagnostics: [Diagnostic], as format: DiagnosticFormat, to emit: (String) -> Void) {
        let piece = 1 << 16
        switch format {
        case .text:
            var out = ""
            out.reserveCapacity(piece + 1024)
            for d in diagnostics {
                out += text(d)
                if out.utf8.count >= piece { emit(out); out.removeAll(keepingCapacity: true) }
            }
            if !out.isEmpty { emit(out) }
        case .json:
            writeJSON(diagnostics, piece: piece, to: emit)
        case .github: emit(diagnostics.map(github).joined())
        case .sarif: emit(sarif(diagnostics))
        }
    }

    /// `path:line:col: severity: message [rule-id]`
    public static func text(_ d: Diagnostic) -> String {
        "\(d.file):\(d.line):\(d.column): \(d.severity.rawValue): \(d.message) [\(d.rule.rawValue)]\n"
    }

    /// A pretty-printed JSON array, written object by object (the same text as one `JSONValue`
    /// array, without the tree of every finding: a third of a lint's peak memory on the bench corpus).
    private static func writeJSON(_ diagnostics: [Diagnostic], piece: Int, to emit: (String) -> Void) {
        guard !diagnostics.isEmpty else { return emit("[]\n") }
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(piece + 1024)
        for (i, d) in diagnostics.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += "\n  ".utf8
            JSONValue.object([("file", .string(d.file)), ("line", .number(Double(d.line))), ("column", .number(Double(d.column))),
                              ("severity", .string(d.severity.rawValue)), ("rule", .string(d.rule.rawValue)), ("message", .string(d.message))])
                .write(into: &out, pretty: true, indent: 1)
            if out.count >= piece { emit(String(decoding: out, as: UTF8.self)); out.removeAll(keepingCapacity: true) }
        }
        out += "\n]\n".utf8
        emit(String(decoding: out, as: UTF8.self))
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
