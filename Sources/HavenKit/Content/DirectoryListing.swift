#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder's entries with their types, from readdir (no stat per file; lstat only where the file
/// system does not say). Used by the site scan and by output removal.
enum DirectoryListing {
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
}
