import Foundation

/// A path given on the command line, placed relative to the site root the way findings name
/// files (`Content/articles/grief.md`), or found to lie outside the site.
enum SitePath: Equatable {
    case inside(String)
    case outside

    /// `argument` is absolute, or relative to `workingDirectory`, or (when nothing is there) to
    /// the site root, so `--site` users can name `Content/…` from anywhere. `..` and `.` are
    /// resolved first, so `Content/../../etc` is outside.
    static func resolve(_ argument: String, root: URL, workingDirectory: String) -> SitePath {
        var absolute = argument.hasPrefix("/") ? URL(fileURLWithPath: argument)
            : URL(fileURLWithPath: workingDirectory).appendingPathComponent(argument)
        if !argument.hasPrefix("/"), !FileManager.default.fileExists(atPath: absolute.path),
           FileManager.default.fileExists(atPath: root.appendingPathComponent(argument).path) {
            absolute = root.appendingPathComponent(argument)
        }
        let path = absolute.standardizedFileURL.path
        let base = root.standardizedFileURL.path
        if path == base { return .inside("") }
        var relative: String
        if path.hasPrefix(base + "/") {
            relative = String(path.dropFirst(base.count + 1))
        } else {
            // The site may have been named through a symlink (or /tmp → /private/tmp).
            let realBase = root.resolvingSymlinksInPath().path
            let realPath = absolute.standardizedFileURL.resolvingSymlinksInPath().path
            guard realPath.hasPrefix(realBase + "/") else { return .outside }
            relative = String(realPath.dropFirst(realBase.count + 1))
        }
        while relative.hasSuffix("/") { relative.removeLast() }
        return .inside(relative)
    }
}

/// Replaces a file's bytes atomically: a temporary file beside it (same folder, so the same file
/// system), flushed, given the original's permissions, then renamed over it. A reader sees the old
/// file or the new one, never half of one; a failure leaves the old file as it was.
enum AtomicFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func replace(_ path: String, with bytes: [UInt8]) throws(Failure) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var info = stat()
        let mode: mode_t = stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        var template = Array((folder + "/." + name + ".haven-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw Failure(description: "cannot create a temporary file in \(folder): \(String(cString: strerror(errno)))") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = bytes.withUnsafeBytes { FileBytes.write(fd, $0, at: 0) }
        ok = ok && fchmod(fd, mode) == 0 && fsync(fd) == 0
        let closed = close(fd) == 0
        guard ok, closed, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(description: reason)
        }
    }
}
