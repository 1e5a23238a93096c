/// GFM alerts (`> [!NOTE]`, `> [!URGENT] Get help today if:`…) recognised in cmark's tree and
/// rewritten in place before the body is walked, so the files stay readable on GitHub while Haven
/// renders callouts, care cards and do/don't lists. A top-level block quote whose first paragraph
/// starts with `[!TYPE]` (the marker may be split across text nodes) becomes a custom block: the
/// marker is removed (no rule sees it), the rest of its first line is the title (or, with the
/// marker alone on its line as GitHub needs, an all-bold next line), and the quote's content follows. Being no longer a block quote, its text counts as the page's own for every
/// wording rule. An unknown type stays an ordinary block quote and is reported.
struct AlertPass {
    /// An alert as found in the source.
    struct Alert {
        var kind: AlertKind
        var location: SourceLocation
        var hasTitle: Bool
        /// The custom block that replaced the quote (valid while the document lives).
        var node: MarkdownNode
    }

    /// A `[!TYPE]` marker Haven does not know.
    struct Unknown {
        var type: String
        var location: SourceLocation
    }

    private(set) var alerts: [Alert] = []
    private(set) var unknown: [Unknown] = []

    /// Rewrites every alert among the document's top-level blocks. `location` gives a node's source position.
    init(document: MarkdownDocument, labels: AlertLabels, location: (MarkdownNode) -> SourceLocation) {
        let root = MarkdownNode(pointer: document.root)
        // Heading levels as written, to put a care card's heading one level below its section.
        let bodyHasLevelOne = AlertPass.hasLevelOneHeading(root)
        var sectionLevel: Int?
        var node = root.firstChild
        while let current = node {
            node = current.next
            switch current.kind {
            case .heading:
                sectionLevel = current.headingLevel
            case .blockQuote:
                guard let paragraph = current.firstChild, paragraph.kind == .paragraph,
                      let marker = AlertPass.marker(in: paragraph) else { continue }
                let at = location(paragraph)
                guard let kind = AlertKind(type: marker.type) else {
                    unknown.append(Unknown(type: marker.type, location: at))
                    continue
                }
                let level = sectionLevel.map { $0 + 1 } ?? (bodyHasLevelOne ? 1 : 2)
                if let alert = AlertPass.rewrite(current, paragraph: paragraph, kind: kind, markerLength: marker.length,
                                                 headingLevel: level, labels: labels, location: at) {
                    alerts.append(alert)
                }
            default:
                break
            }
        }
    }

    private static func hasLevelOneHeading(_ root: MarkdownNode) -> Bool {
        var node = root.firstChild
        while let current = node {
            if current.kind == .heading, current.headingLevel == 1 { return true }
            node = current.next
        }
        return false
    }

    /// The type named by a marker at the start of `paragraph` and the marker's length in bytes
    /// (leading spaces included), reading across the paragraph's leading text nodes.
    static func marker(in paragraph: MarkdownNode) -> (type: String, length: Int)? {
        var text: [UInt8] = []
        var node = paragraph.firstChild
        while let current = node, current.kind == .text, text.count < 64 {
            text += Array(current.literal.utf8)
            node = current.next
        }
        var i = 0
        while i < text.count, text[i] == 0x20 || text[i] == 0x09 { i += 1 }
        guard i + 3 < text.count, text[i] == UInt8(ascii: "["), text[i + 1] == UInt8(ascii: "!") else { return nil }
        var j = i + 2
        let start = j
        while j < text.count, isTypeByte(text[j]) || (j + 2 < text.count && text[j] == 0xE2 && text[j + 1] == 0x80 && text[j + 2] == 0x99) {
            j += text[j] == 0xE2 ? 3 : 1
        }
        guard j > start, j < text.count, text[j] == UInt8(ascii: "]"),
              isLetter(text[start]) else { return nil }
        return (String(decoding: text[start..<j], as: UTF8.self), j + 1)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }

    private static func isTypeByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "'")
    }

    /// Replaces `quote` by the alert's custom block. Returns nil (and leaves the quote) only
    /// when cmark cannot allocate.
    private static func rewrite(_ quote: MarkdownNode, paragraph: MarkdownNode, kind: AlertKind, markerLength: Int,
                                headingLevel: Int, labels: AlertLabels, location: SourceLocation) -> Alert? {
        let wrapper = labels.wrappers[kind]
        guard let container = MarkdownNode.custom(inline: false, enter: wrapper?.open ?? openingTag(kind),
                                                  exit: wrapper?.close ?? closingTag(kind)) else { return nil }
        removePrefix(markerLength, from: paragraph)
        var title = takeTitle(from: paragraph)
        if title.isEmpty { title = takeBoldTitle(from: paragraph) }
        if paragraph.firstChild == nil { paragraph.removeAndFree() }

        if let heading = titleElement(kind, title: title, headingLevel: headingLevel, labels: labels) {
            container.append(heading)
        } else {
            title.forEach { $0.free() }
        }
        while let child = quote.firstChild { container.append(child) }
        if kind.isList { markListItems(in: container, kind: kind, labels: labels) }
        guard quote.insertBefore(container) else { return nil }
        quote.removeAndFree()
        return Alert(kind: kind, location: location, hasTitle: !title.isEmpty, node: container)
    }

    /// The built-in element around a kind's block (a theme's `alert-<kind>` template replaces it).
    static func openingTag(_ kind: AlertKind) -> String {
        // role="note": a callout is part of the text it sits in, never a landmark of its own, in any
        // theme (an unnamed <aside> directly in <main> is a complementary landmark: axe landmark-unique).
        if kind.isCallout { return "<aside class=\"\(classes(kind))\" role=\"note\">" }
        return "<section class=\"\(classes(kind))\">"
    }

    /// The built-in classes of a kind's element (`callout callout-note`, `care-card care-card-urgent`, `do-list do-list-do`).
    static func classes(_ kind: AlertKind) -> String {
        if kind.isCallout { return "callout callout-\(kind.cssName)" }
        if kind.isCareCard { return "care-card care-card-\(kind.cssName)" }
        return "do-list do-list-\(kind.cssName)"
    }

    private static func closingTag(_ kind: AlertKind) -> String { kind.isCallout ? "</aside>" : "</section>" }

    /// Removes the first `count` bytes of the paragraph's leading text nodes (the marker).
    private static func removePrefix(_ count: Int, from paragraph: MarkdownNode) {
        var remaining = count
        while remaining > 0, let node = paragraph.firstChild, node.kind == .text {
            let bytes = Array(node.literal.utf8)
            if bytes.count <= remaining {
                remaining -= bytes.count
                node.removeAndFree()
            } else {
                node.literal = String(decoding: bytes[remaining...], as: UTF8.self)
                remaining = 0
            }
        }
    }

    /// Unlinks the inline nodes before the paragraph's first line break (the title), trimmed;
    /// the break itself is dropped. Empty when the marker stands alone on its line.
    private static func takeTitle(from paragraph: MarkdownNode) -> [MarkdownNode] {
        var title: [MarkdownNode] = []
        while let node = paragraph.firstChild {
            if node.kind == .softBreak || node.kind == .lineBreak {
                node.removeAndFree()
                break
            }
            node.unlinkOnly()
            title.append(node)
        }
        if let first = title.first, first.kind == .text { first.literal = String(first.literal.drop { $0 == " " || $0 == "\t" }) }
        if let last = title.last, last.kind == .text {
            last.literal = String(last.literal.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        }
        if title.allSatisfy({ $0.kind == .text && !$0.literal.hasVisibleText }) {
            title.forEach { $0.free() }
            return []
        }
        return title
    }

    /// With the marker alone on its line (the form GitHub renders as an alert), a first line that
    /// is all bold (`> **Write it down**`) is the title: its content, unwrapped; the break after it
    /// is dropped. Empty otherwise.
    private static func takeBoldTitle(from paragraph: MarkdownNode) -> [MarkdownNode] {
        guard let strong = paragraph.firstChild, strong.kind == .strong else { return [] }
        if let after = strong.next, after.kind != .softBreak && after.kind != .lineBreak { return [] }
        guard strong.firstChild != nil else { return [] }
        var title: [MarkdownNode] = []
        while let child = strong.firstChild {
            child.unlinkOnly()
            title.append(child)
        }
        if let after = strong.next { after.removeAndFree() }
        strong.removeAndFree()
        return title
    }

    /// The heading (care cards, lists) or title paragraph (callouts) holding `title`, or the
    /// kind's default title when there is none. Nil only when cmark cannot allocate.
    private static func titleElement(_ kind: AlertKind, title: [MarkdownNode], headingLevel: Int, labels: AlertLabels) -> MarkdownNode? {
        var content = title
        if content.isEmpty, let text = MarkdownNode.text(labels.titles[kind] ?? kind.rawValue) { content = [text] }
        let element: MarkdownNode
        if kind.isCallout {
            guard let paragraph = MarkdownNode.paragraph(),
                  let span = MarkdownNode.custom(inline: true, enter: "<span class=\"callout-title\">", exit: "</span>") else { return nil }
            if !title.isEmpty, let prefix = labels.hiddenPrefixes[kind],
               let hidden = MarkdownNode.custom(inline: true, enter: "<span class=\"visually-hidden\">\(prefix)</span>", exit: "") {
                span.append(hidden)
            }
            content.forEach { span.append($0) }
            paragraph.append(span)
            element = paragraph
        } else {
            guard let heading = MarkdownNode.heading(level: headingLevel) else { return nil }
            if !title.isEmpty, let prefix = labels.hiddenPrefixes[kind],
               let hidden = MarkdownNode.custom(inline: true, enter: "<span class=\"visually-hidden\">\(prefix)</span>", exit: "") {
                heading.append(hidden)
            }
            content.forEach { heading.append($0) }
            element = heading
        }
        return element
    }

    /// Starts each item of the lists in a `DO`/`DONT` block with a tick or cross (hidden from
    /// screen readers) and hidden "Do: " / "Do not: ".
    private static func markListItems(in container: MarkdownNode, kind: AlertKind, labels: AlertLabels) {
        let mark = kind == .dontList ? "✗" : "✓"
        let html = "<span class=\"do-list-mark\" aria-hidden=\"true\">\(mark)</span><span class=\"visually-hidden\">\(labels.itemPrefixes[kind] ?? "")</span>"
        var block = container.firstChild
        while let list = block {
            block = list.next
            guard list.kind == .list else { continue }
            var item = list.firstChild
            while let current = item {
                item = current.next
                if let first = current.firstChild, first.kind == .paragraph,
                   let marker = MarkdownNode.custom(inline: true, enter: html, exit: "") {
                    first.prepend(marker)
                }
            }
        }
    }
}
