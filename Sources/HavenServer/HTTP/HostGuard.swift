import Foundation

/// Refuses requests whose `Host` header is not an address this server answers on, so a web page
/// on another site cannot reach the preview through DNS rebinding (a name of theirs pointed at
/// 127.0.0.1).
///
/// Accepted: `127.0.0.1`, `localhost`, `[::1]` and the `--host` value, each with the bound port
/// (or no port when that port is 80). When bound to every interface (`0.0.0.0`, `::`), any IP
/// literal is accepted too: an address typed as digits cannot be rebound.
struct HostGuard: Sendable {
    /// The `--host` value, lowercased, IPv6 in brackets.
    let boundHost: String
    let port: ListeningPort

    init(boundHost: String, port: ListeningPort) {
        self.boundHost = HostGuard.normalize(boundHost)
        self.port = port
    }

    var bindsEverywhere: Bool { boundHost == "0.0.0.0" || boundHost == "[::]" }

    /// Whether a request with this `Host` (HTTP/2 `:authority`) may be served.
    func allows(_ authority: String?) -> Bool {
        guard let authority, !authority.isEmpty, let bound = port.value else { return false }
        guard let (host, requestPort) = HostGuard.split(authority) else { return false }
        guard requestPort == bound else { return false }
        let name = host.lowercased()
        if name == "127.0.0.1" || name == "localhost" || name == "[::1]" || name == boundHost { return true }
        return bindsEverywhere && HostGuard.isIPLiteral(name)
    }

    /// `host:port` → (host, port); a missing port means 80. IPv6 literals keep their brackets.
    static func split(_ authority: String) -> (String, Int)? {
        var host = Substring(authority)
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[...close]
            let rest = authority[authority.index(after: close)...]
            if !rest.isEmpty {
                guard rest.first == ":" else { return nil }
                portText = rest.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        guard !host.isEmpty else { return nil }
        guard let portText else { return (String(host), 80) }
        guard !portText.isEmpty, portText.allSatisfy(\.isASCII), let port = Int(portText), (0...65535).contains(port) else {
            return nil
        }
        return (String(host), port)
    }

    static func normalize(_ host: String) -> String {
        let lower = host.lowercased()
        if lower.contains(":") && !lower.hasPrefix("[") { return "[" + lower + "]" }
        return lower
    }

    static func isIPLiteral(_ host: String) -> Bool {
        if host.hasPrefix("[") && host.hasSuffix("]") {
            var address = in6_addr()
            return inet_pton(AF_INET6, String(host.dropFirst().dropLast()), &address) == 1
        }
        var address = in_addr()
        return inet_pton(AF_INET, host, &address) == 1
    }
}

/// The port the server listens on, known once it has bound (the user may ask for port 0).
final class ListeningPort: @unchecked Sendable {
    private let lock = NSLock()
    private var port: Int?
    private var cancelled = false
    private var waiters: [Int: CheckedContinuation<Int?, Never>] = [:]
    private var nextWaiter = 0

    var value: Int? { lock.withLock { port } }

    func set(_ value: Int) {
        let waiting = lock.withLock { () -> [CheckedContinuation<Int?, Never>] in
            port = value
            defer { waiters = [:] }
            return Array(waiters.values)
        }
        for waiter in waiting { waiter.resume(returning: value) }
    }

    /// Waits until the server has bound; nil if the task is cancelled first (the bind failed and
    /// the server is stopping).
    func wait() async -> Int? {
        let id = lock.withLock { () -> Int in
            nextWaiter += 1
            return nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Int?, Never>) in
                let known = lock.withLock { () -> Int?? in
                    if let port { return .some(port) }
                    if Task.isCancelled { return .some(nil) }
                    waiters[id] = continuation
                    return nil
                }
                if let known { continuation.resume(returning: known) }
            }
        } onCancel: {
            let waiter = lock.withLock { waiters.removeValue(forKey: id) }
            waiter?.resume(returning: nil)
        }
    }
}
