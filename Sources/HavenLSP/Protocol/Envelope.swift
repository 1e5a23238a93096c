/// JSON-RPC 2.0 messages as they travel (LSP base protocol).

/// An incoming message: a request (method and id), a notification (method, no id) or a response
/// to one of the server's own requests (id, result or error).
struct IncomingMessage: Decodable {
    var jsonrpc: String?
    var id: JSON?
    var method: String?
    var params: JSON?
    var result: JSON?
    var error: ResponseError?
}

/// A response to a request.
struct ResponseMessage: Encodable {
    var jsonrpc = "2.0"
    var id: JSON
    var result: JSON?
    var error: ResponseError?

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(jsonrpc, forKey: .jsonrpc)
        try container.encode(id, forKey: .id)
        if let error {
            try container.encode(error, forKey: .error)
        } else {
            // A result is always present on success, `null` included.
            try container.encode(result ?? .null, forKey: .result)
        }
    }

    enum CodingKeys: String, CodingKey { case jsonrpc, id, result, error }
}

/// A notification or a request the server sends.
struct OutgoingMessage<Params: Encodable>: Encodable {
    var jsonrpc = "2.0"
    var id: JSON?
    var method: String
    var params: Params
}

/// A JSON-RPC error.
struct ResponseError: Codable, Error {
    var code: Int
    var message: String

    static let parseError = -32700
    static let invalidRequest = -32600
    static let methodNotFound = -32601
    static let invalidParams = -32602
    static let internalError = -32603
    static let serverNotInitialized = -32002
    static let requestFailed = -32803
}
