import Foundation

/// The files of a site, found by walking `Content/` (and `Templates/assets/`) without following
/// folder symlinks; file symlinks are read only when they stay inside the site.
struct SiteScan: Sendable {
    /// Markdown files, relative to the site root (`Content/articles/x.md`), sorted.
    var markdown: [String] = []
    /// Files under `Content/media/`, relative to the site root, sorted.
    var media: [String] = []
    var diagnostics: [Diagnostic] = []
}

enum SiteScanner {
    static func scan(root: URL) -> SiteScan {
        var scan = SiteScan()
        let fm = FileManager.default
        let realRoot = root.resolvingSymlinksInPath().path
        var queue = ["Content"]
        while let folder = queue.popLast() {
            let absolute = root.appendingPathComponent(folder)
            guard let names = try? fm.contentsOfDirectory(atPath: absolute.path) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") {
                let relative = folder + "/" + name
                let url = absolute.appendingPathComponent(name)
                guard let attributes = try? fm.attributesOfItem(atPath: url.path),
                      let type = attributes[.type] as? FileAttributeType else { continue }
                var isDirectory = type == .typeDirectory
                if type == .typeSymbolicLink {
                    let target = url.resolvingSymlinksInPath().path
                    var targetIsDirectory: ObjCBool = false
                    let exists = fm.fileExists(atPath: target, isDirectory: &targetIsDirectory)
                    if !exists {
                        scan.diagnostics.append(Diagnostic(.symlink, at: SourceLocation(file: relative),
                                                           "symlink '\(relative)' leads nowhere (missing target or a loop); it is not published"))
                        continue
                    }
                    if targetIsDirectory.boolValue {
                        scan.diagnostics.append(Diagnostic(.symlink, at: SourceLocation(file: relative),
                                                           "folder symlink '\(relative)' is not followed; move the folder into the site instead"))
                        continue
                    }
                    guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                        scan.diagnostics.append(Diagnostic(.symlink, at: SourceLocation(file: relative),
                                                           "symlink '\(relative)' leads outside the site; it is not published"))
                        continue
                    }
                    isDirectory = false
                } else if type != .typeRegular && type != .typeDirectory {
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
}
