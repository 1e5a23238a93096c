#if canImport(Glibc)
import Foundation
import Glibc

/// Watches the site with Linux inotify: one watch on the site root (for `haven.yml`, and for
/// `Content/` or `Templates/` appearing or being replaced) and one on every folder below
/// `Content/` and `Templates/`, added as folders appear. A reader thread turns events into paths.
///
/// Files are reported when they are closed after writing, renamed into place (atomic saves by
/// vim, VS Code, JetBrains), deleted or renamed away, or have their attributes changed (`touch`).
final class InotifyWatcher: FileWatching, @unchecked Sendable {
    private let siteRoot: URL
    private let lock = NSLock()
    private var descriptor: Int32 = -1
    /// Watch descriptor → folder relative to the site root ("" for the root).
    private var folders: [Int32: String] = [:]
    private var running = false
    private var report: (@Sendable (SiteChanges) -> Void)?

    private static let fileEvents = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM)
        | UInt32(IN_DELETE) | UInt32(IN_ATTRIB) | UInt32(IN_CREATE)
    private static let folderEvents = fileEvents | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_ONLYDIR)

    init(siteRoot: URL) {
        self.siteRoot = siteRoot
    }

    func start(report: @escaping @Sendable (SiteChanges) -> Void) throws(WatchError) {
        let fd = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
        guard fd >= 0 else { throw WatchError(description: "inotify could not start (\(String(cString: strerror(errno))))") }
        lock.withLock {
            descriptor = fd
            running = true
            self.report = report
        }
        guard addWatch(folder: "") else {
            stop()
            throw WatchError(description: "inotify could not watch \(siteRoot.path)")
        }
        for folder in WatchScope.folders { addTree(folder) }
        let thread = Thread { [self] in readLoop(fd) }
        thread.name = "haven-inotify"
        thread.start()
    }

    func stop() {
        lock.withLock {
            running = false
            report = nil
        }
    }

    // MARK: Watches

    @discardableResult
    private func addWatch(folder: String) -> Bool {
        let path = folder.isEmpty ? siteRoot.path : siteRoot.appendingPathComponent(folder).path
        return lock.withLock { () -> Bool in
            guard descriptor >= 0 else { return false }
            let wd = inotify_add_watch(descriptor, path, Self.folderEvents)
            guard wd >= 0 else { return false }
            folders[wd] = folder
            return true
        }
    }

    /// Watches a folder and every real folder below it (folder symlinks are not followed, as in
    /// `haven build`).
    private func addTree(_ folder: String) {
        var queue = [folder]
        let fm = FileManager.default
        while let next = queue.popLast() {
            let absolute = siteRoot.appendingPathComponent(next).path
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: absolute, isDirectory: &isDirectory), isDirectory.boolValue, !isSymlink(absolute) else { continue }
            addWatch(folder: next)
            for name in (try? fm.contentsOfDirectory(atPath: absolute)) ?? [] {
                let child = next + "/" + name
                var childIsDirectory: ObjCBool = false
                let childPath = siteRoot.appendingPathComponent(child).path
                if fm.fileExists(atPath: childPath, isDirectory: &childIsDirectory), childIsDirectory.boolValue, !isSymlink(childPath) {
                    queue.append(child)
                }
            }
        }
    }

    private func isSymlink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    // MARK: Reading events

    private func readLoop(_ fd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        defer { close(fd) }
        while lock.withLock({ running }) {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 200)
            if ready <= 0 { continue }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { continue }
            let changes = parse(buffer, count: count)
            guard !changes.isEmpty else { continue }
            let sink = lock.withLock { running ? report : nil }
            sink?(changes)
        }
    }

    /// Turns a buffer of `struct inotify_event` records into the changes that matter.
    private func parse(_ buffer: [UInt8], count: Int) -> SiteChanges {
        var changes = SiteChanges()
        var offset = 0
        let headerSize = MemoryLayout<Int32>.size + 3 * MemoryLayout<UInt32>.size
        while offset + headerSize <= count {
            let (wd, mask, nameLength) = buffer.withUnsafeBytes { raw in
                (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                 raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                 Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
            }
            let nameStart = offset + headerSize
            let nameEnd = min(nameStart + nameLength, count)
            let nameBytes = buffer[nameStart..<nameEnd].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            offset = nameEnd
            handle(wd: wd, mask: mask, name: name, into: &changes)
        }
        return changes
    }

    private func handle(wd: Int32, mask: UInt32, name: String, into changes: inout SiteChanges) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            changes.everything = true
            return
        }
        guard let folder = lock.withLock({ folders[wd] }) else { return }
        if mask & UInt32(IN_IGNORED) != 0 {
            _ = lock.withLock { folders.removeValue(forKey: wd) }
            return
        }
        if mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)) != 0 {
            if !folder.isEmpty { changes.paths.insert(folder) }
            return
        }
        guard !name.isEmpty else { return }
        let relative = folder.isEmpty ? name : folder + "/" + name
        let isFolder = mask & UInt32(IN_ISDIR) != 0
        if isFolder && mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
            // A new folder (or one moved in, or `Content/` itself replaced): watch it and all below.
            if WatchScope.matters(relative) { addTree(relative) }
        } else if !isFolder && mask & UInt32(IN_CREATE) != 0 {
            // A file being created is reported when it is closed after writing, not half-written.
            return
        }
        if WatchScope.matters(relative) { changes.paths.insert(relative) }
    }
}
#endif
