/// The LSP 3.17 messages Haven's server speaks, as Codable types (only the fields it reads or sends).

// MARK: Lifecycle

struct InitializeParams: Decodable {
    var processId: Int?
    var rootUri: String?
    var rootPath: String?
    var workspaceFolders: [WorkspaceFolder]?
    var capabilities: ClientCapabilities?

    struct WorkspaceFolder: Decodable { var uri: String }

    struct ClientCapabilities: Decodable {
        var general: General?
        var workspace: Workspace?

        struct General: Decodable { var positionEncodings: [String]? }
        struct Workspace: Decodable {
            var didChangeWatchedFiles: DynamicRegistration?
        }
        struct DynamicRegistration: Decodable { var dynamicRegistration: Bool? }
    }
}

struct InitializeResult: Encodable {
    var capabilities: ServerCapabilities
    var serverInfo: ServerInfo

    struct ServerInfo: Encodable {
        var name: String
        var version: String
    }
}

struct ServerCapabilities: Encodable {
    var positionEncoding: String
    var textDocumentSync: SyncOptions
    var codeActionProvider: CodeActionOptions
    var completionProvider: CompletionOptions
    var hoverProvider = true

    struct SyncOptions: Encodable {
        var openClose = true
        /// 1 = full text on every change (documents are small; a keystroke sends the page).
        var change = 1
        var save = SaveOptions()
    }
    struct SaveOptions: Encodable { var includeText = false }
    struct CodeActionOptions: Encodable { var codeActionKinds = ["quickfix"] }
    struct CompletionOptions: Encodable { var triggerCharacters = [":", " ", "[", ",", "-"] }
}

// MARK: Documents

struct DidOpenTextDocumentParams: Decodable { var textDocument: TextDocumentItem }

struct DidChangeTextDocumentParams: Decodable {
    var textDocument: VersionedTextDocumentIdentifier
    var contentChanges: [ContentChange]

    /// Full-text changes only (the server asks for full sync); a range change is refused.
    struct ContentChange: Decodable {
        var range: Range?
        var text: String
    }
}

struct DidCloseTextDocumentParams: Decodable { var textDocument: TextDocumentIdentifier }
struct DidSaveTextDocumentParams: Decodable { var textDocument: TextDocumentIdentifier }

struct DidChangeWatchedFilesParams: Decodable {
    var changes: [FileEvent]

    struct FileEvent: Decodable {
        var uri: String
        /// 1 created, 2 changed, 3 deleted.
        var type: Int
    }
}

struct RegistrationParams: Encodable {
    var registrations: [Registration]

    struct Registration: Encodable {
        var id: String
        var method: String
        var registerOptions: WatchOptions
    }
    struct WatchOptions: Encodable { var watchers: [Watcher] }
    struct Watcher: Encodable { var globPattern: String }
}

// MARK: Diagnostics

struct PublishDiagnosticsParams: Encodable {
    var uri: String
    var version: Int?
    var diagnostics: [LSPDiagnostic]
}

struct LSPDiagnostic: Codable, Hashable {
    var range: Range
    /// 1 error, 2 warning, 3 information, 4 hint.
    var severity: Int
    var code: String
    var codeDescription: CodeDescription?
    var source = "haven"
    var message: String
    var relatedInformation: [RelatedInformation]?

    struct CodeDescription: Codable, Hashable { var href: String }
    struct RelatedInformation: Codable, Hashable {
        var location: Location
        var message: String
    }
}

// MARK: Code actions

struct CodeActionParams: Decodable {
    var textDocument: TextDocumentIdentifier
    var range: Range
}

struct CodeAction: Encodable {
    var title: String
    var kind = "quickfix"
    var diagnostics: [LSPDiagnostic]
    var isPreferred: Bool
    var edit: WorkspaceEdit
}

// MARK: Completion and hover

struct CompletionItem: Encodable {
    var label: String
    /// 10 property (a key), 12 value, 21 constant (an id).
    var kind: Int
    var detail: String?
    var documentation: MarkupContent?
    var insertText: String?
    var sortText: String?
}

struct CompletionList: Encodable {
    var isIncomplete = false
    var items: [CompletionItem]
}

struct Hover: Encodable {
    var contents: MarkupContent
    var range: Range?
}

struct ShowMessageParams: Encodable {
    /// 1 error, 2 warning, 3 info, 4 log.
    var type: Int
    var message: String
}
