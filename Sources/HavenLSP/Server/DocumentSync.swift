import Foundation
import HavenKit

/// Open, change, save, close, and files changed on disk: each updates the overlay and schedules a check.
extension LanguageServer {
    func didOpen(_ params: DidOpenTextDocumentParams) {
        let item = params.textDocument
        let needsSite = withLock { root == nil }
        if needsSite, let path = LanguageServer.path(ofURI: item.uri),
           let found = LanguageServer.siteRoot(above: URL(fileURLWithPath: path).deletingLastPathComponent()) {
            withLock { useSite(found) }
        }
        let path = open(item.uri, version: item.version, text: item.text)
        scheduleCheck(paths: path.map { [$0] } ?? [], publish: item.uri, delay: 0)
    }

    func didChange(_ params: DidChangeTextDocumentParams) throws {
        // Full sync: the last change holds the whole text.
        guard let change = params.contentChanges.last else { return }
        guard change.range == nil else {
            throw ResponseError(code: ResponseError.invalidParams, message: "the server asks for full-text changes (textDocumentSync.change = 1)")
        }
        let path = open(params.textDocument.uri, version: params.textDocument.version, text: change.text)
        scheduleCheck(paths: path.map { [$0] } ?? [], publish: params.textDocument.uri, delay: options.debounce)
    }

    func didClose(_ params: DidCloseTextDocumentParams) {
        let uri = params.textDocument.uri
        let path: String? = withLock {
            documents[uri] = nil
            published[uri] = nil
            sent[uri] = nil
            if let file = LanguageServer.path(ofURI: uri) { overlay.remove(URL(fileURLWithPath: file).standardizedFileURL.path) }
            return relativePath(ofURI: uri)
        }
        notify("textDocument/publishDiagnostics", PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: []))
        if let path { scheduleCheck(paths: [path], delay: options.debounce) }
    }

    func didSave(_ params: DidSaveTextDocumentParams) {
        // The overlay already holds the saved text; a save of a data file or haven.yml is read again.
        if let path = withLock({ relativePath(ofURI: params.textDocument.uri) }) { scheduleCheck(paths: [path], delay: 0) }
    }

    func didChangeWatchedFiles(_ params: DidChangeWatchedFilesParams) {
        var paths = Set<String>()
        var unknown = false
        withLock {
            for change in params.changes {
                guard let path = relativePath(ofURI: change.uri) else { continue }
                // A file created or deleted changes the URL table: the session scans again.
                if change.type != 2 { unknown = true }
                paths.insert(path)
            }
        }
        if unknown { scheduleCheck(paths: nil, delay: options.debounce) } else if !paths.isEmpty { scheduleCheck(paths: paths, delay: options.debounce) }
    }

    /// Records an open document's text and puts it in the overlay; returns its site path.
    private func open(_ uri: String, version: Int?, text: String) -> String? {
        withLock {
            let path = relativePath(ofURI: uri)
            documents[uri] = Document(uri: uri, path: path, version: version, text: text)
            if path != nil, let file = LanguageServer.path(ofURI: uri) {
                overlay.set(URL(fileURLWithPath: file).standardizedFileURL.path, text: text)
            }
            return path
        }
    }
}
