import Foundation

/// How `IncrementalSession` reads the site's files: a small struct of closures (as Saga's `FileIO`),
/// so an editor's unsaved text can stand in for a file (`FileAccess.overlaying`). Through it go the
/// Markdown pages, `haven.yml` and the data files, and what tells a changed file from an unchanged
/// one; the folder scan, templates and media are read from disk.
public struct FileAccess: Sendable {
    /// A file's bytes by absolute path, refusing files over `limit` bytes and, with a root, files
    /// that lie outside it.
    var read: @Sendable (_ path: String, _ limit: Int, _ insideRoot: String?) -> Result<[UInt8], FileBytes.Failure>
    /// What tells a changed file from an unchanged one without reading it.
    var signature: @Sendable (_ path: String) -> FileSignature

    /// The files as they are on disk.
    public static let disk = FileAccess(
        read: { path, limit, root in FileBytes.read(path, limit: limit, insideRoot: root) },
        signature: { FileSignature(path: $0) })

    /// `base`, except that the files `overlay` holds read as it holds them.
    public static func overlaying(_ overlay: FileOverlay, on base: FileAccess = .disk) -> FileAccess {
        FileAccess(
            read: { path, limit, root in
                guard let buffer = overlay.buffer(path) else { return base.read(path, limit, root) }
                return buffer.bytes.count > limit ? .failure(.tooLarge(buffer.bytes.count)) : .success(buffer.bytes)
            },
            signature: { path in overlay.buffer(path)?.signature ?? base.signature(path) })
    }

    /// A file's text (UTF-8 decoded as content files are), or nil when it is missing or not text.
    func text(_ path: String) -> String? {
        guard case .success(let bytes) = read(path, SiteLoader.maxFileBytes, nil),
              case .success(let text) = SourceText.decode(bytes) else { return nil }
        return text
    }
}

/// Texts that stand in for files (an editor's unsaved buffers), by absolute path. Safe to use from
/// any thread.
public final class FileOverlay: @unchecked Sendable {
    struct Buffer {
        var bytes: [UInt8]
        var signature: FileSignature
    }

    private let lock = NSLock()
    private var buffers: [String: Buffer] = [:]
    private var version = 0

    public init() {}

    /// From now on `path` reads as `text`.
    public func set(_ path: String, text: String) {
        lock.lock()
        defer { lock.unlock() }
        version += 1
        let bytes = Array(text.utf8)
        // A signature no file on disk has (size -2), changed by every edit.
        buffers[path] = Buffer(bytes: bytes, signature: FileSignature(size: -2, modified: version, inode: UInt(bytes.count)))
    }

    /// From now on `path` reads from disk again.
    public func remove(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        buffers[path] = nil
    }

    /// The text standing in for `path`, if any.
    public func text(_ path: String) -> String? {
        buffer(path).map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    func buffer(_ path: String) -> Buffer? {
        lock.lock()
        defer { lock.unlock() }
        return buffers[path]
    }
}
