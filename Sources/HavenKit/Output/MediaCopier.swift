/// The one place `Content/media/` files are read for the output, by `haven build`, `haven lint`
/// and `haven serve` alike. A file that cannot be read (permissions, removed since the scan,
/// swapped for a link out of the site) is a finding at that file (`file-encoding`) and is left out
/// of the output: never a crash, never a silent gap.
enum MediaCopier {
    /// The bytes of one media file (`source` relative to the site root), or the finding saying why not.
    static func read(_ source: String, root: String) -> Result<[UInt8], Diagnostic> {
        switch FileBytes.read(root + "/" + source, limit: Int.max, insideRoot: root) {
        case .success(let bytes): .success(bytes)
        case .failure(let failure): .failure(finding(source, failure))
        }
    }

    /// For `haven lint`, which publishes nothing: whether each media file could be read, without
    /// reading it (opened and closed). The findings are those a build would report.
    static func check(_ media: [(output: String, source: String)], root: String) -> [Diagnostic] {
        media.compactMap { item in
            switch FileBytes.openable(root + "/" + item.source, insideRoot: root) {
            case .success: nil
            case .failure(let failure): finding(item.source, failure)
            }
        }
    }

    /// Reads every media file, handing each readable one to `emit` (output path, bytes) in order;
    /// returns the findings about the others.
    static func copy(_ media: [(output: String, source: String)], root: String,
                     emit: (_ output: String, _ bytes: [UInt8]) throws -> Void) rethrows -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (output, source) in media {
            switch read(source, root: root) {
            case .success(let bytes): try emit(output, bytes)
            case .failure(let finding): found.append(finding)
            }
        }
        return found
    }

    private static func finding(_ source: String, _ failure: FileBytes.Failure) -> Diagnostic {
        let reason = switch failure {
        case .unreadable(let why): why
        case .tooLarge(let size): "it is \(size) bytes"
        }
        return Diagnostic(.fileEncoding, at: SourceLocation(file: source), "media file cannot be read: \(reason); it is not published")
    }
}
