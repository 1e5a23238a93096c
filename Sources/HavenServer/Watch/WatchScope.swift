/// Which files of a site a rebuild depends on: `haven.yml`, everything under `Content/` and
/// `Templates/`. Editors' scratch files (swap files, backups, save-in-progress temp files) are
/// ignored; the rename that completes an atomic save still counts under the real name.
enum WatchScope {
    /// Folders watched below the site root.
    static let folders = ["Content", "Templates"]
    static let configFile = "haven.yml"

    /// Whether a change to this path (relative to the site root) can change the site.
    static func matters(_ relative: String) -> Bool {
        let inScope = relative == configFile || folders.contains { relative == $0 || relative.hasPrefix($0 + "/") }
        guard inScope else { return false }
        guard let name = relative.split(separator: "/").last else { return false }
        return !isScratchFile(name)
    }

    /// Files editors write beside the real one while saving or as backups.
    static func isScratchFile(_ name: Substring) -> Bool {
        if name.hasSuffix("~") || name.hasPrefix(".#") || (name.hasPrefix("#") && name.hasSuffix("#")) { return true }
        if name == "4913" { return true }  // vim probes whether it may write in the folder
        let lower = name.lowercased()
        let suffixes = [".swp", ".swo", ".swx", ".tmp", ".temp", ".bak", ".orig", ".crdownload", ".kate-swp", "___jb_tmp___", "___jb_old___"]
        if suffixes.contains(where: { lower.hasSuffix($0) }) { return true }
        if lower.hasPrefix(".goutputstream-") || lower == ".ds_store" { return true }
        // VS Code and others: `.name.md.tmp.1234`, `name.md.sb-1234-abcd` (atomic-save temp files).
        if lower.contains(".tmp.") || lower.contains(".sb-") { return true }
        // `sed -i` writes `sedXXXXXX` beside the file, then renames it over.
        if name.count == 9 && name.hasPrefix("sed") && name.dropFirst(3).allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            return true
        }
        return false
    }
}
