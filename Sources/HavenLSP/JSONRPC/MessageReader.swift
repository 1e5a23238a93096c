import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads JSON-RPC messages framed with `Content-Length` headers (the LSP base protocol) from a file
/// descriptor, one at a time.
public final class MessageReader {
    /// What the next read found.
    public enum Next: Equatable {
        /// A message body (not yet parsed).
        case message(Data)
        /// A frame that could not be used (bad header, body over the limit): skipped, reading goes on.
        case skipped(String)
        /// The stream ended (the client closed it or went away).
        case end
    }

    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    /// Bodies above this size are skipped, so a runaway client cannot exhaust memory.
    public let maxBody: Int

    public init(fd: Int32 = STDIN_FILENO, maxBody: Int = 64 * 1024 * 1024) {
        self.fd = fd
        self.maxBody = maxBody
    }

    public func next() -> Next {
        // Headers: up to a blank line.
        var headerEnd: Int?
        while true {
            if let end = find([13, 10, 13, 10]) { headerEnd = end; break }
            if available > 64 * 1024 { discardAll(); return .skipped("header longer than 64 KB") }
            guard fill() else { return .end }
        }
        guard let headerEnd else { return .end }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        start = headerEnd + 4
        var length: Int?
        for line in header.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            if parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-length" {
                length = Int(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        guard let length, length >= 0 else { return .skipped("a message without a valid Content-Length header") }
        if length > maxBody {
            // Read past it without keeping it.
            var left = length
            while left > 0 {
                if available == 0 { guard fill() else { return .end } }
                let take = min(left, available)
                start += take
                left -= take
                compact()
            }
            return .skipped("a message of \(length) bytes, over the limit of \(maxBody)")
        }
        while available < length { guard fill() else { return .end } }
        let body = Data(buffer[start..<start + length])
        start += length
        compact()
        return .message(body)
    }

    private var available: Int { buffer.count - start }

    private func find(_ pattern: [UInt8]) -> Int? {
        guard buffer.count - start >= pattern.count else { return nil }
        var i = start
        while i + pattern.count <= buffer.count {
            if buffer[i] == pattern[0] && buffer[i + 1] == pattern[1] && buffer[i + 2] == pattern[2] && buffer[i + 3] == pattern[3] {
                return i
            }
            i += 1
        }
        return nil
    }

    /// Reads more bytes; false at the end of the stream or on an error.
    private func fill() -> Bool {
        compact()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
    }

    private func compact() {
        if start > 0 && (start == buffer.count || start > 1 << 20) {
            buffer.removeFirst(start)
            start = 0
        }
    }

    private func discardAll() {
        buffer = []
        start = 0
    }
}
