import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 client on plain POSIX sockets, so tests can send exactly the bytes an
/// attacker would (`/../x`, odd `Host` headers) without a client library normalising them.
struct RawHTTP {
    struct Reply {
        var status: Int
        var headers: [(String, String)]
        var body: String

        func header(_ name: String) -> String? {
            headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let port: Int

    /// Sends one request and reads the reply until the server closes the connection. The socket
    /// work runs on a thread of its own: blocking Swift's few cooperative threads would starve the
    /// server running in the same process.
    func request(_ target: String, method: String = "GET", host: String? = nil, extraHeaders: [String] = [],
                 version: String = "HTTP/1.1") async throws -> Reply {
        var lines = ["\(method) \(target) \(version)"]
        let host = host ?? "127.0.0.1:\(port)"
        if !host.isEmpty { lines.append("Host: \(host)") }
        lines += extraHeaders
        lines.append("Connection: close")
        if method == "POST" || method == "PUT" { lines.append("Content-Length: 0") }
        let text = lines.joined(separator: "\r\n") + "\r\n\r\n"
        let raw = try await blocking { try exchange(text, until: nil) }
        return try parse(raw)
    }

    /// Sends a request and reads until `marker` appears in the reply (for streams that stay open).
    func read(_ target: String, until marker: String) async throws -> String {
        let text = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n"
        return try await blocking { try exchange(text, until: marker) }
    }

    /// Convenience: GET and return status and body.
    func get(_ target: String) async throws -> Reply { try await request(target) }

    /// On a thread of its own: on Linux, Dispatch's global queues carry Swift's cooperative pool, so
    /// a socket blocked there would hold up the server under test.
    private func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    private func exchange(_ request: String, until marker: String?) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect() to port \(port) failed: errno \(errno)") }
        let bytes = Array(request.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "send() failed") }
            sent += n
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 { throw Failure(description: "recv() failed or timed out: errno \(errno)") }
            if n == 0 { break }
            received += chunk[0..<n]
            if let marker, String(decoding: received, as: UTF8.self).contains(marker) { break }
        }
        return String(decoding: received, as: UTF8.self)
    }

    private func parse(_ raw: String) throws -> Reply {
        guard let split = raw.range(of: "\r\n\r\n") else { throw Failure(description: "no header end in reply: \(raw.prefix(200))") }
        let head = raw[..<split.lowerBound].components(separatedBy: "\r\n")
        guard let statusLine = head.first, statusLine.hasPrefix("HTTP/1."),
              let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else {
            throw Failure(description: "bad status line: \(head.first ?? "")")
        }
        var headers: [(String, String)] = []
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return Reply(status: status, headers: headers, body: String(raw[split.upperBound...]))
    }
}
