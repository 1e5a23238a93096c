import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The previous build's folder, kept beside the output (`.Public.haven-previous/`) and reused as
/// the next build's staging folder: overwriting files that exist costs far less than creating new
/// ones and deleting the old tree (on ext4, every new inode is checked against recently deleted
/// ones), so a rebuild of a large site spends little time in the file system.
/// The pool is only ever a source of files to overwrite: every file of the new build is written
/// in full, and whatever the build did not write is deleted before the swap, so the output is the
/// same as from an empty folder. Deleting the pool at any time is safe.
enum OutputPool {
    /// What was in the pool when it was taken, relative to it: folders, and everything else
    /// (regular files, and symbolic links or special files, which the build deletes or replaces:
    /// the writer never resolves a path through a link).
    struct Listing {
        var files: [String] = []
        var folders: [String] = []
    }

    /// The pool's listing, made on a background thread: the build needs it only at the end, and
    /// walking 10,000 folders takes from 0.1 s to 0.5 s (when the file system's folder blocks are
    /// no longer cached). Entries the build adds meanwhile may or may not be listed: it knows what
    /// it wrote.
    final class PendingListing: @unchecked Sendable {
        private let group = DispatchGroup()
        private var result = Listing()

        init(root: String) {
            group.enter()
            DispatchQueue.global().async {
                self.result = OutputPool.list(root)
                self.group.leave()
            }
        }

        /// The listing, once it is done (waits for it).
        var listing: Listing {
            group.wait()
            return result
        }
    }

    static let gitignore = "# Haven's previous build, reused to make the next build faster. Safe to delete.\n*\n"

    static func url(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).haven-previous")
    }

    /// Moves the pool to `staging` and lists it, if it is a real folder written by Haven; nil otherwise.
    static func take(for output: URL, into staging: URL) -> PendingListing? {
        let pool = url(for: output).path
        var info = stat()
        guard lstat(pool, &info) == 0, info.st_mode & S_IFMT == S_IFDIR,
              lstat(pool + "/" + OutputWriter.markerName, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              rename(pool, staging.path) == 0 else { return nil }
        return PendingListing(root: staging.path)
    }

    /// Keeps `folder` (an old output, or a discarded staging folder) as the pool for the next
    /// build; deletes it when a pool is already there or it cannot be moved.
    static func keep(_ folder: URL, for output: URL) {
        let pool = url(for: output)
        var info = stat()
        if lstat(pool.path, &info) != 0, rename(folder.path, pool.path) == 0 {
            // Marked as Haven's (a discarded staging folder may not be yet), and ignored by git.
            for (name, text) in [(OutputWriter.markerName, OutputWriter.markerText), (".gitignore", gitignore)] {
                try? Data(text.utf8).write(to: pool.appendingPathComponent(name))
            }
            return
        }
        FastRemove.tree(at: folder.path)
    }

    /// Every entry under `root` (relative paths), without following links.
    private static func list(_ root: String) -> Listing {
        var listing = Listing()
        var stack = [""]
        while let relative = stack.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            for (name, kind) in DirectoryListing.entries(of: folder) {
                let child = relative.isEmpty ? name : relative + "/" + name
                switch kind {
                case .directory:
                    listing.folders.append(child)
                    stack.append(child)
                case .regular:
                    listing.files.append(child)
                    // The build compares each file it writes with the pool's: start reading it now.
                    FileBytes.prefetch(root + "/" + child)
                case .symlink, .other:
                    listing.files.append(child)
                }
            }
        }
        return listing
    }
}
