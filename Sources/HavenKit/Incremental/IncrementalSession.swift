import Foundation

/// Keeps the last build in memory and rebuilds only what a change touches, for `haven serve` and
/// `haven lsp`.
///
/// A change to `haven.yml`, `Content/_data/` or `Templates/` rebuilds everything. An edit to
/// existing pages re-reads only those files (only the files the watcher names, when it names them),
/// parses them with the unchanged link resolver, patches the previous `Site` with them, and then
/// checks and renders what `IncrementalPlan` says shows the edit. A change of the URL table (a page
/// or media file added, removed or moved, a draft published) assembles the site again, reusing
/// every page whose links resolve as before, and regenerates every listing. The findings are kept per page in a `DiagnosticTally`.
/// The result is always what a clean build would make (`IncrementalSessionTests` compares the two
/// after every kind of edit).
///
/// Files are read through a `FileAccess` (an editor's unsaved text may stand in for a file). In
/// check-only mode (`haven lsp`) nothing is rendered: pages get the rendered-page checks as
/// `haven lint` runs them, and the snapshots hold no files.
///
/// Cost of a keystroke in `haven lsp` (a page edited in place, check-only), 10,000-page corpus,
/// release build, load average 3 on 2 cores: a 5.7 ms check (median; 5.5 ms CPU), 50 ms median from
/// keystroke to diagnostics with the 40 ms debounce (`scripts/lsp-latency.py`; 266 ms before the
/// tally, load findings, policy and per-file findings stopped being made from the whole site).
///
/// Thread safety: every public member takes the session's lock, so calls from several threads
/// (the language server's reader and its debounce timer) run one at a time, each seeing the
/// previous one's result. `early` runs with the lock held and must not call the session.
public final class IncrementalSession: @unchecked Sendable {
    /// The whole output of one build, in memory.
    public struct Snapshot: Sendable {
        /// Output path (`/conditions/x/index.html`) → bytes.
        public let files: [String: [UInt8]]
        /// The findings, per file.
        public let findings: FindingsByFile
        public let failed: Bool
        /// Whether everything was rebuilt (settings or the URL table changed).
        public let full: Bool
        /// Pages rendered again in this rebuild.
        public let renderedPages: Int
        /// Output paths written or removed by this rebuild (all of them after a full one).
        public let changedPaths: Set<String>
        public var pageCount: Int
        /// Every finding, sorted (made from `findings` on each use).
        public var diagnostics: [Diagnostic] { findings.all }
    }

    private let options: BuildOptions
    private let loadOptionsBase: LoadOptions
    private let fileAccess: FileAccess
    private let checkOnly: Bool
    private let lock = NSLock()
    private var theme: Theme?
    private var settings: SiteLoader.Settings?
    private var settingsSignature: [String: FileSignature] = [:]
    private var scan: SiteScan?
    private var heads: [String: (signature: FileSignature, head: PageHead)] = [:]
    private var mediaSignatures: [String: FileSignature] = [:]
    /// Per media file (by output path): the files published for it, and the findings of publishing
    /// it (unreadable, or an image that cannot be decoded: tried again on the next rebuild).
    private var mediaOutputs: [String: [String]] = [:]
    private var mediaFailures: [String: [Diagnostic]] = [:]
    private var site: Site?
    /// Paths reported changed since the last finished rebuild; nil when unknown (scan everything).
    private var pending: Set<String>?
    /// Per page: findings about its model, and about its rendered HTML (before the severity policy).
    private var modelDiagnostics: [String: [Diagnostic]] = [:]
    private var renderedDiagnostics: [String: [Diagnostic]] = [:]
    private var tally: DiagnosticTally?
    /// The severity policy of `site` (made again from every page only when the set of pages changed).
    private var policy: SeverityPolicy?
    private var files: [String: [UInt8]] = [:]
    private var changedPaths = Set<String>()

    /// Records a file (and that it changed, when its bytes differ).
    private func store(_ path: String, _ bytes: [UInt8]?) {
        if files[path] != bytes {
            files[path] = bytes
            changedPaths.insert(path)
        }
    }

    /// `options.output` is ignored: a session never writes to disk. `files`: how it reads
    /// (default: from disk). `checkOnly`: check, render nothing (no files in the snapshots).
    public init(options: BuildOptions, files: FileAccess = .disk, checkOnly: Bool = false) {
        self.options = options
        fileAccess = files
        self.checkOnly = checkOnly
        var load = LoadOptions(today: options.today, includeDrafts: options.includeDrafts, baseURL: options.baseURL)
        load.bodyHTML = !checkOnly
        loadOptionsBase = load
    }

    /// The site as the last rebuild left it (nil before the first).
    public var currentSite: Site? {
        lock.lock()
        defer { lock.unlock() }
        return site
    }

    /// Builds the site as it is on disk now.
    ///
    /// - Parameter changed: the paths (relative to the site root) that changed since the last call,
    ///   as a file watcher reports them; nil when unknown, and every file is then looked at.
    ///   Paths reported for a call that throws are kept for the next.
    /// - Parameter early: called at most once during the rebuild, with the edited and added pages
    ///   rendered, removed ones gone, every page checked and the rest as the previous build left it (listings, feeds and pages
    ///   that list the edited ones follow), so that a server can answer for an edited page before
    ///   the rest is done. Its `failed` is the final build's unless a rendered page that only
    ///   lists an edited one gains or loses a finding (the returned snapshot has the final word).
    public func rebuild(changed: Set<String>? = nil, early: ((Snapshot) -> Void)? = nil) throws(HavenError) -> Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return try rebuildLocked(changed: changed, early: early)
    }

    private func rebuildLocked(changed: Set<String>?, early: ((Snapshot) -> Void)?) throws(HavenError) -> Snapshot {
        pending = changed.flatMap { paths in pending.map { $0.union(paths) } }
        let root = options.siteRoot
        changedPaths = []
        let newSettingsSignature = IncrementalSession.settingsSignature(root: root, files: fileAccess)
        let full = site == nil || theme == nil || settings == nil || newSettingsSignature != settingsSignature
        if full {
            theme = try Theme.load(siteRoot: root)
            var settingsLoad = loadOptionsBase
            settingsLoad.strings = theme?.strings ?? .builtInOnly
            settingsLoad.alertTemplates = theme?.alertTemplates ?? .none
            settings = try SiteLoader.loadSettings(root: root, options: settingsLoad, files: fileAccess)
            settingsSignature = newSettingsSignature
            heads = [:]
            scan = nil
        }
        guard let theme, let settings else { throw .io("the session lost its settings") }
        var load = loadOptionsBase
        load.assetPaths = Set(theme.assets.keys)

        // scan (unless the watcher named every changed file), and re-read the changed files
        let rootPath = root.path
        let oldScan = scan
        let reported = pending.flatMap { paths in oldScan.flatMap { canSkipScan(paths, $0) ? paths : nil } }
        let scanNow = reported == nil ? SiteScanner.scan(root: root) : (oldScan ?? SiteScan())
        let toRead: [(String, FileSignature)]
        if let reported {
            toRead = reported.filter { heads[$0] != nil }.sorted().map { ($0, fileAccess.signature(rootPath + "/" + $0)) }
        } else {
            toRead = scanNow.markdown.compactMap { source in
                let signature = fileAccess.signature(rootPath + "/" + source)
                if let cached = heads[source], cached.signature == signature { return nil }
                return (source, signature)
            }
        }
        var changedHeads: [(old: PageHead?, new: PageHead)] = []
        let languages = SiteLanguages(config: settings.config)
        let access = fileAccess
        for (source, signature, head) in parallelMap(toRead, { ($0.0, $0.1, PageHead.read(source: $0.0, root: rootPath, languages: languages, files: access)) }) {
            changedHeads.append((heads[source]?.head, head))
            heads[source] = (signature, head)
        }
        var removed = Set<String>()
        if reported == nil {
            let present = Set(scanNow.markdown)
            removed = Set(heads.keys).subtracting(present)
            for source in removed { heads[source] = nil }
        }
        scan = scanNow

        // resolve: patch the previous site when only page contents changed, else assemble anew
        let oldSite = site
        // Media signatures, when the scan ran: an image whose bytes changed may have a new size or
        // new variants, which the pages showing it must follow (the site is assembled again).
        let mediaNow: [String: FileSignature]? = reported == nil
            ? Dictionary(scanNow.media.map { ("/" + $0.dropFirst("Content/".count), FileSignature(path: rootPath + "/" + $0)) },
                         uniquingKeysWith: { a, _ in a })
            : nil
        let sameFiles = reported != nil || (oldScan.map {
            $0.markdown == scanNow.markdown && $0.media == scanNow.media && $0.diagnostics == scanNow.diagnostics
        } ?? false) && (mediaNow == nil || mediaNow == mediaSignatures)
        var patched: Site?
        var loadDiagnosticsKept = false
        if !full, sameFiles, removed.isEmpty, let oldSite {
            (patched, loadDiagnosticsKept) = patch(oldSite, changedHeads, scan: scanNow, settings: settings, load: load)
        }
        var newSite: Site
        if let patched {
            newSite = patched
        } else {
            newSite = assemble(oldSite, changed: Set(changedHeads.map(\.new.source)), full: full, scan: scanNow,
                               settings: settings, load: load)
            newSite.keepsPageText = true
        }
        site = newSite

        // what to check and render again
        let plan: IncrementalPlan
        if full {
            plan = .everything
        } else if let oldSite, patched != nil, let pairs = pagePairs(changedHeads, old: oldSite, new: newSite) {
            plan = IncrementalPlan(changes: pairs, old: oldSite, new: newSite, onlyEditedRendered: checkOnly && theme.builtIn)
        } else if let oldSite {
            let (pairs, added, gone) = IncrementalSession.compare(oldSite, newSite)
            plan = IncrementalPlan(changes: pairs, added: added, removed: gone, old: oldSite, new: newSite)
        } else {
            plan = .everything
        }
        if full {
            changedPaths = Set(files.keys)
            files = [:]
            mediaOutputs = [:]
            mediaFailures = [:]
        }
        let checker = Checker(production: options.production)
        let policy: SeverityPolicy
        if let kept = self.policy, patched != nil, !full, !plan.recheckEverything {
            policy = checker.policy(kept, replacing: plan.edited.compactMap { self.page($0, in: newSite) })
        } else {
            policy = checker.policy(for: newSite)
        }
        self.policy = policy
        let renderer = SiteRenderer(site: newSite, theme: theme)
        let generated = checkOnly ? [] : renderer.generatedJobs().filter {
            plan.renderEverything || plan.regenerateEverything || plan.regenerate.contains($0.route)
        }
        let all = plan.recheckEverything || plan.renderEverything
        let targets = all ? newSite.pages : plan.recheck.union(plan.rerender).compactMap { self.page($0, in: newSite) }
        var tallied = full || all ? nil : tally.flatMap { $0.policy == policy ? $0 : nil }
        // `tallied` is now the only copy, patched in place: kept in `tally` too, the first change
        // would copy all the findings' counts (20,000 on the 10,000-page corpus, every keystroke).
        // A rebuild that throws from here on leaves none: the next counts them all again.
        tally = nil
        var updates: [DiagnosticTally.Origin: [Diagnostic]] = [:]
        if !loadDiagnosticsKept { updates[.site] = checker.checkSite(newSite) }
        // Pages no longer published: their findings go.
        if patched == nil {
            let published = Set(newSite.pages.map(\.source))
            for source in Set(modelDiagnostics.keys).subtracting(published) {
                modelDiagnostics[source] = nil
                updates[.model(source)] = []
            }
            for source in Set(renderedDiagnostics.keys).subtracting(published) {
                renderedDiagnostics[source] = nil
                updates[.rendered(source)] = []
            }
        }
        var work = PageWork(site: newSite, checker: checker, renderer: renderer,
                            recheckAll: plan.recheckEverything, renderAll: plan.renderEverything,
                            recheck: plan.recheck, render: plan.rerender, checkOnly: checkOnly)

        // Pages gone from the site (removed, moved, made drafts) are gone at once.
        if patched == nil, let oldSite {
            for page in oldSite.pages where newSite.page(at: page.path) == nil { store(page.route.outputPath, nil) }
        }

        // The edited pages and every check first: when they are known, so is whether the build fails
        // (the pages rendered later only list the edited ones), and `early` may serve them already.
        var later = targets
        if let early, var partial = tallied {
            var now: [Page] = []
            (now, later) = (targets.filter { plan.edited.contains($0.source) || plan.recheck.contains($0.source) },
                            targets.filter { !plan.edited.contains($0.source) && plan.rerender.contains($0.source) })
            work.render = plan.edited
            take(work.run(now, generated: []), into: &updates)
            tallied = nil  // one copy, patched in place
            partial.replace(updates)
            updates = [:]
            tallied = partial
            work.recheck = []
            work.render = plan.rerender.subtracting(plan.edited)
            early(Snapshot(files: files, findings: partial.findings, failed: failed(partial), full: false,
                           renderedPages: now.count, changedPaths: changedPaths, pageCount: newSite.pages.count))
        }
        take(work.run(later, generated: generated), into: &updates)

        // media: published again only when changed or not published last time (and looked at only when the scan ran)
        if let mediaNow = mediaNow ?? (full ? [:] : nil) {
            let changed = newSite.media.filter {
                full || mediaSignatures[$0.output] != mediaNow[$0.output] || mediaOutputs[$0.output] == nil || mediaFailures[$0.output] != nil
            }
            let publisher = MediaPublisher(root: rootPath, cache: ImageCache(siteRoot: rootPath))
            let collector = FileCollector()
            var report = MediaPublisher.Report()
            if checkOnly {
                // Check-only: whether each can be read, as lint finds; nothing decoded or kept.
                report.diagnostics = MediaCopier.check(changed, root: rootPath)
            } else {
                do {
                    report = try publisher.publish(changed, library: newSite.mediaLibrary) { path, bytes in collector.add(path, bytes) }
                } catch let error as HavenError {
                    throw error
                } catch {
                    throw .io("publishing media failed: \(error)")
                }
            }
            // Files of removed or changed media that are not published any more go.
            let current = Set(newSite.media.map(\.output))
            for output in Set(mediaOutputs.keys) where !current.contains(output) || changed.contains(where: { $0.output == output }) {
                for path in mediaOutputs[output] ?? [] where collector.files[path] == nil { store(path, nil) }
                mediaOutputs[output] = nil
            }
            for (output, _) in changed { mediaOutputs[output] = newSite.mediaLibrary.images[output]?.outputs ?? [output] }
            for (path, bytes) in collector.files { store(path, bytes) }
            for output in Set(mediaFailures.keys) where !current.contains(output) || changed.contains(where: { $0.output == output }) {
                mediaFailures[output] = nil
            }
            for diagnostic in report.diagnostics {
                if let entry = newSite.media.first(where: { $0.source == diagnostic.file }) { mediaFailures[entry.output, default: []].append(diagnostic) }
            }
            updates[.media] = mediaFailures.keys.sorted().flatMap { mediaFailures[$0] ?? [] }
            mediaSignatures = full ? Dictionary(newSite.media.map { ($0.output, FileSignature(path: rootPath + "/" + $0.source)) },
                                                uniquingKeysWith: { a, _ in a }) : mediaNow
        }

        // findings: patched per page, or counted again when the policy or the set of pages changed
        if var kept = tallied {
            tallied = nil  // one copy, patched in place
            kept.replace(updates)
            tally = kept
        } else {
            var origins: [DiagnosticTally.Origin: [Diagnostic]] = [.site: updates[.site] ?? checker.checkSite(newSite),
                                                                   .media: mediaFailures.keys.sorted().flatMap { mediaFailures[$0] ?? [] }]
            for (source, found) in modelDiagnostics { origins[.model(source)] = found }
            for (source, found) in renderedDiagnostics { origins[.rendered(source)] = found }
            tally = DiagnosticTally(policy: policy, origins: origins)
        }
        guard let tally else { throw .io("the session lost its findings") }
        pending = []
        return Snapshot(files: files, findings: tally.findings, failed: failed(tally), full: full, renderedPages: targets.count,
                        changedPaths: changedPaths, pageCount: newSite.pages.count)
    }

    private func failed(_ tally: DiagnosticTally) -> Bool {
        tally.errors > 0 || (options.strict && tally.warnings > 0)
    }

    /// Keeps what `PageWork` made: files, and each page's findings (also as updates for the tally).
    private func take(_ done: PageWork.Output, into updates: inout [DiagnosticTally.Origin: [Diagnostic]]) {
        for (source, found) in done.model {
            modelDiagnostics[source] = found
            updates[.model(source)] = found
        }
        for (source, found) in done.rendered {
            renderedDiagnostics[source] = found
            updates[.rendered(source)] = found
        }
        for (path, bytes) in done.files { store(path, bytes) }
    }

    /// Whether the reported paths say all that changed: known Markdown files edited in place, or
    /// settings and templates (noticed by their own signature). Anything else (a new, removed or
    /// renamed file, a folder, media, a site with symlinks) needs a scan.
    private func canSkipScan(_ paths: Set<String>, _ last: SiteScan) -> Bool {
        guard !last.hasSymlinks else { return false }
        let rootPath = options.siteRoot.path
        return paths.allSatisfy { path in
            if path == SiteConfig.fileName || path == "Templates" || path.hasPrefix("Templates/")
                || path == "Content/_data" || path.hasPrefix("Content/_data/") {
                return true
            }
            return heads[path] != nil && FileSignature.isRegularFile(rootPath + "/" + path)
        }
    }

    /// The previous site with the edited pages parsed again, when every edit keeps each file's URL,
    /// type and draft state (so the URL table and the indexes' shape stay); nil otherwise. The flag
    /// says whether the load findings stayed the same.
    private func patch(_ old: Site, _ changed: [(old: PageHead?, new: PageHead)], scan: SiteScan,
                       settings: SiteLoader.Settings, load: LoadOptions) -> (Site?, Bool) {
        var sameFindings = true
        var toParse: [PageHead] = []
        for (before, after) in changed {
            guard let before, before.route == after.route, before.type == after.type,
                  before.isDraft(load) == after.isDraft(load) else { return (nil, false) }
            if LoadFindingsPatch.findings(of: before, in: old, load: load) != LoadFindingsPatch.findings(of: after, in: old, load: load) {
                sameFindings = false
            }
            if old.page(at: after.path)?.source == after.source { toParse.append(after) }
        }
        let resolver = old.linkResolver
        let labels = settings.bodyLabels
        let pages = parallelMap(toParse) { $0.page(resolver: resolver, labels: labels.for($0.route.language)) }
        var loadDiagnostics = old.loadDiagnostics
        if !sameFindings {
            loadDiagnostics = LoadFindingsPatch.replacing(changed, in: old, load: load) ?? {
                // Every head again (the media library's findings, made when the site was assembled, stay).
                let ordered = scan.markdown.compactMap { heads[$0]?.head }
                return SiteLoader.publish(ordered, scan: scan, settings: settings, options: load).diagnostics + old.mediaLibrary.diagnostics
            }()
        }
        return (old.replacing(pages, loadDiagnostics: loadDiagnostics), sameFindings)
    }

    /// A site assembled from all heads. A page parsed before is reused when its file is unchanged
    /// and each of its links resolves as before (always, when the URL table is unchanged): a link
    /// is the only thing parsing takes from the URL table.
    private func assemble(_ old: Site?, changed: Set<String>, full: Bool, scan: SiteScan, settings: SiteLoader.Settings,
                          load: LoadOptions) -> Site {
        let oldPages = Dictionary((old?.pages ?? []).map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        let reusable = full ? [:] : oldPages.filter { !changed.contains($0.key) }
        // The resolver equality is decided once (comparing two URL tables costs as much as building one).
        let sameResolver = ResolverComparison(old: old?.linkResolver)
        let labels = settings.bodyLabels
        return SiteLoader.assemble(root: options.siteRoot, settings: settings, scan: scan,
                                   heads: scan.markdown.compactMap { heads[$0]?.head }, options: load) { head, resolver in
            if let page = reusable[head.source], page.route == head.route,
               sameResolver.matches(resolver) || page.body.links.allSatisfy({ resolver.resolve($0.destination, from: page.source) == $0.target }) {
                return page
            }
            return head.page(resolver: resolver, labels: labels.for(head.route.language))
        }
    }

    /// How two sites' pages differ, by source file: pages at the same path in both (parsed again:
    /// a different object), pages only in the new site (or moved there), pages only in the old one.
    static func compare(_ old: Site, _ new: Site) -> (pairs: [(old: Page, new: Page)], added: [Page], removed: [Page]) {
        let oldBySource = Dictionary(old.pages.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        var pairs: [(old: Page, new: Page)] = [], added: [Page] = [], kept = Set<String>()
        for page in new.pages {
            guard let before = oldBySource[page.source], before.path == page.path else { added.append(page); continue }
            kept.insert(page.source)
            if before !== page { pairs.append((before, page)) }
        }
        let removed = old.pages.filter { !kept.contains($0.source) }
        return (pairs, added, removed)
    }

    /// The page a source file makes in `site`, if it makes one.
    private func page(_ source: String, in site: Site) -> Page? {
        heads[source].flatMap { site.page(at: $0.head.path) }.flatMap { $0.source == source ? $0 : nil }
    }

    /// Each re-read file that is a page before and after, as the two sites have it; nil when a file
    /// became or stopped being a page (only with a changed URL table, which rebuilds everything).
    private func pagePairs(_ changed: [(old: PageHead?, new: PageHead)], old: Site, new: Site) -> [(old: Page, new: Page)]? {
        var pairs: [(old: Page, new: Page)] = []
        for (before, after) in changed {
            let oldPage = before.flatMap { old.page(at: $0.path) }.flatMap { $0.source == after.source ? $0 : nil }
            let newPage = new.page(at: after.path).flatMap { $0.source == after.source ? $0 : nil }
            switch (oldPage, newPage) {
            case (let a?, let b?): pairs.append((a, b))
            case (nil, nil): continue
            default: return nil
            }
        }
        return pairs
    }

    /// Size and modification time of everything every page depends on.
    static func settingsSignature(root: URL, files: FileAccess = .disk) -> [String: FileSignature] {
        var result: [String: FileSignature] = [:]
        let rootPath = root.path
        for file in [SiteConfig.fileName, Registries.reviewersFile, Registries.crisisResourcesFile, Registries.contentWarningsFile] {
            result[file] = files.signature(rootPath + "/" + file)
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
