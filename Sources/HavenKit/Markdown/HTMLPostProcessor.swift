#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small, safe edits to cmark's HTML output, in one pass over its bytes. They rely on one fact:
/// with the safe renderer every `<` that editors write is escaped and raw HTML is replaced by a
/// comment, so a literal `<h2>`, `</h2>`, ` align="`, `<input type="checkbox"` or
/// `<section class="footnotes"` in cmark's output can only come from cmark itself.
enum HTMLPostProcessor {
    private static let alignAttribute = Array(" align=\"".utf8)
    private static let alignClass = Array(" class=\"align-".utf8)
    private static let checkedBox = Array("<input type=\"checkbox\" checked=\"\" disabled=\"\" />".utf8)
    private static let emptyBox = Array("<input type=\"checkbox\" disabled=\"\" />".utf8)
    private static let imageTag = Array("<img src=\"".utf8)
    private static let footnotes = Array("<section class=\"footnotes\" data-footnotes>".utf8)

    /// Gives the n-th `<hN>` the n-th heading id and shifts heading levels by `shift`; turns table
    /// `align="x"` (obsolete in HTML5) into `class="align-x"`; replaces task-list checkboxes (unlabeled
    /// form fields to a screen reader) by labeled symbols; gives the footnotes section a heading;
    /// gives the n-th `<img>` the n-th image's size, variants and lazy loading (`images`).
    /// Works on cmark's output as UTF-8 bytes and gives bytes: the HTML goes to the build's
    /// `BodyStore` as it is, and becomes a `String` once, when its page is rendered.
    static func addHeadingIDs(utf8 bytes: UnsafeBufferPointer<UInt8>, ids: [String], shift: Int = 0, labels: BodyLabels,
                              images: [ImageMarkup] = []) -> [UInt8] {
        var nextImage = 0
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + ids.count * 24 + 64)
        var next = 0
        var i = 0
        let count = bytes.count
        func level(_ digit: UInt8) -> UInt8 { min(UInt8(ascii: "6"), digit + UInt8(shift)) }
        func matches(_ pattern: [UInt8], at index: Int) -> Bool {
            guard index + pattern.count <= count else { return false }
            for k in 0..<pattern.count where bytes[index + k] != pattern[k] { return false }
            return true
        }
        while i < count {
            // Copy everything up to the next `<` at once: all edits start at a tag.
            guard let base = bytes.baseAddress else { break }
            let lt = memchr(base + i, Int32(UInt8(ascii: "<")), count - i)
            let tagStart = lt.map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) } ?? count
            if tagStart > i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<tagStart])) }
            i = tagStart
            guard i < count else { break }
            if i + 3 < count {
                let b1 = bytes[i + 1]
                if b1 == UInt8(ascii: "h"), (49...54).contains(bytes[i + 2]), bytes[i + 3] == UInt8(ascii: ">") {
                    out.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "h"), level(bytes[i + 2])])
                    if next < ids.count {
                        out.append(contentsOf: " id=\"".utf8)
                        out.append(contentsOf: HTMLEscape.attribute(ids[next]).utf8)
                        out.append(UInt8(ascii: "\""))
                        next += 1
                    }
                    out.append(UInt8(ascii: ">"))
                    i += 4
                    continue
                }
                if b1 == UInt8(ascii: "/"), i + 4 < count, bytes[i + 2] == UInt8(ascii: "h"), (49...54).contains(bytes[i + 3]),
                   bytes[i + 4] == UInt8(ascii: ">") {
                    out.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/"), UInt8(ascii: "h"), level(bytes[i + 3]), UInt8(ascii: ">")])
                    i += 5
                    continue
                }
                if b1 == UInt8(ascii: "i") {
                    if matches(checkedBox, at: i) { out.append(contentsOf: labels.checkedBox); i += checkedBox.count; continue }
                    if matches(emptyBox, at: i) { out.append(contentsOf: labels.emptyBox); i += emptyBox.count; continue }
                    // `<img src="…" alt="…" />` (attribute values escaped: no `>` inside).
                    if matches(imageTag, at: i), nextImage < images.count, let base = bytes.baseAddress,
                       let end = memchr(base + i, Int32(UInt8(ascii: ">")), count - i) {
                        let close = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(end))
                        var attributesEnd = close
                        if attributesEnd > i, bytes[attributesEnd - 1] == UInt8(ascii: "/") { attributesEnd -= 1 }
                        while attributesEnd > i, bytes[attributesEnd - 1] == UInt8(ascii: " ") { attributesEnd -= 1 }
                        let markup = images[nextImage]
                        nextImage += 1
                        out.append(contentsOf: markup.pictureOpen.utf8)
                        out.append(contentsOf: bytes[i..<attributesEnd])
                        out.append(contentsOf: markup.attributes(lazy: true).utf8)
                        out.append(contentsOf: " />".utf8)
                        out.append(contentsOf: markup.pictureClose.utf8)
                        i = close + 1
                        continue
                    }
                }
                if b1 == UInt8(ascii: "s"), matches(footnotes, at: i) {
                    out.append(contentsOf: labels.footnotes)
                    i += footnotes.count
                    continue
                }
                // Table cells: `<td align="x">` / `<th align="x">`.
                if b1 == UInt8(ascii: "t"), bytes[i + 2] == UInt8(ascii: "d") || bytes[i + 2] == UInt8(ascii: "h"),
                   matches(alignAttribute, at: i + 3) {
                    out.append(contentsOf: bytes[i..<(i + 3)])
                    out.append(contentsOf: alignClass)
                    i += 3 + alignAttribute.count
                    continue
                }
            }
            out.append(UInt8(ascii: "<"))
            i += 1
        }
        return out
    }
}

/// The HTML Haven puts in a body in place of cmark's, with the words of the page's language (the
/// labels of task-list boxes, the heading of the footnotes), made once per language.
struct BodyLabels: Sendable {
    let checkedBox: [UInt8]
    let emptyBox: [UInt8]
    let footnotes: [UInt8]
    /// The words of callouts, care cards and do/don't lists.
    let alerts: AlertLabels

    init(_ strings: StringTable, alertTemplates: AlertTemplates = .none) {
        alerts = AlertLabels(strings, templates: alertTemplates)
        func attribute(_ key: StringKey) -> String { HTMLEscape.attribute(strings[key]) }
        checkedBox = Array("<span class=\"task-box\" role=\"img\" aria-label=\"\(attribute(.taskDone))\">☑</span>".utf8)
        emptyBox = Array("<span class=\"task-box\" role=\"img\" aria-label=\"\(attribute(.taskTodo))\">☐</span>".utf8)
        footnotes = Array(("<section class=\"footnotes\" data-footnotes aria-labelledby=\"haven-references\">\n"
            + "<h2 id=\"haven-references\">\(HTMLEscape.text(strings[.references]))</h2>").utf8)
    }
}
