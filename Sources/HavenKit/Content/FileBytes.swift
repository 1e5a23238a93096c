import Foundation
#if canImport(Glibc)
import Glibc
/// The C library's `read` (named so it cannot be confused with Swift methods).
let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
let systemRead = Darwin.read
#endif

/// Reads a whole file with POSIX calls (one open, fstat, read loop), refusing files over a limit
/// before reading them, so a huge file cannot exhaust memory.
enum FileBytes {
    enum Failure: Error {
        case tooLarge(Int)
        case unreadable(String)
    }

    /// With `insideRoot` (the site folder), the file is read only if the file actually opened lies
    /// inside it: the scan checked symlinks already, but a file or folder swapped for a symlink
    /// between the scan and the read must not lead out of the site.
    static func read(_ path: String, limit: Int, insideRoot root: String? = nil) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { close(fd) }
        if let root, !opened(fd, isInside: root) {
            return .failure(.unreadable("it leads outside the site through a symlink"))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        let size = Int(info.st_size)
        guard size <= limit else { return .failure(.tooLarge(size)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var total = 0
        let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            while total < size {
                let n = systemRead(fd, base + total, size - total)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                if n == 0 { break }
                total += n
            }
            return true
        }
        guard ok else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        return .success(total == size ? bytes : Array(bytes[..<total]))
    }

    /// Whether `read` could open the file (same checks, nothing read): for callers that only
    /// need to know, like `haven lint` over media files.
    static func openable(_ path: String, insideRoot root: String? = nil) -> Result<Void, Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { close(fd) }
        if let root, !opened(fd, isInside: root) {
            return .failure(.unreadable("it leads outside the site through a symlink"))
        }
        return .success(())
    }

    /// Asks the system to start reading files into memory, in the background, in this order: a
    /// file not read for a while is no longer cached (a minute, on the project's VM), and reading
    /// thousands of them one by one, each when its turn comes, leaves the disk idle between reads.
    /// Links are not followed; nothing is read into this process.
    static func prefetchInBackground(_ paths: [String]) {
        #if os(Linux)
        guard !paths.isEmpty else { return }
        DispatchQueue.global().async {
            for path in paths { prefetch(path) }
        }
        #endif
    }

    /// `prefetchInBackground` for one file, on this thread.
    static func prefetch(_ path: String) {
        #if os(Linux)
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return }
        _ = posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED)
        close(fd)
        #endif
    }

    /// Reads exactly `count` bytes at `offset` of an open file; nil on an error or a short file.
    static func read(_ fd: Int32, count: Int, at offset: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            while done < count {
                let n = pread(fd, base + done, count - done, off_t(offset + done))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        return complete ? bytes : nil
    }

    /// Writes all of `bytes` at `offset` of an open file; false on an error (`errno` says which).
    static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, base + done, bytes.count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            done += n
        }
        return true
    }

    /// Whether the file open as `fd` is inside folder `root` (both with symlinks resolved). False
    /// when the system cannot tell.
    private static func opened(_ fd: Int32, isInside root: String) -> Bool {
        guard let realRoot = resolvedRoots.resolve(root) else { return false }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        #if os(Linux)
        let length = readlink("/proc/self/fd/\(fd)", &buffer, buffer.count - 1)
        guard length > 0 else { return false }
        #else
        guard fcntl(fd, F_GETPATH, &buffer) == 0 else { return false }
        #endif
        let real = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
    }

    private static let resolvedRoots = ResolvedPaths()
}

/// `realpath` of the few site folders a process reads from, each resolved once.
private final class ResolvedPaths: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: [String: String] = [:]

    func resolve(_ path: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if let known = paths[path] { return known }
        guard let pointer = realpath(path, nil) else { return nil }
        let real = String(cString: pointer)
        free(pointer)
        paths[path] = real
        return real
    }
}
