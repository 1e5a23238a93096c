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

    static func split(_ text: String) -> Result<FrontMatterSplit, Failure> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, isDelimiter(first) else {
            return .success(FrontMatterSplit(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1))
        }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.first {
            lines = lines.dropFirst()
            lineNumber += 1
            if isDelimiter(line) || (line.trimmingSpaces == "..." && !yamlLines.isEmpty) {
                return .success(FrontMatterSplit(yaml: yamlLines.joined(separator: "\n"), yamlFirstLine: 2,
                                                 body: lines.joined(separator: "\n"), bodyFirstLine: lineNumber + 1))
            }
            yamlLines.append(line)
        }
        return .failure(.unterminated)
    }

    private static func isDelimiter(_ line: Substring) -> Bool {
        guard line.hasPrefix("---") else { return false }
        return line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
