import Testing
@testable import HavenKit

/// The JSON and text of findings are written finding by finding, in pieces; the whole must be
/// the text one `JSONValue` array of the same objects gives, and the pieces must add up to it.
@Suite struct DiagnosticFormatterTests {
    static let findings: [Diagnostic] = [
        Diagnostic(.unknownKey, at: SourceLocation(file: "Content/a \"b\".md", line: 3, column: 14), "`revewer` is not a key: did you mean `reviewer`?"),
        Diagnostic(.stigmatizingLanguage, at: SourceLocation(file: "Content/es/día.es.md", line: 120, column: 1),
                   "«sufre de» \\ tab\there, newline\nand </script> and \u{1}"),
        Diagnostic(.hardSentence, at: SourceLocation(file: "Content/x.md", line: 9, column: 2),
                   text: .hardSentence(words: 41, grade: 15.25, keptWords: 40, limit: 14)),
    ]

    @Test func jsonIsWhatJSONValueWrites() {
        let objects = DiagnosticFormatterTests.findings.map { d -> JSONValue in
            .object([("file", .string(d.file)), ("line", .number(Double(d.line))), ("column", .number(Double(d.column))),
                     ("severity", .string(d.severity.rawValue)), ("rule", .string(d.rule.rawValue)), ("message", .string(d.message))])
        }
        #expect(DiagnosticFormatter.format(DiagnosticFormatterTests.findings, as: .json) == JSONValue.array(objects).serialized(pretty: true) + "\n")
        #expect(DiagnosticFormatter.format([], as: .json) == "[]\n")
        #expect(DiagnosticFormatter.format([], as: .text) == "")
    }

    @Test func piecesAddUpToTheWhole() {
        let many = Array(repeating: DiagnosticFormatterTests.findings, count: 800).flatMap { $0 }
        for format in DiagnosticFormat.allCases {
            var pieces: [[UInt8]] = []
            DiagnosticFormatter.write(many, as: format) { pieces.append($0) }
            if format == .text || format == .json { #expect(pieces.count > 1, "\(format)") }
            #expect(String(decoding: pieces.flatMap { $0 }, as: UTF8.self) == DiagnosticFormatter.format(many, as: format))
        }
        #expect(DiagnosticFormatter.format(many, as: .text) == many.map(DiagnosticFormatter.text).joined())
    }
}
