import Foundation

/// What tells a changed file from an unchanged one without reading it.
struct FileSignature: Equatable, Sendable {
    var size: Int
    var modified: Int
    var inode: UInt

    init(size: Int, modified: Int, inode: UInt) {
        self.size = size
        self.modified = modified
        self.inode = inode
    }

    init(path: String) {
        var info = stat()
        if stat(path, &info) == 0 {
            size = Int(info.st_size)
            modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
            inode = UInt(info.st_ino)
        } else {
            size = -1
            modified = 0
            inode = 0
        }
    }

    /// Whether `path` is a regular file itself (not a symlink, not a folder, not missing).
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
