import Foundation

/// Keeps the last build in memory and rebuilds only what a change touches, for `haven serve`.
/// A change to `haven.yml`, `Content/_data/` or `Templates/`, or one that adds, removes or moves a
/// page (the URL table changes), rebuilds everything; an edit to existing pages re-parses those
/// files, re-checks them and the pages that link to them, and re-renders them, the pages that show
/// their title, and the generated pages. The result is always what a clean build would make
/// (`IncrementalSessionTests` compares the two after every edit).
///
/// Not thread-safe: call `rebuild()` from one task at a time.
public final class IncrementalSession: @unchecked Sendable {
    /// The whole output of one build, in memory.
    public struct Snapshot: Sendable {
        /// Output path (`/conditions/x/index.html`) → bytes.
        public let files: [String: [UInt8]]
        public let diagnostics: [Diagnostic]
        public let failed: Bool
        /// Whether everything was rebuilt (settings or the URL table changed).
        public let full: Bool
        /// Pages rendered again in this rebuild.
        public let renderedPages: Int
        /// Output paths written or removed by this rebuild (all of them after a full one).
        public let changedPaths: Set<String>
        public var pageCount: Int
    }

    private let options: BuildOptions
    private let loadOptionsBase: LoadOptions
    private var theme: Theme?
    private var settings: SiteLoader.Settings?
    private var settingsSignature: [String: FileSignature] = [:]
    private var heads: [String: (signature: FileSignature, head: PageHead)] = [:]
    private var mediaSignatures: [String: FileSignature] = [:]
    private var site: Site?
    private var siteDiagnostics: [Diagnostic] = []
    /// Per page: findings about its model, and about its rendered HTML.
    private var modelDiagnostics: [String: [Diagnostic]] = [:]
    private var renderedDiagnostics: [String: [Diagnostic]] = [:]
    private var files: [String: [UInt8]] = [:]
    private var changedPaths = Set<String>()

    /// Records a file (and that it changed, when its bytes differ).
    private func store(_ path: String, _ bytes: [UInt8]?) {
        if files[path] != bytes {
            files[path] = bytes
            changedPaths.insert(path)
        }
    }

    /// `options.output` is ignored: a session never writes to disk.
    public init(options: BuildOptions) {
        self.options = options
        loadOptionsBase = LoadOptions(today: options.today, includeDrafts: options.includeDrafts, baseURL: options.baseURL)
    }

    public func rebuild() throws(HavenError) -> Snapshot {
        let root = options.siteRoot
        changedPaths = []
        let newSettingsSignature = IncrementalSession.settingsSignature(root: root)
        var full = site == nil || theme == nil || settings == nil || newSettingsSignature != settingsSignature
        if full {
            theme = try Theme.load(siteRoot: root)
            settings = try SiteLoader.loadSettings(root: root, options: loadOptionsBase)
            settingsSignature = newSettingsSignature
            heads = [:]
        }
        guard let theme, let settings else { throw .io("the session lost its settings") }
        var load = loadOptionsBase
        load.assetPaths = Set(theme.assets.keys)

        // scan, and re-read only the files whose size or modification time changed
        let scan = SiteScanner.scan(root: root)
        var changed = Set<String>()
        var current: [String: (signature: FileSignature, head: PageHead)] = [:]
        let rootPath = root.path
        let toRead = scan.markdown.compactMap { source -> (String, FileSignature)? in
            let signature = FileSignature(path: rootPath + "/" + source)
            if let cached = heads[source], cached.signature == signature {
                current[source] = cached
                return nil
            }
            return (source, signature)
        }
        for (source, signature, head) in parallelMap(toRead, { ($0.0, $0.1, PageHead.read(source: $0.0, root: rootPath)) }) {
            current[source] = (signature, head)
            changed.insert(source)
        }
        let removed = Set(heads.keys).subtracting(current.keys)
        heads = current

        // resolve; reuse parsed bodies when the link resolver (the URL table) is unchanged
        let oldSite = site
        let oldPages = Dictionary((oldSite?.pages ?? []).map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        let oldResolver = oldSite?.linkResolver
        let reusable = full ? [:] : oldPages.filter { !changed.contains($0.key) }
        // The resolver equality is decided once (comparing two URL tables costs as much as building one).
        let sameResolver = ResolverComparison(old: oldResolver)
        let newSite = SiteLoader.assemble(root: root, settings: settings, scan: scan,
                                          heads: scan.markdown.compactMap { heads[$0]?.head }, options: load) { head, resolver in
            if sameResolver.matches(resolver), let page = reusable[head.source] { return page }
            return head.page(resolver: resolver)
        }
        if newSite.linkResolver != oldResolver || !removed.isEmpty { full = true }
        site = newSite

        // which pages to check and render again
        let checker = Checker(production: options.production)
        var recheck = Set<String>()
        var rerender = Set<String>()
        // Generated files (listings, feeds, search index): all of them, only the search index, or none.
        var regenerate = full
        var searchIndexOnly = false
        if full {
            recheck = Set(newSite.pages.map(\.source))
            rerender = recheck
            modelDiagnostics = [:]
            renderedDiagnostics = [:]
            changedPaths = Set(files.keys)
            files = [:]
        } else {
            for source in changed {
                guard let page = newSite.pages.first(where: { $0.source == source }) else { continue }
                recheck.insert(source)
                rerender.insert(source)
                // Pages linking here: their #fragment checks depend on this page's headings.
                for path in (newSite.backlinks[page.path] ?? []) + (oldSite?.backlinks[page.path] ?? []) {
                    if let linking = newSite.page(at: path) { recheck.insert(linking.source) }
                }
                // Pages that show this page's title or links: its taxonomy neighbours and link targets.
                // Every page's footer lists the pages of type `page`: a change to one shows everywhere.
                if let old = oldPages[source], old.type == .page || page.type == .page,
                   old.title != page.title || old.type != page.type {
                    rerender.formUnion(newSite.pages.map(\.source))
                }
                if let old = oldPages[source], old.body.headings.map(\.text) != page.body.headings.map(\.text) {
                    searchIndexOnly = true
                }
                if oldPages[source] == nil { regenerate = true }
                if let old = oldPages[source], IncrementalSession.shownElsewhereChanged(old, page) {
                    regenerate = true
                    for site in [newSite, oldSite].compactMap({ $0 }) {
                        guard let p = site.page(at: page.path) else { continue }
                        let neighbours = site.relatedModalities(of: p) + site.relatedConditions(of: p) + site.relatedArticles(of: p)
                        for n in neighbours { rerender.insert(n.source) }
                        for link in p.body.links { if case .page(let target) = link.target.kind, let t = newSite.page(at: target) { rerender.insert(t.source) } }
                    }
                    // Taxonomy lists are read both ways: pages naming this one in their lists.
                    for other in newSite.pages where other.frontMatter.modalities.contains(where: { $0.value == page.slug })
                        || other.frontMatter.conditions.contains(where: { $0.value == page.slug }) {
                        rerender.insert(other.source)
                    }
                }
            }
        }
        for source in Set(modelDiagnostics.keys).subtracting(newSite.pages.map(\.source)) {
            modelDiagnostics[source] = nil
            renderedDiagnostics[source] = nil
        }

        // A page's findings are its model checks plus the checks on its rendered HTML; a page only
        // re-checked (it links to an edited page) keeps its rendered-HTML findings.
        let targets = newSite.pages.filter { recheck.contains($0.source) || rerender.contains($0.source) }
        let builder = ContextBuilder(site: newSite)
        let renderer = SiteRenderer(site: newSite, theme: theme)
        let recheckNow = recheck, rerenderNow = rerender
        let results = parallelMap(targets) { page -> (model: [Diagnostic]?, html: String?, rendered: [Diagnostic]?) in
            let model = recheckNow.contains(page.source) ? checker.checkPage(page, in: newSite) : nil
            guard rerenderNow.contains(page.source) else { return (model, nil, nil) }
            let (html, rendered) = renderer.renderPage(page, builder: builder)
            return (model, html, rendered)
        }
        for (result, page) in zip(results, targets) {
            if let model = result.model { modelDiagnostics[page.source] = model }
            if let rendered = result.rendered { renderedDiagnostics[page.source] = rendered }
            if let html = result.html { store(page.path + "index.html", Array(html.utf8)) }
        }
        if let oldSite {
            for page in oldSite.pages where newSite.page(at: page.path) == nil { store(page.path + "index.html", nil) }
        }
        if regenerate || searchIndexOnly {
            let jobs = renderer.generatedJobs(builder).filter { regenerate || $0.path == "/search-index.json" }
            for (job, bytes) in zip(jobs, parallelMap(jobs) { $0.make() }) { store(job.path, bytes) }
        }

        // media: copied again only when changed
        var newMedia: [String: FileSignature] = [:]
        for (output, source) in newSite.media {
            let signature = FileSignature(path: rootPath + "/" + source)
            newMedia[output] = signature
            if full || mediaSignatures[output] != signature || files[output] == nil,
               case .success(let bytes) = FileBytes.read(rootPath + "/" + source, limit: Int.max) {
                store(output, bytes)
            }
        }
        for output in Set(mediaSignatures.keys).subtracting(newMedia.keys) { store(output, nil) }
        mediaSignatures = newMedia

        siteDiagnostics = checker.checkSite(newSite)
        var found = siteDiagnostics
        for page in newSite.pages {
            found += modelDiagnostics[page.source] ?? []
            found += renderedDiagnostics[page.source] ?? []
        }
        let diagnostics = checker.policy(for: newSite).apply(found)
        let failed = diagnostics.contains { $0.severity == .error || (options.strict && $0.severity == .warning) }
        return Snapshot(files: files, diagnostics: diagnostics, failed: failed, full: full, renderedPages: targets.count,
                        changedPaths: changedPaths, pageCount: newSite.pages.count)
    }

    /// Whether an edit changed what other pages show of this one (title, summary, lists, type).
    static func shownElsewhereChanged(_ old: Page, _ new: Page) -> Bool {
        old.title != new.title || old.description != new.description || old.type != new.type
            || old.frontMatter.modalities.map(\.value) != new.frontMatter.modalities.map(\.value)
            || old.frontMatter.conditions.map(\.value) != new.frontMatter.conditions.map(\.value)
            || old.frontMatter.reviewer?.value != new.frontMatter.reviewer?.value
            || old.frontMatter.updated?.value != new.frontMatter.updated?.value
            || old.frontMatter.reviewed?.value != new.frontMatter.reviewed?.value
            || old.frontMatter.published?.value != new.frontMatter.published?.value
            || old.body.links.map(\.target) != new.body.links.map(\.target)
    }

    /// Size and modification time of everything every page depends on.
    static func settingsSignature(root: URL) -> [String: FileSignature] {
        var result: [String: FileSignature] = [:]
        let rootPath = root.path
        for file in [SiteConfig.fileName, Registries.reviewersFile, Registries.crisisResourcesFile, Registries.contentWarningsFile] {
            result[file] = FileSignature(path: rootPath + "/" + file)
        }
        let templates = root.appendingPathComponent("Templates").path
        if let enumerator = FileManager.default.enumerator(atPath: templates) {
            while let relative = enumerator.nextObject() as? String {
                result["Templates/" + relative] = FileSignature(path: templates + "/" + relative)
            }
        }
        return result
    }
}

/// What tells a changed file from an unchanged one without reading it.
struct FileSignature: Equatable, Sendable {
    var size: Int
    var modified: Int
    var inode: UInt

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
}

/// Whether a resolver equals the previous build's, compared on first use only (from any thread).
final class ResolverComparison: @unchecked Sendable {
    private let old: LinkResolver?
    private let lock = NSLock()
    private var answer: Bool?

    init(old: LinkResolver?) { self.old = old }

    func matches(_ resolver: LinkResolver) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let answer { return answer }
        let result = old == resolver
        answer = result
        return result
    }
}

/// Collects emitted files from the renderer (called from several threads).
final class FileCollector: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var files: [String: [UInt8]] = [:]
    func add(_ path: String, _ bytes: [UInt8]) { lock.lock(); files[path] = bytes; lock.unlock() }
}
