import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a page's body HTML waits between parsing and rendering: in memory, or in a `BodyStore`.
enum StoredText: Sendable {
    case inline(String)
    case spilled(BodyStore, offset: Int, length: Int)

    var text: String {
        switch self {
        case .inline(let text): text
        case .spilled(let store, let offset, let length): store.read(offset: offset, length: length)
        }
    }
}

/// An unnamed temporary file holding the body HTML of every page, so a build's memory holds the
/// site's metadata but not its text: a 50,000-page site would otherwise keep half a gigabyte of
/// HTML between parsing and rendering. Written from several threads (each write reserves its
/// range under a lock), read back once per page when it is rendered. The file is unlinked as
/// soon as it is made and disappears with the last reference.
final class BodyStore: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var size = 0
    private var readFailed = false

    /// A store in the temporary folder, or nil if none can be made (bodies then stay in memory).
    static func temporary() -> BodyStore? {
        var template = Array((NSTemporaryDirectory() + "/haven-bodies-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard fd >= 0 else { return nil }
        template.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { unlink(base) }
        }
        return BodyStore(fd: fd)
    }

    private init(fd: Int32) { self.fd = fd }

    deinit { close(fd) }

    /// Keeps `text`; in memory if the file cannot take it (a full disk, say).
    func store(_ text: String) -> StoredText {
        var text = text
        return text.withUTF8 { bytes -> StoredText in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return .inline(String(decoding: bytes, as: UTF8.self)) }
            lock.lock()
            let offset = size
            size += bytes.count
            lock.unlock()
            var written = 0
            while written < bytes.count {
                let n = pwrite(fd, base + written, bytes.count - written, off_t(offset + written))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return .inline(String(decoding: bytes, as: UTF8.self)) }
                written += n
            }
            return .spilled(self, offset: offset, length: bytes.count)
        }
    }

    /// The text stored at a range. A read that fails gives "" and marks the store (`failed`), so
    /// the build stops before anything is published.
    func read(offset: Int, length: Int) -> String {
        var bytes = [UInt8](repeating: 0, count: length)
        var done = 0
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            while done < length {
                let n = pread(fd, base + done, length - done, off_t(offset + done))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        guard complete else {
            lock.lock()
            readFailed = true
            lock.unlock()
            return ""
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether any read failed (the rendered pages are then incomplete).
    var failed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return readFailed
    }
}
