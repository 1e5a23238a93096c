/// LSP 3.17 basic structures: positions, ranges, text edits, locations.

/// A 0-based line and a 0-based character offset in the negotiated position encoding.
struct Position: Codable, Hashable, Comparable {
    var line: Int
    var character: Int

    static func < (a: Position, b: Position) -> Bool { (a.line, a.character) < (b.line, b.character) }
}

struct Range: Codable, Hashable {
    var start: Position
    var end: Position

    func overlaps(_ other: Range) -> Bool { !(end < other.start || other.end < start) }
}

struct Location: Codable, Hashable {
    var uri: String
    var range: Range
}

struct TextEdit: Codable, Hashable {
    var range: Range
    var newText: String
}

struct WorkspaceEdit: Codable, Hashable {
    var changes: [String: [TextEdit]]
}

struct TextDocumentIdentifier: Codable {
    var uri: String
}

struct TextDocumentItem: Codable {
    var uri: String
    var languageId: String?
    var version: Int?
    var text: String
}

struct VersionedTextDocumentIdentifier: Codable {
    var uri: String
    var version: Int?
}

struct TextDocumentPositionParams: Codable {
    var textDocument: TextDocumentIdentifier
    var position: Position
}

struct MarkupContent: Codable {
    var kind = "markdown"
    var value: String
}
