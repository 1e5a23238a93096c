import CMarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only place that talks to cmark-gfm. Every pointer is owned by a Swift value that frees it.
enum CMark {
    /// Parser and renderer options: footnotes, smart punctuation. No UTF-8 validation: cmark is fed
    /// Swift strings, valid UTF-8 by construction.
    /// Never `CMARK_OPT_UNSAFE`: raw HTML is replaced by a comment and `javascript:`/`vbscript:`/
    /// `file:`/`data:` (except images) URLs are emptied by cmark itself.
    static let options: Int32 = CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers the GFM core extensions exactly once, before any concurrent use
    /// (a `static let` initialiser runs once, thread-safely).
    static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()
}

/// A parsed Markdown document: owns the cmark parser (which owns the extension list) and the tree.
final class MarkdownDocument {
    private let parser: OpaquePointer
    let root: OpaquePointer

    /// Parses UTF-8 Markdown. Returns nil only if cmark cannot allocate.
    init?(markdown: String) {
        _ = CMark.registered
        guard let parser = cmark_parser_new(CMark.options) else { return nil }
        for name in CMark.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            cmark_parser_free(parser)
            return nil
        }
        self.parser = parser
        self.root = root
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// True when the document has no blocks at all (its HTML is empty).
    var isEmpty: Bool { cmark_node_first_child(root) == nil }

    /// Renders the (possibly rewritten) tree to HTML with cmark's safe renderer and hands it, as
    /// UTF-8 bytes, to `body`.
    func withRenderedHTML<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let raw = cmark_render_html(root, CMark.options, cmark_parser_get_syntax_extensions(parser)) else {
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        defer { free(raw) }
        return raw.withMemoryRebound(to: UInt8.self, capacity: 1) { body(UnsafeBufferPointer(start: $0, count: strlen(raw))) }
    }

    /// Visits every node in document order without recursion (cmark's iterator keeps the path),
    /// so deeply nested input cannot overflow the stack.
    func walk(_ visit: (MarkdownNode, _ entering: Bool) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(MarkdownNode(pointer: node), event == CMARK_EVENT_ENTER)
        }
    }
}

/// A borrowed view of one node of a `MarkdownDocument`; valid only while the document lives.
struct MarkdownNode {
    let pointer: OpaquePointer

    enum Kind: Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case footnoteDefinition, text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image
        case footnoteReference, table, tableRow, tableCell, strikethrough, customBlock, customInline, other
    }

    var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference
        case CMARK_NODE_CUSTOM_BLOCK: return .customBlock
        case CMARK_NODE_CUSTOM_INLINE: return .customInline
        default:
            guard let name = cmark_node_get_type_string(pointer) else { return .other }
            switch String(cString: name) {
            case "table": return .table
            case "table_row", "table_header": return .tableRow
            case "table_cell": return .tableCell
            case "strikethrough": return .strikethrough
            default: return .other
            }
        }
    }

    /// Appends the node's literal text (UTF-8) to `bytes`.
    func appendLiteral(to bytes: inout [UInt8]) {
        guard let text = cmark_node_get_literal(pointer) else { return }
        text.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
            bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: strlen(text)))
        }
    }

    var url: String {
        get {
            guard let text = cmark_node_get_url(pointer) else { return "" }
            return String(cString: text)
        }
        nonmutating set { _ = cmark_node_set_url(pointer, newValue) }
    }

    /// Whether a `.tableRow` node is a table's header row.
    var isTableHeader: Bool { cmark_node_get_type_string(pointer).map { strcmp($0, "table_header") == 0 } ?? false }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    var parent: MarkdownNode? { cmark_node_parent(pointer).map(MarkdownNode.init) }
    var firstChild: MarkdownNode? { cmark_node_first_child(pointer).map(MarkdownNode.init) }
    var next: MarkdownNode? { cmark_node_next(pointer).map(MarkdownNode.init) }
}

/// Editing the tree (the alert pass, `AlertPass`). A node made here and never attached must be
/// freed with `free()`; an attached node is freed with its document.
extension MarkdownNode {
    /// The literal of a text node.
    var literal: String {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { _ = cmark_node_set_literal(pointer, newValue) }
    }

    static func text(_ literal: String) -> MarkdownNode? {
        guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        _ = cmark_node_set_literal(node, literal)
        return MarkdownNode(pointer: node)
    }

    static func heading(level: Int) -> MarkdownNode? {
        guard let node = cmark_node_new(CMARK_NODE_HEADING) else { return nil }
        _ = cmark_node_set_heading_level(node, Int32(min(6, max(1, level))))
        return MarkdownNode(pointer: node)
    }

    static func paragraph() -> MarkdownNode? { cmark_node_new(CMARK_NODE_PARAGRAPH).map(MarkdownNode.init) }

    /// A block (or, `inline: true`, an inline) rendered as its children between `enter` and
    /// `exit`, which are written to the HTML as they are: they must be Haven's own markup, with
    /// any text in them escaped.
    static func custom(inline: Bool, enter: String, exit: String) -> MarkdownNode? {
        guard let node = cmark_node_new(inline ? CMARK_NODE_CUSTOM_INLINE : CMARK_NODE_CUSTOM_BLOCK) else { return nil }
        _ = cmark_node_set_on_enter(node, enter)
        _ = cmark_node_set_on_exit(node, exit)
        return MarkdownNode(pointer: node)
    }

    /// Sets what a custom node writes before its children.
    func setOnEnter(_ html: String) { _ = cmark_node_set_on_enter(pointer, html) }

    /// Appends `child` (unlinked first); on failure `child` is freed. Returns whether it was appended.
    @discardableResult
    func append(_ child: MarkdownNode) -> Bool {
        cmark_node_unlink(child.pointer)
        if cmark_node_append_child(pointer, child.pointer) == 1 { return true }
        child.free()
        return false
    }

    /// Puts `child` first among this node's children; on failure `child` is freed.
    @discardableResult
    func prepend(_ child: MarkdownNode) -> Bool {
        cmark_node_unlink(child.pointer)
        if cmark_node_prepend_child(pointer, child.pointer) == 1 { return true }
        child.free()
        return false
    }

    /// Puts `node` just before this one; on failure `node` is freed.
    @discardableResult
    func insertBefore(_ node: MarkdownNode) -> Bool {
        cmark_node_unlink(node.pointer)
        if cmark_node_insert_before(pointer, node.pointer) == 1 { return true }
        node.free()
        return false
    }

    /// Takes the node (and its children) out of the tree and frees it.
    func removeAndFree() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }

    /// Takes the node out of the tree without freeing it (the caller attaches or frees it).
    func unlinkOnly() { cmark_node_unlink(pointer) }

    /// Frees a node that is not in any tree.
    func free() { cmark_node_free(pointer) }
}
