import Foundation

/// `haven review diff`: what changed in a page's reader-visible content since its sealed review.
/// The sealed version is the newest commit in git history whose content has the file's seal;
/// the other side is the file as it is now (uncommitted edits included). Never a guess: when
/// history does not reach the sealed version, it says so.
public struct ReviewDiff: Sendable {
    /// Relative to the site root.
    public var file: String
    /// The seal the file records.
    public var seal: String
    /// The seal of the file's content now.
    public var currentSeal: String
    /// The commit holding the sealed version; nil when nothing changed (no history needed).
    public var commit: (id: String, date: String, subject: String)?
    /// Changed front-matter values, as `key: value` lines.
    public var fieldHunks: [LineDiff.Hunk]
    /// Changed body lines, numbered as the files' lines.
    public var bodyHunks: [LineDiff.Hunk]

    public var isUnchanged: Bool { seal == currentSeal }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case unreadable(file: String, reason: String)
        case notSealed(file: String)
        case malformedSeal(file: String, seal: String)
        case gitMissing(file: String)
        case notARepository(file: String)
        case gitFailed(file: String, command: String, message: String)
        /// History does not reach the sealed version.
        case notInHistory(file: String, seal: String, shallow: Bool, commits: Int)

        public var description: String {
            switch self {
            case .unreadable(let file, let reason): "\(file): \(reason)"
            case .notSealed(let file): "\(file) has no review_seal: there is no sealed review to compare with (haven review sign writes one)"
            case .malformedSeal(let file, let seal): "\(file): review_seal '\(seal)' is not 16 lowercase hex digits, so no version can be matched to it"
            case .gitMissing(let file): "\(file): git is not installed (or not on PATH); review diff reads the sealed version from git history"
            case .notARepository(let file): "\(file) is not in a git repository: review diff finds the sealed version in git history, and there is none here"
            case .gitFailed(let file, let command, let message):
                "\(file): \(command) failed, so the history cannot be read (is the repository damaged?): \(message)"
            case .notInHistory(let file, let seal, let shallow, let commits):
                shallow
                    ? "\(file): the sealed version (seal \(seal)) is not in this clone's history, which is shallow (\(commits) commit(s) of the file here); fetch the full history with `git fetch --unshallow` and run this again"
                    : "\(file): no commit of this file has the sealed content (seal \(seal)) among its \(commits) commit(s): it was changed after signing before being committed, or history was rewritten. If this clone lacks history, `git fetch --unshallow`; otherwise the sealed version cannot be recovered, and the page needs a full review"
            }
        }
    }

    /// Compares the file at `file` (relative to `siteRoot`) with its sealed version.
    public static func make(file: String, siteRoot: URL) -> Result<ReviewDiff, Failure> {
        let path = siteRoot.path + "/" + file
        guard case .success(let bytes) = FileBytes.read(path, limit: SiteLoader.maxFileBytes, insideRoot: siteRoot.path) else {
            return .failure(.unreadable(file: file, reason: "cannot be read"))
        }
        guard let now = SealedFile(bytes: bytes, file: file) else {
            return .failure(.unreadable(file: file, reason: "its front matter does not parse (haven lint shows where)"))
        }
        guard let seal = now.recordedSeal else { return .failure(.notSealed(file: file)) }
        guard SealedContent.isWellFormed(seal) else { return .failure(.malformedSeal(file: file, seal: seal)) }
        var diff = ReviewDiff(file: file, seal: seal, currentSeal: now.content.seal, commit: nil, fieldHunks: [], bodyHunks: [])
        if diff.isUnchanged { return .success(diff) }

        let folder = (path as NSString).deletingLastPathComponent
        let versions: [GitHistory.Version]
        let repository: GitHistory.Repository
        do throws(GitHistory.Failure) {
            repository = try GitHistory.repository(containing: folder)
            let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            let root = URL(fileURLWithPath: repository.root).resolvingSymlinksInPath().path
            guard real.hasPrefix(root + "/") else { return .failure(.notARepository(file: file)) }
            versions = try GitHistory.versions(of: String(real.dropFirst(root.count + 1)), in: repository)
        } catch {
            switch error {
            case .gitMissing: return .failure(.gitMissing(file: file))
            case .notARepository: return .failure(.notARepository(file: file))
            case .failed(let command, let message): return .failure(.gitFailed(file: file, command: command, message: message))
            }
        }
        guard let (version, sealed) = versions.lazy.compactMap({ v in SealedFile(bytes: v.bytes, file: file).map { (v, $0) } })
            .first(where: { $0.1.content.seal == seal }) else {
            return .failure(.notInHistory(file: file, seal: seal, shallow: repository.isShallow, commits: versions.count))
        }
        diff.commit = (version.commit, version.date, version.subject)
        diff.fieldHunks = LineDiff.hunks(fieldLines(sealed.content), fieldLines(now.content), context: 0)
        diff.bodyHunks = LineDiff.hunks(lines(sealed.content.body), lines(now.content.body),
                                        oldFirst: sealed.bodyFirstLine, newFirst: now.bodyFirstLine)
        return .success(diff)
    }

    /// The covered front-matter values as lines: `title: …`, one `key: - item` line per list entry,
    /// `image.src: …`, `disclaimer: true`. A line break inside a value is shown as `\n`.
    static func fieldLines(_ content: SealedContent) -> [String] {
        var out: [String] = []
        for field in content.fields {
            let values = field.values.map { $0.replacingOccurrences(of: "\n", with: "\\n") }
            switch field.name {
            case "title", "description", "disclaimer":
                out += values.map { "\(field.name): \($0)" }
            case "image":
                for (part, value) in zip(["src", "alt", "credit"], values) where !value.isEmpty { out.append("image.\(part): \(value)") }
            default:
                out += values.map { "\(field.name): - \($0)" }
            }
        }
        return out
    }

    private static func lines(_ body: String) -> [String] {
        body.isEmpty ? [] : body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The unified diff: file headers naming the sealed commit, a `front matter` hunk for changed
    /// keys, then the body's hunks with file line numbers.
    public var unified: String {
        guard let commit else { return "" }
        let short = String(commit.id.prefix(12))
        var out = "--- \(file)\t(sealed \(seal): commit \(short), \(commit.date), \(commit.subject))\n"
        out += "+++ \(file)\t(now, \(currentSeal))\n"
        if !fieldHunks.isEmpty { out += "@@ front matter @@\n" }
        for hunk in fieldHunks { out += hunk.lines.map(Self.prefixed).joined() }
        for hunk in bodyHunks {
            out += hunk.header + "\n"
            out += hunk.lines.map(Self.prefixed).joined()
        }
        return out
    }

    private static func prefixed(_ line: LineDiff.Line) -> String {
        switch line.change {
        case .same: " " + line.text + "\n"
        case .removed: "-" + line.text + "\n"
        case .added: "+" + line.text + "\n"
        }
    }
}
