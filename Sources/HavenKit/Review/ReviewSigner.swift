import Foundation

/// `haven review sign`: records a medical review in each page's front matter (`reviewer`,
/// `reviewed`, `review_seal`), changing nothing else in the file. All or nothing: every path is
/// checked and every edit prepared first; if any is refused, no file is written.
public enum ReviewSigner {
    public struct Request: Sendable {
        public var siteRoot: URL
        /// As given on the command line: files or folders, relative to `workingDirectory` or absolute.
        public var paths: [String]
        public var reviewer: String
        public var date: CalendarDate
        public var production: Bool
        public var workingDirectory: String

        public init(siteRoot: URL, paths: [String], reviewer: String, date: CalendarDate, production: Bool,
                    workingDirectory: String = FileManager.default.currentDirectoryPath) {
            self.siteRoot = siteRoot
            self.paths = paths
            self.reviewer = reviewer
            self.date = date
            self.production = production
            self.workingDirectory = workingDirectory
        }
    }

    /// One page signed (or already carrying exactly these values).
    public struct Signed: Sendable, Equatable {
        /// Relative to the site root.
        public var file: String
        public var seal: String
        /// The file already said this; it was not written.
        public var unchanged: Bool
    }

    public enum Outcome: Sendable {
        case signed([Signed])
        /// Nothing was written; one line per reason, each naming its file.
        case refused([String])
    }

    /// The keys `sign` writes, in the order they are set, each with the keys it follows when missing.
    static let assignments: [(key: String, after: [String])] = [
        ("reviewer", ["author", "type", "description", "title"]),
        ("reviewed", ["reviewer"]),
        ("review_seal", ["reviewed"]),
    ]

    public static func sign(_ request: Request) throws(HavenError) -> Outcome {
        let settings = try SiteLoader.loadSettings(root: request.siteRoot, options: LoadOptions(today: request.date))
        var problems: [String] = []
        let reviewers = settings.registries.reviewers
        if let reviewer = reviewers[request.reviewer] {
            if request.production && reviewer.placeholder {
                problems.append("reviewer '\(request.reviewer)' is an example person (placeholder: true) and --production refuses example reviewers")
            }
        } else {
            let hint = Suggest.closest(to: request.reviewer, in: Array(reviewers.keys)).map { " (did you mean '\($0)'?)" } ?? ""
            problems.append("reviewer '\(request.reviewer)' is not in \(Registries.reviewersFile)\(hint)")
        }

        let scan = SiteScanner.scan(root: request.siteRoot)
        let pages = Set(scan.markdown)
        var files: [String] = []
        for argument in request.paths {
            switch SitePath.resolve(argument, root: request.siteRoot, workingDirectory: request.workingDirectory) {
            case .outside:
                problems.append("\(argument): not inside the site at \(request.siteRoot.path)")
            case .inside(let relative):
                if pages.contains(relative) {
                    files.append(relative)
                } else if relative == "Content" || scan.markdown.contains(where: { $0.hasPrefix(relative + "/") }) {
                    files += scan.markdown.filter { relative == "Content" || $0.hasPrefix(relative + "/") }
                } else if isDirectory(request.siteRoot.path + "/" + relative) {
                    problems.append("\(relative): no page in this folder")
                } else {
                    problems.append("\(relative): not a page (pages are the .md files under Content/, outside _data/ and media/)")
                }
            }
        }
        var seen = Set<String>()
        files = files.filter { seen.insert($0).inserted }
        let explicit = Set(request.paths.compactMap { argument -> String? in
            if case .inside(let relative) = SitePath.resolve(argument, root: request.siteRoot, workingDirectory: request.workingDirectory) {
                return relative
            }
            return nil
        })

        var edits: [(file: String, bytes: [UInt8], seal: String, unchanged: Bool)] = []
        for file in files {
            switch prepare(file, request: request, languages: SiteLanguages(config: settings.config)) {
            case .success(let edit):
                edits.append((file, edit.bytes, edit.seal, edit.unchanged))
            case .failure(.notClinical(let type)):
                // A folder may hold non-clinical pages: they have no medical review and are left out.
                if explicit.contains(file) { problems.append("\(file): a \(type) page has no medical review to seal") }
            case .failure(let failure):
                problems.append("\(file): \(failure)")
            }
        }
        if !problems.isEmpty { return .refused(problems) }
        if edits.isEmpty { return .refused(["no clinical page to sign in \(request.paths.joined(separator: ", "))"]) }
        var signed: [Signed] = []
        for edit in edits {
            if !edit.unchanged {
                do {
                    try AtomicFile.replace(request.siteRoot.path + "/" + edit.file, with: edit.bytes)
                } catch {
                    // Earlier files of this run are already signed; say which, and stop here.
                    let done = signed.filter { !$0.unchanged }.map(\.file)
                    throw .io("writing \(edit.file) failed: \(error)" + (done.isEmpty ? "" : " (already signed: \(done.joined(separator: ", ")))"))
                }
            }
            signed.append(Signed(file: edit.file, seal: edit.seal, unchanged: edit.unchanged))
        }
        return .signed(signed)
    }

    enum Failure: Error, CustomStringConvertible {
        case unreadable(String)
        case notClinical(String)
        case frontMatter(FrontMatterEditor.Failure)
        case unsafeEdit(String)

        var description: String {
            switch self {
            case .unreadable(let reason): "cannot be read: \(reason)"
            case .notClinical(let type): "a \(type) page has no medical review to seal"
            case .frontMatter(let failure): "not signed: \(failure)"
            case .unsafeEdit(let what): "not signed: editing the front matter in place would have changed \(what); sign it by hand or simplify that key"
            }
        }
    }

    /// Reads one page and makes its signed bytes, checking the edit did only what it should.
    static func prepare(_ file: String, request: Request, languages: SiteLanguages) -> Result<(bytes: [UInt8], seal: String, unchanged: Bool), Failure> {
        let path = request.siteRoot.path + "/" + file
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            return .failure(.unreadable("it is a symlink; sign the file it points to"))
        }
        let bytes: [UInt8]
        switch FileBytes.read(path, limit: SiteLoader.maxFileBytes, insideRoot: request.siteRoot.path) {
        case .success(let read): bytes = read
        case .failure(.tooLarge(let size)): return .failure(.unreadable("it is \(size / 1_048_576) MB"))
        case .failure(.unreadable(let reason)): return .failure(.unreadable(reason))
        }
        let before = PageHead.parse(source: file, bytes: bytes, languages: languages)
        if before.matter.isUnreadable {
            let first = before.diagnostics.first
            return .failure(.frontMatter(.syntax(line: first?.line ?? 1, message: first?.message ?? "it cannot be read")))
        }
        guard before.type.isClinical else { return .failure(.notClinical(before.type.rawValue)) }
        // The body as stored: `PageHead.parse` set it aside inline.
        let seal = SealedContent(matter: before.matter, body: before.body.text).seal
        var editor: FrontMatterEditor
        do {
            editor = try FrontMatterEditor(bytes: bytes)
            let values = [request.reviewer, request.date.description, seal]
            try editor.apply(zip(assignments, values).map { FrontMatterEditor.Assignment(key: $0.key, value: $1, after: $0.after) })
        } catch {
            return .failure(.frontMatter(error))
        }
        let signed = editor.bytes
        if let problem = verify(before: before, after: PageHead.parse(source: file, bytes: signed, languages: languages), request: request, seal: seal) {
            return .failure(.unsafeEdit(problem))
        }
        return .success((signed, seal, signed == bytes))
    }

    /// What the edit changed besides the three keys, or nil when it changed only them.
    static func verify(before: PageHead, after: PageHead, request: Request, seal: String) -> String? {
        let a = before.matter, b = after.matter
        if b.isUnreadable { return "the front matter into something that does not parse" }
        if b.reviewer?.value != request.reviewer || b.reviewed?.value != request.date.description || b.reviewSeal?.value != seal {
            return "the values it writes (they did not read back)"
        }
        if before.body.text != after.body.text { return "the body" }
        if SealedContent(matter: a, body: before.body.text) != SealedContent(matter: b, body: after.body.text) {
            return "a reader-visible value"
        }
        func others(_ m: FrontMatter) -> [String?] {
            [m.author?.value, m.updated?.value, m.published?.value, m.type?.value.rawValue, m.slug?.value, m.translator?.value,
             m.sourceUpdated?.value, String(m.draft), m.lint.map { "\($0.key.rawValue)=\($0.value.rawValue)" }.sorted().joined(separator: ",")]
        }
        if others(a) != others(b) { return "another key" }
        let keys = Set(a.keyLocations.keys).union(["reviewer", "reviewed", "review_seal"])
        if Set(b.keyLocations.keys) != keys { return "the set of keys" }
        return nil
    }

    /// The page a command-line path names (relative to the site root), or nil when it is outside
    /// the site or not one of its pages.
    public static func pageFile(_ argument: String, siteRoot: URL,
                                workingDirectory: String = FileManager.default.currentDirectoryPath) -> String? {
        guard case .inside(let relative) = SitePath.resolve(argument, root: siteRoot, workingDirectory: workingDirectory) else { return nil }
        return SiteScanner.scan(root: siteRoot).markdown.contains(relative) ? relative : nil
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
