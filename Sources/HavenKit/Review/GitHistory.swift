import Foundation

/// A file's committed versions, read from git run as a subprocess: one `git rev-parse`, one
/// `git log` over the file's whole history (`--follow`, so renames are crossed) and one
/// `git cat-file --batch` for every version's bytes. History is read once per call, never one
/// process per commit.
struct GitHistory {
    enum Failure: Error, Equatable {
        /// No `git` on the PATH.
        case gitMissing
        /// The folder is not inside a git work tree.
        case notARepository(String)
        /// git ran and failed (a corrupt repository, for example).
        case failed(command: String, message: String)
    }

    /// One commit that changed the file, newest first.
    struct Version {
        var commit: String
        /// Committer date, `YYYY-MM-DD`.
        var date: String
        var subject: String
        var bytes: [UInt8]
    }

    /// The work tree's root and whether the clone is shallow.
    struct Repository {
        var root: String
        var isShallow: Bool
    }

    static func repository(containing folder: String) throws(Failure) -> Repository {
        let result = try git(["rev-parse", "--show-toplevel", "--is-shallow-repository"], in: folder)
        guard result.status == 0 else {
            let message = result.errorText
            if message.contains("not a git repository") { throw .notARepository(message) }
            throw .failed(command: "git rev-parse", message: message)
        }
        let lines = String(decoding: result.output, as: UTF8.self).split(separator: "\n").map(String.init)
        guard let root = lines.first else { throw .failed(command: "git rev-parse", message: "no output") }
        return Repository(root: root, isShallow: lines.dropFirst().first == "true")
    }

    /// Every committed version of `file` (a path relative to the repository root), newest first.
    static func versions(of file: String, in repository: Repository) throws(Failure) -> [Version] {
        // Commit header lines start with \u{1}; `--raw` lines give each version's blob id.
        let log = try git(["log", "--follow", "-m", "--no-color", "--no-abbrev", "--raw", "--format=%x01%H%x09%cs%x09%s",
                           "--", file], in: repository.root)
        guard log.status == 0 else { throw .failed(command: "git log", message: log.errorText) }
        var commits: [(commit: String, date: String, subject: String, blob: String)] = []
        var header: (String, String, String)?
        for line in String(decoding: log.output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("\u{1}") {
                let parts = line.dropFirst().split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
                header = (parts.first ?? "", parts.count > 1 ? parts[1] : "", parts.count > 2 ? parts[2] : "")
            } else if line.hasPrefix(":"), let (commit, date, subject) = header {
                // :100644 100644 <old blob> <new blob> M\tpath
                let fields = line.split(separator: " ")
                guard fields.count >= 4 else { continue }
                let blob = String(fields[3])
                if blob.allSatisfy({ $0 == "0" }) { continue }  // deleted in this commit
                if commits.last?.commit == commit && commits.last?.blob == blob { continue }  // a merge, per parent
                commits.append((commit, date, subject, blob))
            }
        }
        guard !commits.isEmpty else { return [] }
        var seen = Set<String>()
        let blobs = commits.map(\.blob).filter { seen.insert($0).inserted }
        let batch = try git(["cat-file", "--batch"], in: repository.root, input: Array((blobs.joined(separator: "\n") + "\n").utf8))
        guard batch.status == 0 else { throw .failed(command: "git cat-file", message: batch.errorText) }
        let contents = parseBatch(batch.output)
        return commits.compactMap { entry in
            contents[entry.blob].map { Version(commit: entry.commit, date: entry.date, subject: entry.subject, bytes: $0) }
        }
    }

    /// `<id> blob <size>\n<bytes>\n` per object; `<id> missing\n` for an object the clone lacks.
    static func parseBatch(_ output: [UInt8]) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        var i = 0
        while i < output.count {
            guard let newline = output[i...].firstIndex(of: 10) else { break }
            let header = String(decoding: output[i..<newline], as: UTF8.self).split(separator: " ")
            i = newline + 1
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]), i + size <= output.count else { continue }
            out[String(header[0])] = Array(output[i..<(i + size)])
            i += size + 1
        }
        return out
    }

    // MARK: - Running git

    struct Result {
        var status: Int32
        var output: [UInt8]
        var error: [UInt8]
        var errorText: String {
            String(decoding: error, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// Runs git with its output read on other threads while input is written, so neither side can
    /// block on a full pipe. No pager, no prompt, no terminal colours; C locale messages.
    static func git(_ arguments: [String], in folder: String, input: [UInt8]? = nil) throws(Failure) -> Result {
        guard let executable = executable() else { throw .gitMissing }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--no-pager", "-c", "core.quotepath=off", "-c", "log.showSignature=false"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_PAGER"] = "cat"
        process.environment = environment
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        do { try process.run() } catch {
            throw .failed(command: "git \(arguments.first ?? "")", message: "could not start git: \(error)")
        }
        let collected = Collected()
        let group = DispatchGroup()
        for (pipe, isError) in [(stdout, false), (stderr, true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set([UInt8](data), error: isError)
                group.leave()
            }
        }
        if let input {
            // git may exit before reading everything: a write to its closed pipe must fail, not kill Haven.
            signal(SIGPIPE, SIG_IGN)
            let handle = stdin.fileHandleForWriting
            try? handle.write(contentsOf: Data(input))
            try? handle.close()
        }
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: collected.output, error: collected.error)
    }

    /// `git` on the PATH.
    static func executable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = String(folder) + "/git"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var out: [UInt8] = []
        private var err: [UInt8] = []
        func set(_ bytes: [UInt8], error: Bool) { lock.withLock { if error { err = bytes } else { out = bytes } } }
        var output: [UInt8] { lock.withLock { out } }
        var error: [UInt8] { lock.withLock { err } }
    }
}
