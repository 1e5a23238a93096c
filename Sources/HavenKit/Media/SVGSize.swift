import Foundation

/// The size of an SVG image, from its root element: `width` and `height` (px or unitless; also
/// pt, pc, mm, cm, in at 96 px to the inch), else the `viewBox` (its width and height; the missing one
/// of `width`/`height` follows its aspect ratio).
enum SVGSize {
    /// The size in CSS pixels (rounded), nil when the root gives neither an absolute size nor a
    /// viewBox; a failure when the text has no `<svg` root element.
    static func read(_ bytes: [UInt8]) -> Result<(width: Int, height: Int)?, VipsFailure> {
        guard case .success(let text) = SourceText.decode(bytes) else { return .failure(VipsFailure("it is not SVG text (not UTF-8)")) }
        guard let root = rootTag(text) else { return .failure(VipsFailure("it has no <svg> root element")) }
        let attributes = Self.attributes(root)
        let width = attributes["width"].flatMap(length)
        let height = attributes["height"].flatMap(length)
        let box = attributes["viewBox"].flatMap(viewBox)
        switch (width, height, box) {
        case (let w?, let h?, _):
            return .success(sized(w, h))
        case (let w?, nil, let b?) where b.height > 0:
            return .success(sized(w, w * b.height / b.width))
        case (nil, let h?, let b?) where b.height > 0:
            return .success(sized(h * b.width / b.height, h))
        case (_, _, let b?):
            return .success(sized(b.width, b.height))
        default:
            return .success(nil)
        }
    }

    private static func sized(_ w: Double, _ h: Double) -> (width: Int, height: Int)? {
        let width = Int(w.rounded()), height = Int(h.rounded())
        return width > 0 && height > 0 ? (width, height) : nil
    }

    /// The text of the first `<svg …>` start tag (after any XML declaration, comments, doctype).
    private static func rootTag(_ text: String) -> Substring? {
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("?") || after.hasPrefix("!") {
                let close = after.hasPrefix("!--") ? after.range(of: "-->")?.upperBound : after.firstIndex(of: ">").map { after.index(after: $0) }
                guard let close else { return nil }
                rest = rest[close...]
                continue
            }
            guard after.hasPrefix("svg"), let close = after.firstIndex(of: ">") else { return nil }
            let name = after.dropFirst(3)
            guard let next = name.first, next == " " || next == ">" || next == "/" || next == "\n" || next == "\t" || next == "\r" else { return nil }
            return after[after.index(after.startIndex, offsetBy: 3)..<close]
        }
        return nil
    }

    /// `name="value"` and `name='value'` pairs of a start tag.
    private static func attributes(_ tag: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var rest = tag
        while let eq = rest.firstIndex(of: "=") {
            let name = rest[..<eq].split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).last.map(String.init) ?? ""
            var value = rest[rest.index(after: eq)...].drop { $0 == " " }
            guard let quote = value.first, quote == "\"" || quote == "'" else { break }
            value = value.dropFirst()
            guard let end = value.firstIndex(of: quote) else { break }
            if result[name] == nil { result[name] = String(value[..<end]) }
            rest = value[value.index(after: end)...]
        }
        return result
    }

    /// An absolute length in px; nil for a percentage or a relative unit.
    private static func length(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let units: [(String, Double)] = [("px", 1), ("pt", 96.0 / 72), ("pc", 16), ("mm", 96 / 25.4), ("cm", 96 / 2.54), ("in", 96)]
        for (unit, factor) in units where trimmed.hasSuffix(unit) {
            return Double(trimmed.dropLast(unit.count)).map { $0 * factor }.flatMap { $0 > 0 ? $0 : nil }
        }
        return Double(trimmed).flatMap { $0 > 0 ? $0 : nil }
    }

    private static func viewBox(_ text: String) -> (width: Double, height: Double)? {
        let numbers = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\t" }).compactMap { Double($0) }
        guard numbers.count == 4, numbers[2] > 0, numbers[3] > 0 else { return nil }
        return (numbers[2], numbers[3])
    }
}
