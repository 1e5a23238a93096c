import Foundation

/// Small, safe edits to cmark's HTML output. They rely on one fact: with the safe renderer every
/// `<` that editors write is escaped and raw HTML is replaced by a comment, so a literal `<h2>`,
/// `</h2>` or ` align="` in cmark's output can only come from cmark itself.
enum HTMLPostProcessor {
    /// Gives the n-th `<hN>` tag the n-th heading id, shifts heading levels by `shift`, and turns
    /// table `align="x"` (obsolete in HTML5) into `class="align-x"`.
    static func addHeadingIDs(_ html: String, ids: [String], shift: Int = 0) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + ids.count * 24)
        var next = 0
        var i = 0
        let lt = UInt8(ascii: "<"), h = UInt8(ascii: "h"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
        let alignAttr = Array(" align=\"".utf8)
        func level(_ digit: UInt8) -> UInt8 { min(UInt8(ascii: "6"), digit + UInt8(shift)) }
        while i < bytes.count {
            let b = bytes[i]
            if b == lt, i + 3 < bytes.count, bytes[i + 1] == h, (49...54).contains(bytes[i + 2]), bytes[i + 3] == gt {
                out.append(contentsOf: [lt, h, level(bytes[i + 2])])
                if next < ids.count {
                    out.append(contentsOf: Array(" id=\"".utf8))
                    out.append(contentsOf: Array(HTMLEscape.attribute(ids[next]).utf8))
                    out.append(UInt8(ascii: "\""))
                    next += 1
                }
                out.append(gt)
                i += 4
                continue
            }
            if b == lt, i + 4 < bytes.count, bytes[i + 1] == slash, bytes[i + 2] == h, (49...54).contains(bytes[i + 3]),
               bytes[i + 4] == gt {
                out.append(contentsOf: [lt, slash, h, level(bytes[i + 3]), gt])
                i += 5
                continue
            }
            if b == UInt8(ascii: " "), bytes[i...].starts(with: alignAttr) {
                out.append(contentsOf: Array(" class=\"align-".utf8))
                i += alignAttr.count
                continue
            }
            out.append(b)
            i += 1
        }
        return titleFootnotes(replaceTaskCheckboxes(String(decoding: out, as: UTF8.self)), level: 2)
    }

    /// cmark-gfm's footnotes section has no heading; give it one so it is a labelled section.
    static func titleFootnotes(_ html: String, level: Int) -> String {
        let open = "<section class=\"footnotes\" data-footnotes>"
        guard html.contains(open) else { return html }
        return html.replacingOccurrences(
            of: open,
            with: "<section class=\"footnotes\" data-footnotes aria-labelledby=\"haven-references\">\n<h\(level) id=\"haven-references\">References</h\(level)>")
    }

    /// cmark-gfm's task list items are unlabeled, disabled `<input>`s, which screen readers announce
    /// as unlabeled form fields; show a labeled symbol instead.
    static func replaceTaskCheckboxes(_ html: String) -> String {
        guard html.contains("<input type=\"checkbox\"") else { return html }
        return html
            .replacingOccurrences(of: "<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
                                  with: "<span class=\"task-box\" role=\"img\" aria-label=\"Done:\">☑</span>")
            .replacingOccurrences(of: "<input type=\"checkbox\" disabled=\"\" />",
                                  with: "<span class=\"task-box\" role=\"img\" aria-label=\"To do:\">☐</span>")
    }
}
