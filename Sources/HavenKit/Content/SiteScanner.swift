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
    /// Whether any symlink was met: an edit to its target changes a file nobody reports by name.
    var hasSymlinks = false
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
            for (name, kind) in DirectoryListing.entries(of: rootPath + "/" + folder) where !name.hasPrefix(".") {
                let relative = folder + "/" + name
                var isDirectory = kind == .directory
                switch kind {
                case .directory, .regular:
                    break
                case .symlink:
                    scan.hasSymlinks = true
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
