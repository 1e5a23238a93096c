import HavenKit

/// `textDocument/codeAction`: a quick fix for each suggestion of each finding in the range.
extension LanguageServer {
    func codeActions(_ params: CodeActionParams) -> [CodeAction] {
        let uri = params.textDocument.uri
        let (doc, found, encoding) = withLock { () -> (Document?, [HavenKit.Diagnostic], PositionEncoding) in (self.documents[uri], self.published[uri] ?? [], self.encoding) }
        guard let doc else { return [] }
        var actions: [CodeAction] = []
        for d in found where !d.suggestions.isEmpty {
            let diagnostic = convert(d, in: doc, encoding)
            guard diagnostic.range.overlaps(params.range) else { continue }
            for (index, suggestion) in d.suggestions.enumerated() {
                guard let edit = textEdit(suggestion.edit, in: doc, encoding) else { continue }
                actions.append(CodeAction(title: suggestion.title, diagnostics: [diagnostic], isPreferred: index == 0,
                                          edit: WorkspaceEdit(changes: [uri: [edit]])))
            }
        }
        return actions
    }

    /// A suggestion as an edit of the document's current text; nil when the text it replaces is
    /// no longer there.
    func textEdit(_ edit: Suggestion.Edit, in doc: Document, _ encoding: PositionEncoding) -> TextEdit? {
        switch edit {
        case .replace(let at, let original, let replacement):
            let bytes = Array(doc.line(at.line - 1).utf8)
            guard let start = Document.find(Array(original.utf8), in: bytes, from: min(max(0, at.column - 1), bytes.count)) else { return nil }
            let range = Range(start: doc.position(line: at.line, byteColumn: start + 1, encoding),
                              end: doc.position(line: at.line, byteColumn: start + original.utf8.count + 1, encoding))
            return TextEdit(range: range, newText: replacement)
        case .addKey(let key, let value):
            let line = "\(key):\(value.isEmpty ? " " : " " + value)\n"
            if let end = doc.frontMatterEnd {
                let at = Position(line: end, character: 0)
                return TextEdit(range: Range(start: at, end: at), newText: line)
            }
            let top = Position(line: 0, character: 0)
            return TextEdit(range: Range(start: top, end: top), newText: "---\n" + line + "---\n")
        }
    }
}
