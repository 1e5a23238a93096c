import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes framed JSON-RPC messages to a file descriptor; safe from several threads (one lock
/// around each whole message, so frames never interleave).
public final class MessageWriter: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var broken = false
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public init(fd: Int32 = STDOUT_FILENO) {
        self.fd = fd
        // A client that went away must end the server by a failed write, not by SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
    }

    /// Whether a write failed (the client is gone).
    public var isBroken: Bool {
        lock.lock()
        defer { lock.unlock() }
        return broken
    }

    /// Sends one message; false when the client is gone.
    @discardableResult
    public func send<T: Encodable>(_ message: T) -> Bool {
        guard let body = try? encoder.encode(message) else { return false }
        var frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        frame.append(contentsOf: body)
        lock.lock()
        defer { lock.unlock() }
        if broken { return false }
        var written = 0
        while written < frame.count {
            let n = frame.withUnsafeBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return -1 }
                return write(fd, base + written, frame.count - written)
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { broken = true; return false }
            written += n
        }
        return true
    }
}
