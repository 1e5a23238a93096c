import Foundation
import HavenKit

/// `haven lsp`: a Language Server (LSP 3.17 over stdio) for one Haven site.
///
/// Threads: `run()` reads and answers messages on the calling thread; checks run on one serial
/// queue (`checks`), debounced, against an `IncrementalSession` in check-only mode whose files are
/// read through a `FileOverlay` holding the open documents' unsaved text. Shared state sits behind
/// `lock`; the session has its own lock. Requests that need the site (completion, hover) use the
/// site of the last finished check and never wait for a running one.
public final class LanguageServer: @unchecked Sendable {
    public struct Options: Sendable {
        /// The site folder; nil: the client's workspace folder, or the nearest folder above it with `haven.yml`.
        public var siteRoot: URL?
        /// How long to wait after a keystroke before checking (seconds).
        public var debounce: Double = 0.04
        /// Where rule documentation lives: `{rule}` is replaced by the rule id; nil: a local copy
        /// of the rule catalogue written to the temporary folder.
        public var docsURL: String?
        public var today: CalendarDate
        public var includeDrafts = true

        public init(siteRoot: URL?, today: CalendarDate) {
            self.siteRoot = siteRoot
            self.today = today
        }
    }

    let options: Options
    private let reader: MessageReader
    let writer: MessageWriter
    let checks = DispatchQueue(label: "haven.lsp.checks")
    let lock = NSLock()

    // Guarded by `lock`.
    private var initialized = false
    private var shutdownRequested = false
    var encoding = PositionEncoding.utf16
    var documents: [String: Document] = [:]
    var root: URL?
    var session: IncrementalSession?
    let overlay = FileOverlay()
    /// Paths changed since the last check; nil: unknown (scan everything).
    var pending: Set<String>? = []
    /// Documents whose diagnostics must be published after the next check even when unchanged.
    var mustPublish = Set<String>()
    var generation = 0
    /// Per document URI: the findings last published (for code actions) and what was sent.
    var published: [String: [HavenKit.Diagnostic]] = [:]
    var sent: [String: [LSPDiagnostic]] = [:]
    /// The site of the last finished check.
    var site: Site?
    /// A fault that stops checking (a broken haven.yml), shown on that file.
    var siteFault: HavenError?
    private var nextID = 1
    var watcher: SettingsPoller?
    lazy var ruleDocs = RuleDocs(base: options.docsURL)

    public init(options: Options, reader: MessageReader = MessageReader(), writer: MessageWriter = MessageWriter()) {
        self.options = options
        self.reader = reader
        self.writer = writer
    }

    /// Serves until `exit` or the end of input; returns the process exit code (0 after `shutdown`).
    public func run() -> Int32 {
        while true {
            switch reader.next() {
            case .end:
                // The client went away: with `shutdown` first that is the normal end.
                return withLock { shutdownRequested } ? 0 : 1
            case .skipped(let reason):
                log("skipped \(reason)")
                respond(.null, error: ResponseError(code: ResponseError.invalidRequest, message: "skipped \(reason)"))
            case .message(let data):
                if let code = handle(data) { return code }
            }
            if writer.isBroken { return 1 }
        }
    }

    // MARK: Dispatch

    /// Handles one message; returns an exit code when the server must stop.
    func handle(_ data: Data) -> Int32? {
        let message: IncomingMessage
        do {
            message = try JSONDecoder().decode(IncomingMessage.self, from: data)
        } catch {
            respond(.null, error: ResponseError(code: ResponseError.parseError, message: "the message is not valid JSON-RPC: \(error)"))
            return nil
        }
        guard let method = message.method else { return nil }  // a response to a request of ours
        let id = message.id
        if method == "exit" { return withLock { shutdownRequested } ? 0 : 1 }
        let (ready, down) = withLock { (initialized, shutdownRequested) }
        if method == "initialize" {
            guard let id else { return nil }
            if ready { respond(id, error: ResponseError(code: ResponseError.invalidRequest, message: "initialize was already received")); return nil }
            initialize(id, message.params ?? .null)
            return nil
        }
        guard ready else {
            if let id { respond(id, error: ResponseError(code: ResponseError.serverNotInitialized, message: "the server is not initialized yet")) }
            return nil
        }
        if down, let id {
            respond(id, error: ResponseError(code: ResponseError.invalidRequest, message: "the server is shutting down"))
            return nil
        }
        do {
            try dispatch(method, id: id, params: message.params ?? .null)
        } catch let error as ResponseError {
            if let id { respond(id, error: error) }
        } catch {
            if let id { respond(id, error: ResponseError(code: ResponseError.invalidParams, message: "invalid params for \(method): \(error)")) }
        }
        return nil
    }

    private func dispatch(_ method: String, id: JSON?, params: JSON) throws {
        switch method {
        case "initialized": didInitialize()
        case "shutdown":
            withLock { shutdownRequested = true }
            watcher?.stop()
            if let id { respond(id, result: .null) }
        case "textDocument/didOpen": didOpen(try params.decode(DidOpenTextDocumentParams.self))
        case "textDocument/didChange": try didChange(try params.decode(DidChangeTextDocumentParams.self))
        case "textDocument/didClose": didClose(try params.decode(DidCloseTextDocumentParams.self))
        case "textDocument/didSave": didSave(try params.decode(DidSaveTextDocumentParams.self))
        case "workspace/didChangeWatchedFiles": didChangeWatchedFiles(try params.decode(DidChangeWatchedFilesParams.self))
        case "textDocument/codeAction":
            if let id { respond(id, result: .from(codeActions(try params.decode(CodeActionParams.self)))) }
        case "textDocument/completion":
            if let id { respond(id, result: .from(completion(try params.decode(TextDocumentPositionParams.self)))) }
        case "textDocument/hover":
            if let id { respond(id, result: hover(try params.decode(TextDocumentPositionParams.self)).map { .from($0) } ?? .null) }
        case "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration", "workspace/didChangeWorkspaceFolders":
            break
        default:
            // Unknown notifications (`$/…` or not) are ignored; unknown requests are an error.
            if let id { respond(id, error: ResponseError(code: ResponseError.methodNotFound, message: "method not found: \(method)")) }
        }
    }

    // MARK: Lifecycle

    private func initialize(_ id: JSON, _ params: JSON) {
        let initialize = (try? params.decode(InitializeParams.self))
        let offered = initialize?.capabilities?.general?.positionEncodings ?? []
        let chosen: PositionEncoding = offered.contains("utf-8") ? .utf8 : .utf16
        let workspace = [initialize?.rootUri, initialize?.workspaceFolders?.first?.uri].compactMap { $0 }.compactMap(LanguageServer.path(ofURI:)).first
            ?? initialize?.rootPath
        let found = options.siteRoot ?? workspace.flatMap { LanguageServer.siteRoot(above: URL(fileURLWithPath: $0)) }
        withLock {
            encoding = chosen
            initialized = true
            if let found { useSite(found) }
        }
        dynamicWatch = initialize?.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration == true
        let result = InitializeResult(
            capabilities: ServerCapabilities(positionEncoding: chosen.rawValue, textDocumentSync: .init(),
                                             codeActionProvider: .init(), completionProvider: .init()),
            serverInfo: .init(name: "haven", version: Haven.version))
        respond(id, result: .from(result))
    }

    private var dynamicWatch = false

    private func didInitialize() {
        if dynamicWatch {
            let watchers = ["**/*.md", "**/Content/_data/*.yml", "**/haven.yml", "**/Templates/**"].map(RegistrationParams.Watcher.init)
            let registration = RegistrationParams(registrations: [
                .init(id: "haven-watch", method: "workspace/didChangeWatchedFiles", registerOptions: .init(watchers: watchers)),
            ])
            request("client/registerCapability", registration)
        }
        scheduleCheck(paths: nil, delay: 0)
    }

    /// Starts checking the site at `url` (with `lock` held).
    func useSite(_ url: URL) {
        root = url.standardizedFileURL
        var build = BuildOptions(siteRoot: url.standardizedFileURL, output: nil, today: options.today)
        build.includeDrafts = options.includeDrafts
        session = IncrementalSession(options: build, files: .overlaying(overlay), checkOnly: true)
        pending = nil
        let poller = SettingsPoller(root: url.standardizedFileURL) { [weak self] changed in
            self?.scheduleCheck(paths: changed, delay: 0)
        }
        watcher = poller
        poller.start()
    }

    /// The folder at or above `url` that holds `haven.yml`.
    static func siteRoot(above url: URL) -> URL? {
        var folder = url.standardizedFileURL
        for _ in 0..<64 {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(SiteConfig.fileName).path) { return folder }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
        return nil
    }

    // MARK: Sending

    func respond(_ id: JSON, result: JSON) {
        writer.send(ResponseMessage(id: id, result: result, error: nil))
    }

    func respond(_ id: JSON, error: ResponseError) {
        writer.send(ResponseMessage(id: id, result: nil, error: error))
    }

    func notify<P: Encodable>(_ method: String, _ params: P) {
        writer.send(OutgoingMessage(id: nil, method: method, params: params))
    }

    func request<P: Encodable>(_ method: String, _ params: P) {
        let id = withLock { () -> Int in nextID += 1; return nextID }
        writer.send(OutgoingMessage(id: .string("haven-\(id)"), method: method, params: params))
    }

    func log(_ message: String) {
        FileHandle.standardError.write(Data(("haven lsp: " + message + "\n").utf8))
    }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    // MARK: Paths

    /// The file path of a `file://` URI (percent-decoded), nil for other schemes.
    static func path(ofURI uri: String) -> String? {
        guard uri.hasPrefix("file://") else { return nil }
        let rest = uri.dropFirst("file://".count)
        let path = rest.hasPrefix("/") ? String(rest) : String(rest.drop { $0 != "/" })
        return path.removingPercentEncoding ?? path
    }

    /// A `file://` URI for a path.
    static func uri(ofPath path: String) -> String {
        URL(fileURLWithPath: path).absoluteString
    }

    /// A document's path relative to the site root, nil outside it or outside `Content/` and
    /// `haven.yml` (with `lock` held).
    func relativePath(ofURI uri: String) -> String? {
        guard let root, let path = LanguageServer.path(ofURI: uri) else { return nil }
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        let base = root.path
        guard full.hasPrefix(base + "/") else { return nil }
        // Only the site's own files: a README beside Content/ is not a page.
        let relative = String(full.dropFirst(base.count + 1))
        guard relative == SiteConfig.fileName || relative.hasPrefix("Content/") else { return nil }
        return relative
    }
}
