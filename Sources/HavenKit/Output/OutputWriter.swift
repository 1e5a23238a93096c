import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The write phase: files go into a staging folder beside the output, and only a complete, good
/// build replaces the output, as a whole. Haven deletes only folders that carry its marker or are empty.
public struct OutputWriter: Sendable {
    /// The marker file that says a folder was written by Haven.
    public static let markerName = ".haven-output"
    static let markerText = "This folder is written by Haven (`haven build`). It is replaced as a whole on every build.\n"

    public let output: URL
    public let staging: URL
    /// `staging.path`, worked out once (every file's path starts with it).
    private let stagingPath: String
    /// Folders known to exist in staging (shared by the render threads).
    private let folders = PathSet()
    /// What the reused previous build held, if staging is one (listed in the background while the
    /// build runs); then `written` records every file this build writes, and the rest is deleted
    /// before the swap.
    private let pool: OutputPool.PendingListing?
    private let written = PathSet()

    /// Checks the output folder can be used and prepares an empty staging folder.
    /// - Throws: `HavenError.output` (exit 2) for a foreign non-empty folder or one inside the content.
    public init(output: URL, siteRoot: URL) throws(HavenError) {
        let fm = FileManager.default
        let out = output.standardizedFileURL.resolvingSymlinksInPath()
        let root = siteRoot.standardizedFileURL.resolvingSymlinksInPath()
        if out.path == root.path || root.path.hasPrefix(out.path + "/") {
            throw .output("refusing to write to \(output.path): it holds the site itself")
        }
        for protected in ["Content", "Templates"] {
            let folder = root.appendingPathComponent(protected).path
            if out.path == folder || out.path.hasPrefix(folder + "/") {
                throw .output("refusing to write to \(output.path): it is inside the site's \(protected)/ folder")
            }
        }
        try OutputWriter.ensureOwnedOrEmpty(out)
        self.output = out
        let parent = out.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .output("cannot create \(parent.path): \(error.localizedDescription)")
        }
        staging = parent.appendingPathComponent(".\(out.lastPathComponent).haven-staging-\(getpid())")
        stagingPath = staging.path
        if fm.fileExists(atPath: staging.path) { FastRemove.tree(at: staging.path) }
        // Reuse the previous build's files when they are there (see `OutputPool`).
        pool = OutputPool.take(for: out, into: staging)
        if pool == nil {
            do {
                try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            } catch {
                throw .output("cannot create the staging folder \(staging.path): \(error.localizedDescription)")
            }
        }
        folders.insert(staging.path)
    }

    /// A folder may be replaced only when it does not exist, is empty, or carries Haven's marker.
    static func ensureOwnedOrEmpty(_ folder: URL) throws(HavenError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw .output("\(folder.path) exists and is not a folder; refusing to replace it") }
        if fm.fileExists(atPath: folder.appendingPathComponent(markerName).path) { return }
        let contents = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? ["?"]
        if !contents.isEmpty {
            throw .output("\(folder.path) is not empty and was not written by Haven (no \(markerName)); refusing to touch it. Choose another --output or empty it yourself.")
        }
    }

    /// Writes one file into staging. `path` is an output path such as `/conditions/x/index.html`.
    public func write(_ path: String, _ bytes: [UInt8]) throws {
        let relative = path.drop(while: { $0 == "/" })
        guard !relative.isEmpty, !relative.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else {
            throw HavenError.io("refusing to write outside the output folder: \(path)")
        }
        let file = stagingPath + "/" + relative
        let folder = String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)])
        try makeFolder(folder)
        if pool != nil { written.insert(String(relative)) }
        // Plain buffered writes: no per-file fsync (the staging folder is discarded if anything fails).
        let (fd, existingSize) = try openStagingFile(file, reusing: pool != nil)
        defer { close(fd) }
        // A file of the previous build with the same bytes is left as it is (and keeps its time).
        if existingSize == bytes.count, OutputWriter.holds(fd, bytes) { return }
        let complete = bytes.withUnsafeBytes { FileBytes.write(fd, $0, at: 0) }
        guard complete else { throw HavenError.io("cannot write \(file): \(String(cString: strerror(errno)))") }
        if existingSize > bytes.count, ftruncate(fd, off_t(bytes.count)) != 0 {
            throw HavenError.io("cannot write \(file): \(String(cString: strerror(errno)))")
        }
    }

    /// Opens a staging file for writing: never through a symbolic link, never a file that is also
    /// linked elsewhere; a folder or anything else in the way (left in the previous build) is removed.
    /// A new file is created empty (size 0); a file of the previous build is opened as it is, to
    /// compare, and its size returned.
    private func openStagingFile(_ path: String, reusing: Bool) throws -> (fd: Int32, size: Int) {
        let create = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW
        guard reusing else {
            let fd = open(path, create, 0o644)
            guard fd >= 0 else { throw HavenError.io("cannot write \(path): \(String(cString: strerror(errno)))") }
            return (fd, 0)
        }
        var fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        var info = stat()
        if fd >= 0, fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1 { return (fd, Int(info.st_size)) }
        if fd >= 0 { close(fd) }
        FastRemove.tree(at: path)
        fd = open(path, create | O_EXCL, 0o644)
        guard fd >= 0 else { throw HavenError.io("cannot write \(path): \(String(cString: strerror(errno)))") }
        return (fd, 0)
    }

    /// Whether the open file (whose size is `bytes.count`) already holds exactly `bytes`.
    private static func holds(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return true }
        guard let old = FileBytes.read(fd, count: bytes.count, at: 0) else { return false }
        // memcmp: `==` on byte arrays compares element by element.
        return old.withUnsafeBytes { a in
            bytes.withUnsafeBytes { b in
                guard let x = a.baseAddress, let y = b.baseAddress, a.count == b.count else { return false }
                return memcmp(x, y, b.count) == 0
            }
        }
    }

    /// Creates a folder in staging and any missing parents, each checked to be a real folder
    /// (a link to a folder, left in the previous build, is removed, never followed): parents
    /// first, so no path is ever resolved through a link. Anything else in the way is deleted.
    /// Safe when several threads create the same folder.
    private func makeFolder(_ path: String) throws {
        if folders.contains(path) { return }
        let parent = (path as NSString).deletingLastPathComponent
        guard parent == stagingPath || parent.hasPrefix(stagingPath + "/") else {
            throw HavenError.io("refusing to create \(path) outside the staging folder")
        }
        try makeFolder(parent)
        if mkdir(path, 0o755) != 0 {
            var info = stat()
            let isFolder = errno == EEXIST && lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            if !isFolder {
                FastRemove.tree(at: path)
                if mkdir(path, 0o755) != 0 && errno != EEXIST {
                    throw HavenError.io("cannot create \(path): \(String(cString: strerror(errno)))")
                }
            }
        }
        folders.insert(path)
    }

    /// Deletes what the reused previous build held and this build did not write.
    private func removeStale() {
        guard let pool = pool?.listing else { return }
        for file in pool.files where !written.contains(file) { unlink(stagingPath + "/" + file) }
        // Folders of the previous build that hold none of this build's files, deepest first.
        var kept = Set<String>()
        for file in written.all {
            var path = Substring(file)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                if !kept.insert(String(path)).inserted { break }
            }
        }
        for folder in pool.folders.filter({ !kept.contains($0) }).sorted(by: { $0.count > $1.count }) {
            rmdir(stagingPath + "/" + folder)
        }
    }

    /// Replaces the output with staging: the old output is moved aside, staging renamed into place,
    /// then the old output kept as the pool for the next build.
    public func commit() throws(HavenError) {
        let fm = FileManager.default
        do {
            try write("/" + OutputWriter.markerName, Array(OutputWriter.markerText.utf8))
        } catch {
            throw .io("cannot write the output marker: \(error)")
        }
        removeStale()
        // The output may have been created meanwhile: check ownership again right before replacing.
        try OutputWriter.ensureOwnedOrEmpty(output)
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).haven-old-\(getpid())")
        try? fm.removeItem(at: old)
        let hadOutput = fm.fileExists(atPath: output.path)
        do {
            if hadOutput { try fm.moveItem(at: output, to: old) }
            try fm.moveItem(at: staging, to: output)
        } catch {
            if hadOutput && !fm.fileExists(atPath: output.path) { try? fm.moveItem(at: old, to: output) }
            throw .io("cannot replace \(output.path): \(error.localizedDescription)")
        }
        if hadOutput { OutputPool.keep(old, for: output) }
    }

    /// Drops the staging folder (kept as the pool for the next build); the output stays exactly as it was.
    public func discard() {
        _ = pool?.listing  // the listing reads staging: let it finish first
        OutputPool.keep(staging, for: output)
    }
}

/// A thread-safe set of paths.
final class PathSet: @unchecked Sendable {
    private let lock = NSLock()
    private var paths = Set<String>()
    func contains(_ path: String) -> Bool { lock.lock(); defer { lock.unlock() }; return paths.contains(path) }
    func insert(_ path: String) { lock.lock(); paths.insert(path); lock.unlock() }
    var all: Set<String> { lock.lock(); defer { lock.unlock() }; return paths }
}

/// Deletes a folder tree with POSIX calls (several times faster than FileManager on 10,000 files),
/// its top-level folders on all cores. Never follows symlinks: a link is removed, not its target.
enum FastRemove {
    static func tree(at path: String) {
        // Anything but a real folder (a link to a folder included) is removed itself: listing a
        // link's path would list, and delete, what it points to.
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            unlink(path)
            return
        }
        // Folders two levels down (`articles/x/`) are removed on all cores, then the rest.
        let second = subfolders(of: path).flatMap { subfolders(of: $0) }
        if second.count > 1 {
            DispatchQueue.concurrentPerform(iterations: second.count) { removeSerially(second[$0]) }
        }
        removeSerially(path)
    }

    private static func subfolders(of path: String) -> [String] {
        DirectoryListing.entries(of: path).filter { $0.1 == .directory }.map { path + "/" + $0.0 }
    }

    private static func removeSerially(_ path: String) {
        var stack = [path]
        var folders: [String] = []
        while let folder = stack.popLast() {
            folders.append(folder)
            for (name, kind) in DirectoryListing.entries(of: folder) {
                let child = folder + "/" + name
                if kind == .directory {
                    stack.append(child)
                } else if unlink(child) != 0 && errno == EISDIR {
                    stack.append(child)
                }
            }
        }
        for folder in folders.reversed() { rmdir(folder) }
        // Anything left (unusual file types, permissions): let FileManager try.
        if FileManager.default.fileExists(atPath: path) { try? FileManager.default.removeItem(atPath: path) }
    }
}
