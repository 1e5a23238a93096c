/// The built-in templates with their route constants written in.
///
/// `{{strings.…}}`, `{{site.…}}` and `{{links.…}}` show the same text on every route with the
/// same `ContextBuilder.PlaceKey` (the language's words, the site's title, links from the route's
/// depth), yet Mustache looks each one up, through its chain of dynamic casts, on every page.
/// `Theme` compiles the built-in templates once per `PlaceKey` with each
/// such variable tag replaced by the text it renders there, rendered by Mustache itself from the
/// same values, so the output is the same byte for byte (the golden tests). What it buys: about 40
/// of the lookups of a clinical page, measured in the README's Performance section.
///
/// Only the built-in templates: their sections never push a value with a child named like these
/// roots, so each tag resolves to the root's value wherever it stands. A site's own templates are
/// left as they are. A tag is left in place when its text would change how the template parses
/// or lays out: text with a brace (it could form a tag), with a line break or only white space (it
/// could make a neighbouring section tag standalone, which removes its line).
enum TemplateConstants {
    /// The names whose values `ContextBuilder.PlaceKey` decides (`nav`, the menu state, is shown
    /// only by the site partials, which are rendered whole).
    static let roots: Set<Substring> = ["strings", "site", "links"]

    /// A template's source cut at its constant tags: text, tag, text… (made once per theme).
    enum Piece: Equatable, Sendable {
        case text(String)
        /// A variable tag naming a constant, as written (`{{ strings.title }}`).
        case tag(String)
    }

    /// `source` cut at its constant tags (`{{strings.title}}`, `{{{site.base}}}`, `{{& links.home}}`),
    /// or nil when it has none or changes its delimiters. Scans the UTF-8 bytes once.
    static func pieces(_ source: String) -> [Piece]? {
        let bytes = Array(source.utf8)
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var pieces: [Piece] = [], textStart = 0, i = 0
        func string(_ from: Int, _ to: Int) -> String { String(decoding: bytes[from..<to], as: UTF8.self) }
        while i + 1 < bytes.count {
            guard bytes[i] == open, bytes[i + 1] == open else { i += 1; continue }
            let triple = i + 2 < bytes.count && bytes[i + 2] == open
            let closer = triple ? 3 : 2
            var nameStart = i + closer
            if nameStart < bytes.count, bytes[nameStart] == UInt8(ascii: "=") { return nil }
            // The tag ends at the first `}}` (`}}}` for a triple tag).
            var end = nameStart
            while end + closer <= bytes.count, !(0..<closer).allSatisfy({ bytes[end + $0] == close }) { end += 1 }
            guard end + closer <= bytes.count else { break }
            if !triple, nameStart < end, bytes[nameStart] == UInt8(ascii: "&") { nameStart += 1 }
            var name = Substring(string(nameStart, end))
            name = name.drop(while: \.isWhitespace)
            while name.last?.isWhitespace == true { name = name.dropLast() }
            if isConstant(name) {
                if textStart < i { pieces.append(.text(string(textStart, i))) }
                pieces.append(.tag(string(i, end + closer)))
                textStart = end + closer
            }
            i = end + closer
        }
        guard pieces.contains(where: { if case .tag = $0 { true } else { false } }) else { return nil }
        if textStart < bytes.count { pieces.append(.text(string(textStart, bytes.count))) }
        return pieces
    }

    /// The pieces joined, each tag replaced by `text(tag)`, the tag's output, where that is safe.
    static func joined(_ pieces: [Piece], text: (String) -> String?) -> String {
        var result = ""
        for piece in pieces {
            switch piece {
            case .text(let literal): result += literal
            case .tag(let tag):
                if let output = text(tag), isSafe(output) { result += output } else { result += tag }
            }
        }
        return result
    }

    /// `source` with its constant tags written in (`pieces`, then `joined`); `source` unchanged if
    /// it has none or changes its delimiters.
    static func inlined(_ source: String, text: (String) -> String?) -> String {
        pieces(source).map { joined($0, text: text) } ?? source
    }

    /// A dotted name under one of `roots`, of letters, digits, `_` and `.` only (no transform).
    static func isConstant(_ name: Substring) -> Bool {
        guard let dot = name.firstIndex(of: "."), roots.contains(name[..<dot]), name.last != "." else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }
    }

    private static func isSafe(_ text: String) -> Bool {
        !text.isEmpty && text.contains { !$0.isWhitespace }
            && !text.contains { $0 == "{" || $0 == "}" || $0 == "\n" || $0 == "\r" }
    }
}
