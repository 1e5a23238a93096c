import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files of a site, found by walking `Content/` without following folder symlinks; file
/// symlinks are read only when they stay inside the site.
struct SiteScan: Sendable {
    /// Markdown files, relative to the site root (`Content/articles/x.md`), sorted.
    var markdown: [String] = []
    /// Files under `Content/media/`, relative to the site root, sorted.
    var media: [String] = []
    var diagnostics: [Diagnostic] = []
}

enum SiteScanner {
    /// Walks with readdir (the entry type comes with the name: no stat per file, which matters
    /// when `haven serve` rescans 10,000 files after every save).
    static func scan(root: URL) -> SiteScan {
        var scan = SiteScan()
        let rootPath = root.path
        let realRoot = root.resolvingSymlinksInPath().path
        var queue = ["Content"]
        while let folder = queue.popLast() {
            for (name, kind) in entries(of: rootPath + "/" + folder) where !name.hasPrefix(".") {
                let relative = folder + "/" + name
                var isDirectory = kind == .directory
                switch kind {
                case .directory, .regular:
                    break
                case .symlink:
                    guard let target = resolvedSymlink(rootPath + "/" + relative) else {
                        scan.diagnostics.append(Diagnostic(.symlink, at: SourceLocation(file: relative),
                                                           "symlink '\(relative)' leads nowhere (missing target or a loop); it is not published"))
                        continue
                    }
                    if target.isDirectory {
                        scan.diagnostics.append(Diagnostic(.symlink, at: SourceLocation(file: relative),
                                                           "folder symlink '\(relative)' is not followed; move the folder into the site instead"))
                        continue
                    }
                    guard target.path == realRoot || target.path.hasPrefix(realRoot + "/") else {
                        scan.diagnostics.append(Diagnostic(.symlink, at: SourceLocation(file: relative),
                                                           "symlink '\(relative)' leads outside the site; it is not published"))
                        continue
                    }
                    isDirectory = false
                case .other:
                    continue
                }
                if isDirectory {
                    if relative != "Content/_data" { queue.append(relative) }
                } else if relative.hasPrefix("Content/media/") {
                    scan.media.append(relative)
                } else if name.hasSuffix(".md") {
                    scan.markdown.append(relative)
                }
            }
        }
        scan.markdown.sort()
        scan.media.sort()
        return scan
    }

    enum Kind { case directory, regular, symlink, other }

    /// A folder's entries, sorted by name, with their types (lstat only where readdir does not say).
    static func entries(of path: String) -> [(String, Kind)] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var result: [(String, Kind)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var kind: Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_REG): kind = .regular
            case Int32(DT_LNK): kind = .symlink
            default: kind = .other
            }
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                var info = stat()
                if lstat(path + "/" + name, &info) == 0 {
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: kind = .directory
                    case S_IFREG: kind = .regular
                    case S_IFLNK: kind = .symlink
                    default: kind = .other
                    }
                }
            }
            result.append((name, kind))
        }
        return result.sorted { $0.0 < $1.0 }
    }

    /// Where a symlink finally leads (the canonical path), or nil when it leads nowhere or loops.
    static func resolvedSymlink(_ path: String) -> (path: String, isDirectory: Bool)? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        let target = String(cString: resolved)
        var info = stat()
        guard stat(target, &info) == 0 else { return nil }
        return (target, (info.st_mode & S_IFMT) == S_IFDIR)
    }
}
