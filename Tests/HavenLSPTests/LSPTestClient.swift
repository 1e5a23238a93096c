import Foundation
@testable import HavenKit
@testable import HavenLSP

/// A JSON-RPC client for tests: runs a `LanguageServer` in this process on a pair of pipes, sends
/// framed messages and waits (with a timeout) for what comes back.
final class LSPTestClient: @unchecked Sendable {
    let toServer = Pipe()
    let fromServer = Pipe()
    let server: LanguageServer
    private let lock = NSCondition()
    private var received: [JSON] = []
    private var nextID = 0
    private(set) var exitCode: Int32?
    private let done = DispatchSemaphore(value: 0)

    init(site: URL?, today: CalendarDate = TestDay.today, maxBody: Int = 64 * 1024 * 1024) {
        var options = LanguageServer.Options(siteRoot: site, today: today)
        options.debounce = 0.01
        options.docsURL = "https://example.org/haven#{rule}"
        server = LanguageServer(options: options,
                                reader: MessageReader(fd: toServer.fileHandleForReading.fileDescriptor, maxBody: maxBody),
                                writer: MessageWriter(fd: fromServer.fileHandleForWriting.fileDescriptor))
        let server = self.server
        Thread.detachNewThread { [self] in
            let code = server.run()
            lock.lock()
            exitCode = code
            lock.broadcast()
            lock.unlock()
            done.signal()
        }
        Thread.detachNewThread { [self] in
            let reader = MessageReader(fd: fromServer.fileHandleForReading.fileDescriptor)
            while case .message(let data) = reader.next() {
                guard let json = try? JSONDecoder().decode(JSON.self, from: data) else { continue }
                lock.lock()
                received.append(json)
                lock.broadcast()
                lock.unlock()
            }
        }
    }

    func sendRaw(_ body: Data) {
        toServer.fileHandleForWriting.write(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    func send(_ object: [String: Any]) {
        var message = object
        message["jsonrpc"] = "2.0"
        sendRaw((try? JSONSerialization.data(withJSONObject: message)) ?? Data())
    }

    /// Sends a request and waits for its response.
    @discardableResult
    func request(_ method: String, _ params: Any = NSNull(), timeout: Double = 20) -> JSON? {
        nextID += 1
        let id = nextID
        send(["id": id, "method": method, "params": params])
        return wait(timeout: timeout) { $0["id"]?.int == id }
    }

    func notify(_ method: String, _ params: Any = NSNull()) {
        send(["method": method, "params": params])
    }

    /// Waits for a message that `matches`, taking it (and leaving the others).
    func wait(timeout: Double = 20, _ matches: (JSON) -> Bool) -> JSON? {
        let deadline = Date().addingTimeInterval(timeout)
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let index = received.firstIndex(where: matches) { return received.remove(at: index) }
            if !lock.wait(until: deadline) { return nil }
        }
    }

    /// The next diagnostics published for `uri`.
    func diagnostics(_ uri: String, timeout: Double = 20) -> [JSON]? {
        wait(timeout: timeout) { $0["method"]?.string == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == uri }?["params"]?["diagnostics"]?.array
    }

    /// Diagnostics published for `uri` until they satisfy `condition` (a check may publish more
    /// than once, e.g. the first check of the site and the check of the opened document); the last
    /// ones seen when the time runs out.
    func diagnostics(_ uri: String, timeout: Double = 20, until condition: ([JSON]) -> Bool) -> [JSON]? {
        let deadline = Date().addingTimeInterval(timeout)
        var last: [JSON]?
        while Date() < deadline {
            guard let found = diagnostics(uri, timeout: deadline.timeIntervalSinceNow) else { return last }
            last = found
            if condition(found) { return found }
        }
        return last
    }

    func initialize(_ root: URL?, encodings: [String]? = nil) -> JSON? {
        var capabilities: [String: Any] = ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]]
        if let encodings { capabilities["general"] = ["positionEncodings": encodings] }
        let response = request("initialize", ["processId": NSNull(), "rootUri": root.map { $0.absoluteString } ?? NSNull(),
                                              "capabilities": capabilities])
        notify("initialized", [String: Any]())
        return response
    }

    func open(_ uri: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "markdown", "version": version, "text": text]])
    }

    func change(_ uri: String, _ text: String, version: Int) {
        notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": version], "contentChanges": [["text": text]]])
    }

    /// Closes the server's input (the client went away) and waits for it to end.
    func closeInput(timeout: Double = 10) -> Int32? {
        toServer.fileHandleForWriting.closeFile()
        return waitForExit(timeout: timeout)
    }

    func waitForExit(timeout: Double = 10) -> Int32? {
        _ = done.wait(timeout: .now() + timeout)
        lock.lock()
        defer { lock.unlock() }
        return exitCode
    }
}

enum TestDay {
    static let today = CalendarDate(year: 2026, month: 11, day: 29) ?? .distantPast
}
