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

    /// Whether the text is empty (without reading it back).
    var isEmpty: Bool {
        switch self {
        case .inline(let text): text.isEmpty
        case .spilled(_, _, let length): length == 0
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
        var utf8 = text
        return utf8.withUTF8 { bytes in spill(UnsafeRawBufferPointer(bytes)) } ?? .inline(text)
    }

    /// Keeps text given as its UTF-8 bytes (a page's body HTML as `HTMLPostProcessor` writes it).
    func store(utf8 bytes: [UInt8]) -> StoredText {
        bytes.withUnsafeBytes { spill($0) } ?? .inline(String(decoding: bytes, as: UTF8.self))
    }

    /// Writes the bytes to the file: nil when they are empty or the write fails.
    private func spill(_ bytes: UnsafeRawBufferPointer) -> StoredText? {
        guard !bytes.isEmpty else { return nil }
        lock.lock()
        let offset = size
        size += bytes.count
        lock.unlock()
        guard FileBytes.write(fd, bytes, at: offset) else { return nil }
        return .spilled(self, offset: offset, length: bytes.count)
    }

    /// The text stored at a range. A read that fails gives "" and marks the store (`failed`), so
    /// the build stops before anything is published.
    func read(offset: Int, length: Int) -> String {
        guard let bytes = FileBytes.read(fd, count: length, at: offset) else {
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
