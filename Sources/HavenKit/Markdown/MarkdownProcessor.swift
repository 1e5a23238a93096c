/// Parses one Markdown body with cmark-gfm, analyses it in one iterative pass, rewrites link
/// destinations through a resolver, and renders safe HTML with heading ids.
struct MarkdownProcessor {
    /// Maps a link destination written by an editor to its target (and the href to write).
    typealias Resolver = (_ destination: String, _ isImage: Bool, _ location: SourceLocation) -> LinkTarget

    let file: String
    /// The file line holding the body's first line (after the front matter).
    let firstLine: Int
    /// The words Haven writes into the body, in the page's language.
    let labels: BodyLabels
    /// The wording rules of the page's language (nil: it has none built in).
    var wording: Wording? = Wording.builtIn(for: "en")
    let resolve: Resolver

    /// The body's analysis and HTML (UTF-8); with `html: false`, `RenderedPageChecks.bodyPlaceholder`
    /// (or nothing for an empty body) instead of the HTML.
    func process(_ markdown: String, html renders: Bool = true) -> (BodyAnalysis, html: [UInt8]) {
        guard let document = MarkdownDocument(markdown: markdown) else { return (BodyAnalysis(), []) }
        // Callouts and care cards first: the walk below sees them as the page's own text.
        let alertPass = AlertPass(document: document, labels: labels.alerts) { node in
            SourceLocation(file: file, line: firstLine + max(1, node.startLine) - 1, column: max(1, node.startColumn))
        }
        var alertIndex: [OpaquePointer: Int] = [:]
        for (index, alert) in alertPass.alerts.enumerated() { alertIndex[alert.node.pointer] = index }
        var alertBlocks = [Range<Int>](repeating: 0..<0, count: alertPass.alerts.count)
        var analysis = BodyAnalysis()
        var slugger = HeadingSlugger()

        // Open containers while walking (no recursion: the iterator carries the path).
        var blockQuoteDepth = 0
        var footnoteDepth = 0
        var current: BodyAnalysis.TextBlock?
        // The table row being walked: its first block's index, whether a cell cites, whether a header.
        var rowStart = 0, rowCites = false, inHeaderRow = false
        var blocks: [BodyAnalysis.TextBlock] = []
        var blockStack: [BodyAnalysis.TextBlock] = []
        var pendingLink: [(index: Int, text: [UInt8])] = []  // open links/images: index in analysis.links
        // Each `<img>` cmark will write, in order (an image inside another's alt text writes none).
        var images: [ImageMarkup] = []
        var imageDepth = 0
        var lastLocation = SourceLocation(file: file, line: firstLine, column: 1)

        func location(_ node: MarkdownNode) -> SourceLocation {
            if node.startLine > 0 {
                let loc = SourceLocation(file: file, line: firstLine + node.startLine - 1, column: node.startColumn)
                return loc
            }
            return lastLocation
        }

        func appendText(_ node: MarkdownNode) {
            if var block = current {
                current = nil  // the block's bytes stay uniquely referenced: appended in place
                node.appendLiteral(to: &block.bytes)
                current = block
            }
            if !pendingLink.isEmpty { node.appendLiteral(to: &pendingLink[pendingLink.count - 1].text) }
        }

        func appendSpace() {
            current?.bytes.append(0x20)
            if !pendingLink.isEmpty { pendingLink[pendingLink.count - 1].text.append(0x20) }
        }

        func openBlock(_ kind: BodyAnalysis.TextBlock.Kind, _ node: MarkdownNode) {
            if let open = current { blockStack.append(open) }
            current = BodyAnalysis.TextBlock(kind: footnoteDepth > 0 ? .footnote : kind, bytes: [], location: location(node),
                                             endLine: firstLine + max(node.endLine, node.startLine) - 1,
                                             inBlockQuote: blockQuoteDepth > 0, hasCitation: false)
        }

        func closeBlock() {
            if let block = current, block.kind == .tableCell, block.hasCitation { rowCites = true }
            if var block = current, block.hasVisibleText {
                if block.kind == .tableCell { block.inTableHeader = inHeaderRow }
                blocks.append(block)
            }
            current = blockStack.popLast()
        }

        document.walk { node, entering in
            let kind = node.kind
            if entering, node.startLine > 0 { lastLocation = location(node) }
            switch kind {
            case .blockQuote:
                blockQuoteDepth += entering ? 1 : -1
            case .customBlock:
                // The blocks of a callout or care card: from its first to its last.
                if let index = alertIndex[node.pointer] {
                    if entering { alertBlocks[index] = blocks.count..<blocks.count } else { alertBlocks[index] = alertBlocks[index].lowerBound..<blocks.count }
                }
            case .footnoteDefinition:
                footnoteDepth += entering ? 1 : -1
                if entering { analysis.hasFootnotes = true }
            case .paragraph:
                if entering { openBlock(.paragraph, node) } else { closeBlock() }
            case .tableRow:
                if entering {
                    rowStart = blocks.count
                    rowCites = false
                    inHeaderRow = node.isTableHeader
                } else if rowCites {
                    for index in rowStart..<blocks.count where blocks[index].kind == .tableCell { blocks[index].rowHasCitation = true }
                }
            case .tableCell:
                if entering { openBlock(.tableCell, node) } else { closeBlock() }
            case .heading:
                if entering {
                    openBlock(.heading, node)
                } else {
                    let text = current?.text.trimmingSpaces ?? ""
                    analysis.headings.append(.init(level: node.headingLevel, text: text, id: slugger.id(for: text),
                                                   location: current?.location ?? location(node)))
                    closeBlock()
                }
            case .text:
                appendText(node)
            case .code:
                // Inline code names things (commands, terms); it counts in headings and link text, not in prose.
                if current?.kind == .heading || !pendingLink.isEmpty { appendText(node) }
            case .softBreak, .lineBreak:
                appendSpace()
            case .htmlBlock:
                if entering { analysis.rawHTML.append(location(node)) }
            case .htmlInline:
                // One finding per paragraph: `<b>x</b>` is two nodes but one mistake.
                if entering, current?.hasRawHTML != true {
                    analysis.rawHTML.append(location(node))
                    current?.hasRawHTML = true
                }
            case .footnoteReference:
                current?.hasCitation = true
            case .link, .image:
                if entering {
                    let here = location(node)
                    let destination = node.url
                    let target = resolve(destination, kind == .image, here)
                    if target.href != destination { node.url = target.href }
                    if kind == .link { current?.hasCitation = true }
                    if kind == .image {
                        if imageDepth == 0 { images.append(target.image ?? ImageMarkup()) }
                        imageDepth += 1
                    }
                    analysis.links.append(.init(destination: destination, isImage: kind == .image, text: "",
                                                location: here, target: target))
                    pendingLink.append((analysis.links.count - 1, []))
                } else if let open = pendingLink.popLast() {
                    if kind == .image { imageDepth -= 1 }
                    analysis.links[open.index].text = String(decoding: open.text, as: UTF8.self).trimmingSpaces
                }
            default:
                break
            }
        }
        // The page title is the only h1: a body that uses `#` headings is shifted down one level.
        let shift = analysis.headings.contains { $0.level == 1 } ? 1 : 0
        for index in analysis.headings.indices {
            analysis.headings[index].level = min(6, analysis.headings[index].level + shift)
        }
        analysis.alerts = zip(alertPass.alerts, alertBlocks).map { alert, range in
            let numbers = blocks[range].flatMap { PhoneMentionScanner.candidates(in: $0.bytes).map(\.digits) }
            return BodyAnalysis.Alert(kind: alert.kind, location: alert.location, hasTitle: alert.hasTitle, numbers: numbers)
        }
        analysis.unknownAlerts = alertPass.unknown.map { BodyAnalysis.UnknownAlert(type: $0.type, location: $0.location) }
        analysis.prose = ProseAnalysis(blocks: blocks, markdown: markdown, file: file, firstLine: firstLine, wording: wording)
        guard renders else { return (analysis, document.isEmpty ? [] : Array(RenderedPageChecks.bodyPlaceholder.utf8)) }
        let ids = analysis.headings.map(\.id)
        let html = document.withRenderedHTML { HTMLPostProcessor.addHeadingIDs(utf8: $0, ids: ids, shift: shift, labels: labels, images: images) }
        return (analysis, html)
    }
}
