import Foundation
import HavenKit

/// How the client counts characters in a line (negotiated at initialize: LSP 3.17 `positionEncoding`).
enum PositionEncoding: String {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
}

/// An open document's text as the editor has it (unsaved edits included), split into lines for
/// converting between Haven's columns (UTF-8 bytes, 1-based) and LSP positions.
struct Document: Sendable {
    var uri: String
    /// Path relative to the site root (`Content/articles/x.md`), nil outside the site.
    var path: String?
    var version: Int?
    var text: String
    let lines: [Substring]

    init(uri: String, path: String?, version: Int?, text: String) {
        self.uri = uri
        self.path = path
        self.version = version
        self.text = text
        // Haven reads CRLF as LF: the lines (and columns) are the same.
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    func line(_ index: Int) -> Substring { index >= 0 && index < lines.count ? lines[index] : "" }

    /// The LSP position of a 1-based line and byte column.
    func position(line: Int, byteColumn: Int, _ encoding: PositionEncoding) -> Position {
        let index = max(0, line - 1)
        let text = self.line(index)
        switch encoding {
        case .utf8: return Position(line: index, character: min(max(0, byteColumn - 1), text.utf8.count))
        case .utf16: return Position(line: index, character: SourceLocation.utf16Offset(byteColumn: min(byteColumn, text.utf8.count + 1), in: text))
        }
    }

    /// The 1-based byte column of an LSP position.
    func byteColumn(_ position: Position, _ encoding: PositionEncoding) -> Int {
        let text = line(position.line)
        switch encoding {
        case .utf8: return position.character + 1
        case .utf16: return SourceLocation.byteColumn(utf16Offset: position.character, in: text)
        }
    }

    /// The range a finding at `location` covers: `original` when it is written there (a fix's
    /// text), else the word that starts there, else the rest of the line.
    func range(of location: SourceLocation, original: String?, _ encoding: PositionEncoding) -> Range {
        let index = location.line - 1
        let text = line(index)
        let bytes = Array(text.utf8)
        let start = min(max(0, location.column - 1), bytes.count)
        var from = start, to = start
        if let original, !original.isEmpty, let found = Document.find(Array(original.utf8), in: bytes, from: start) {
            from = found
            to = found + original.utf8.count
        } else {
            while to < bytes.count, bytes[to] != 0x20, bytes[to] != 0x09 { to += 1 }
            if to == from { to = bytes.count }
            if from == 0 && to == 3 && text.hasPrefix("---") { to = 3 }
        }
        return Range(start: position(line: location.line, byteColumn: from + 1, encoding),
                     end: position(line: location.line, byteColumn: to + 1, encoding))
    }

    /// The first offset at or after `from` where `needle` occurs in `haystack`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = from
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0], Array(haystack[i..<i + needle.count]) == needle { return i }
            i += 1
        }
        return nil
    }

    // MARK: Front matter

    /// The 0-based line of the front matter's closing `---`, when the document opens one on line 1.
    var frontMatterEnd: Int? {
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
        for index in 1..<max(1, lines.count) where lines[index].trimmingCharacters(in: .whitespaces) == "---" {
            return index
        }
        return nil
    }

    /// Whether a 0-based line lies inside the front matter.
    func inFrontMatter(_ line: Int) -> Bool {
        guard let end = frontMatterEnd else { return false }
        return line > 0 && line < end
    }
}
