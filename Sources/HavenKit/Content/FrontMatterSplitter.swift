/// Splits a Markdown file into its YAML front matter and its body, on line-anchored `---` only
/// (a `---` inside a value such as `title: A --- B` is not a delimiter).
struct FrontMatterSplit: Equatable {
    /// The YAML text, or nil when the file has no front matter.
    var yaml: String?
    /// The file line of the YAML's first line (2 when the file starts with `---`).
    var yamlFirstLine: Int
    var body: String
    /// The file line of the body's first line.
    var bodyFirstLine: Int
}

enum FrontMatterSplitter {
    enum Failure: Error, Equatable {
        /// The opening `---` has no closing `---`.
        case unterminated
    }

    /// Scans line starts over UTF-8 for the closing delimiter; the body is a slice, not a copy of lines.
    static func split(_ text: String) -> Result<FrontMatterSplit, Failure> {
        let utf8 = text.utf8
        guard let firstEnd = lineEnd(utf8, from: utf8.startIndex), isDelimiter(text[utf8.startIndex..<firstEnd], allowDots: false) else {
            return .success(FrontMatterSplit(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1))
        }
        var lineStart = firstEnd == utf8.endIndex ? firstEnd : utf8.index(after: firstEnd)
        let yamlStart = lineStart
        var lineNumber = 1
        while lineStart < utf8.endIndex {
            lineNumber += 1
            let end = lineEnd(utf8, from: lineStart) ?? utf8.endIndex
            if isDelimiter(text[lineStart..<end], allowDots: lineStart > yamlStart) {
                var yaml = String(text[yamlStart..<lineStart])
                if yaml.hasSuffix("\n") { yaml.removeLast() }
                let bodyStart = end == utf8.endIndex ? end : utf8.index(after: end)
                return .success(FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: String(text[bodyStart...]),
                                                 bodyFirstLine: lineNumber + 1))
            }
            if end == utf8.endIndex { break }
            lineStart = utf8.index(after: end)
        }
        return .failure(.unterminated)
    }

    /// The index of the `\n` ending the line that starts at `from` (or the end of the text).
    private static func lineEnd(_ utf8: String.UTF8View, from: String.Index) -> String.Index? {
        utf8[from...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
    }

    /// `---` (trailing spaces allowed), or `...` closing YAML that has content.
    private static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        let marker: Substring = line.hasPrefix("---") ? "---" : (allowDots && line.hasPrefix("...") ? "..." : "")
        guard !marker.isEmpty else { return false }
        return line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
