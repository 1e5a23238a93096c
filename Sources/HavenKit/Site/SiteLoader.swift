import Foundation

/// What a load needs besides the site folder.
public struct LoadOptions: Sendable {
    public var today: CalendarDate
    public var includeDrafts: Bool
    /// Replaces `base_url` from `haven.yml` (`--base-url`).
    public var baseURL: String?
    /// Output paths of the theme's assets (`/assets/haven.css`), so links to them resolve.
    public var assetPaths: Set<String>
    /// The theme's string tables (`Theme.strings`), resolved here for the site's languages.
    public var strings: StringTables = .builtInOnly
    /// The theme's markup for callouts, care cards and lists (`Theme.alertTemplates`).
    public var alertTemplates: AlertTemplates = .none

    /// Where page Markdown and body HTML wait between phases instead of memory: set for one-shot
    /// builds and lints. `haven serve` keeps pages across rebuilds and leaves it nil.
    var bodyStore: BodyStore?
    /// False for `haven lint`, which publishes nothing: bodies are parsed and checked but not
    /// rendered to HTML, and pages render with `RenderedPageChecks.bodyPlaceholder` where the body
    /// goes (the rendered-page checks find the same things either way).
    var bodyHTML = true

    /// Parse bodies without rendering them (as `haven lint` does): for callers that only read the model.
    public mutating func checksOnly() { bodyHTML = false }

    public init(today: CalendarDate, includeDrafts: Bool = false, baseURL: String? = nil, assetPaths: Set<String> = []) {
        self.today = today
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.assetPaths = assetPaths
    }
}

/// scan → parse → resolve: reads a site folder into an immutable `Site`. A file that cannot be
/// read still yields a diagnostic; nothing is dropped silently and nothing here throws for content.
public enum SiteLoader {
    /// Markdown files above this size are refused (a diagnostic), so memory stays bounded.
    static let maxFileBytes = 32 * 1024 * 1024

    public static func load(root: URL, options: LoadOptions, metrics: BuildMetrics? = nil) throws(HavenError) -> Site {
        let settings = try loadSettings(root: root, options: options)
        let scan = SiteScanner.scan(root: root)
        metrics?.lap("scan")
        let rootPath = root.path
        FileBytes.prefetchInBackground(scan.markdown.map { rootPath + "/" + $0 })
        // With a store, no more than the pages being worked on are held in memory as text: the
        // Markdown waits in the store until the URL table is complete, the HTML until rendering.
        let store = options.bodyStore
        let languages = SiteLanguages(config: settings.config)
        let heads = parallelMap(scan.markdown) { source in
            var head = PageHead.read(source: source, root: rootPath, languages: languages)
            if let store, case .inline(let text) = head.body { head.body = store.store(text) }
            return head
        }
        metrics?.lap("read front matter")
        let labels = settings.bodyLabels
        return assemble(root: root, settings: settings, scan: scan, heads: heads, options: options, metrics: metrics) { head, resolver in
            head.page(resolver: resolver, labels: labels.for(head.route.language), store: store, bodyHTML: options.bodyHTML)
        }
    }

    /// What every page depends on: `haven.yml` and the registries.
    struct Settings {
        /// The words a body's HTML holds (footnotes, task lists), per language.
        var bodyLabels: BodyLabelsByLanguage {
            BodyLabelsByLanguage(strings: strings, languages: config.languages.map(\.id), defaultID: config.defaultLanguage.id,
                                 alertTemplates: alertTemplates)
        }
        var config: SiteConfig
        var registries: Registries
        /// The string tables, resolved for the site's languages.
        var strings: StringTables
        var diagnostics: [Diagnostic]
        /// The theme's markup for callouts, care cards and lists.
        var alertTemplates: AlertTemplates = .none
    }

    static func loadSettings(root: URL, options: LoadOptions, files: FileAccess = .disk) throws(HavenError) -> Settings {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .site("no site folder at \(root.path)")
        }
        let configURL = root.appendingPathComponent(SiteConfig.fileName)
        guard case .success(let configBytes) = files.read(configURL.path, maxFileBytes, nil) else {
            throw .site("\(root.path) is not a Haven site: it has no readable \(SiteConfig.fileName)")
        }
        guard case .success(let configText) = SourceText.decode(configBytes) else {
            throw .config(SourceLocation(file: SiteConfig.fileName), "haven.yml is not UTF-8 text")
        }
        var config = try SiteConfig.parse(configText)
        if let override = options.baseURL {
            guard override.hasPrefix("http://") || override.hasPrefix("https://") else {
                throw .site("--base-url must be an absolute http(s) URL, found '\(override)'")
            }
            config.baseURL = SiteConfig.normalizedBaseURL(override)
        }
        guard fm.fileExists(atPath: root.appendingPathComponent("Content").path, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw .site("\(root.path) has no Content/ folder")
        }
        var registryLoader = RegistryLoader(languages: config.languages)
        func dataText(_ file: String) -> String? {
            guard case .success(let data) = files.read(root.appendingPathComponent(file).path, maxFileBytes, nil) else { return nil }
            switch SourceText.decode(data) {
            case .success(let text): return text
            case .failure:
                registryLoader.diagnostics.append(Diagnostic(.fileEncoding, at: SourceLocation(file: file), "\(file) is not UTF-8 text"))
                return nil
            }
        }
        let registries = registryLoader.load(reviewers: dataText(Registries.reviewersFile),
                                             crisisResources: dataText(Registries.crisisResourcesFile),
                                             contentWarnings: dataText(Registries.contentWarningsFile))
        var strings = options.strings
        try strings.resolve(config.languages)
        return Settings(config: config, registries: registries, strings: strings, diagnostics: registryLoader.diagnostics,
                        alertTemplates: options.alertTemplates)
    }

    /// resolve: drafts, URLs and duplicates, the link resolver, then each body through `body`
    /// (which parses it, or hands back a page parsed earlier with the same resolver).
    static func assemble(root: URL, settings: Settings, scan: SiteScan, heads: [PageHead], options: LoadOptions,
                         metrics: BuildMetrics? = nil, body: @Sendable (PageHead, LinkResolver) -> Page) -> Site {
        let (unique, diagnostics) = publish(heads, scan: scan, settings: settings, options: options)
        let media = scan.media.map { (output: "/" + $0.dropFirst("Content/".count), source: $0) }
        let routes = Routes(config: settings.config, reviewers: settings.registries.reviewers.keys)
        let library = MediaLibrary.probe(media, root: root.path)
        metrics?.lap("probe media")
        let resolver = LinkResolver(
            pageBySource: Dictionary(uniqueKeysWithValues: unique.map { ($0.source, $0.route) }),
            pagesByPath: Dictionary(uniqueKeysWithValues: unique.map { ($0.path, $0.route) }),
            filePaths: Set(media.map(\.output)).union(options.assetPaths),
            routes: routes,
            images: library.images)
        metrics?.lap("resolve")
        let pages = parallelMap(unique) { head in body(head, resolver) }.sorted { $0.path < $1.path }
        metrics?.lap("parse")
        defer { metrics?.lap("index") }
        return Site(root: root.path, config: settings.config, registries: settings.registries, strings: settings.strings, pages: pages, media: media,
                    today: options.today, linkResolver: resolver, loadDiagnostics: diagnostics + library.diagnostics,
                    mediaLibrary: library)
    }

    /// The heads that become pages (drafts left out unless asked for; of two heads with one URL,
    /// the first), and the findings of scan, settings, parse and resolve, in that order.
    static func publish(_ heads: [PageHead], scan: SiteScan, settings: Settings,
                        options: LoadOptions) -> (unique: [PageHead], diagnostics: [Diagnostic]) {
        var diagnostics = scan.diagnostics + settings.diagnostics
        var published: [PageHead] = []
        for head in heads {
            diagnostics += head.diagnostics
            if head.isDraft(options) { continue }
            published.append(head)
        }
        var firstByPath: [String: String] = [:]
        var unique: [PageHead] = []
        for head in published {
            if let first = firstByPath[head.path] {
                diagnostics.append(duplicateFinding(head, first: first))
                continue
            }
            firstByPath[head.path] = head.source
            unique.append(head)
        }
        return (unique, diagnostics)
    }

    /// The finding of a published head whose URL an earlier file (`first`) already makes.
    static func duplicateFinding(_ head: PageHead, first: String) -> Diagnostic {
        let at = head.matter.slug?.location ?? SourceLocation(file: head.source)
        return Diagnostic(.duplicateSlug, at: at, "\(head.source) and \(first) both produce \(head.path)",
                          related: SourceLocation(file: first))
    }
}

/// The `BodyLabels` of each language of the site.
struct BodyLabelsByLanguage: Sendable {
    private let labels: [String: BodyLabels]
    private let fallback: BodyLabels

    init(strings: StringTables, languages: [String], defaultID: String, alertTemplates: AlertTemplates) {
        labels = Dictionary(languages.map { ($0, BodyLabels(strings.table($0), alertTemplates: alertTemplates)) }, uniquingKeysWith: { first, _ in first })
        fallback = labels[defaultID] ?? BodyLabels(strings.table(defaultID), alertTemplates: alertTemplates)
    }

    /// The labels of a page in `language`.
    func `for`(_ language: String) -> BodyLabels { labels[language] ?? fallback }
}

/// A Markdown file read up to its front matter: enough to know its URL.
struct PageHead: Sendable {
    var source: String
    var type: PageType
    var route: Route
    var path: String { route.path }
    var slug: String
    /// The default-language file of its translation set (`PagePlacement.translationKey`).
    var translationKey: String
    var matter: FrontMatter
    /// The Markdown after the front matter (set aside in the build's `BodyStore` until parsed, if any).
    var body: StoredText
    var bodyFirstLine: Int
    var diagnostics: [Diagnostic]
    /// The seal of the file's reader-visible content as it is now, computed only when the front
    /// matter has a `review_seal` to compare it with (`SealedContent`).
    var contentSeal: String?

    /// A draft left out of this build.
    func isDraft(_ options: LoadOptions) -> Bool { matter.draft && !options.includeDrafts }

    static func read(source: String, root: String, languages: SiteLanguages, files: FileAccess = .disk) -> PageHead {
        let here = SourceLocation(file: source)
        switch files.read(root + "/" + source, SiteLoader.maxFileBytes, root) {
        case .success(let bytes):
            return parse(source: source, bytes: bytes, languages: languages)
        case .failure(.tooLarge(let size)):
            return unreadable(source, languages, Diagnostic(.fileEncoding, at: here,
                                                 "file is \(size / 1_048_576) MB; Markdown files may be at most \(SiteLoader.maxFileBytes / 1_048_576) MB"))
        case .failure(.unreadable(let reason)):
            return unreadable(source, languages, Diagnostic(.fileEncoding, at: here, "file cannot be read: \(reason)"))
        }
    }

    /// Parses a Markdown file's bytes: decoding, front matter, URL. No file-system access, so the
    /// fuzz tests drive it directly.
    static func parse(source: String, bytes: [UInt8], languages: SiteLanguages) -> PageHead {
        var diagnostics: [Diagnostic] = []
        let here = SourceLocation(file: source)
        var matter = FrontMatter(start: here)
        var body = ""
        var bodyFirstLine = 1
        var text = ""
        switch SourceText.decode(bytes) {
        case .success(let decoded): text = decoded
        case .failure(.binary(let line)):
            return unreadable(source, languages, Diagnostic(.fileEncoding, at: SourceLocation(file: source, line: line),
                                                 "file holds binary data (a NUL byte), not text"))
        case .failure(.invalidUTF8(let line, let column)):
            return unreadable(source, languages, Diagnostic(.fileEncoding, at: SourceLocation(file: source, line: line, column: column),
                                                 "file is not valid UTF-8; save it as UTF-8"))
        }
        switch FrontMatterSplitter.split(text) {
        case .failure(.unterminated):
            diagnostics.append(Diagnostic(.frontMatterSyntax, at: here,
                                          "front matter opened with '---' on line 1 is never closed by a second '---'"))
            matter.isUnreadable = true
        case .success(let split):
            body = split.body
            bodyFirstLine = split.bodyFirstLine
            if let yaml = split.yaml {
                var decoder = FrontMatterDecoder(file: source, firstLine: split.yamlFirstLine)
                matter = decoder.decode(yaml)
                diagnostics += decoder.diagnostics
            }
        }
        return located(source: source, matter: matter, body: body, bodyFirstLine: bodyFirstLine, diagnostics: diagnostics,
                       languages: languages)
    }

    /// A file that could not be read as text: one finding, an empty page.
    private static func unreadable(_ source: String, _ languages: SiteLanguages, _ diagnostic: Diagnostic) -> PageHead {
        var matter = FrontMatter(start: SourceLocation(file: source))
        matter.isUnreadable = true
        return located(source: source, matter: matter, body: "", bodyFirstLine: 1, diagnostics: [diagnostic], languages: languages)
    }

    /// Section and URL (`Routes.page`).
    private static func located(source: String, matter: FrontMatter, body: String, bodyFirstLine: Int,
                                diagnostics: [Diagnostic], languages: SiteLanguages) -> PageHead {
        let placed = Routes.page(source, slug: matter.slug?.value, in: languages)
        let type = matter.type?.value ?? placed.folderType ?? .page
        var diagnostics = diagnostics
        if let id = placed.undeclaredLanguage {
            let declared = languages.ids.map { "'\($0)'" }.joined(separator: ", ")
            diagnostics.append(Diagnostic(.unknownLanguage, at: SourceLocation(file: source),
                                          "the file name ends in '.\(id).md', but '\(id)' is not a language of the site (\(declared)); declare it under 'languages:' in haven.yml or rename the file"))
        }
        let seal = matter.reviewSeal == nil || matter.isUnreadable ? nil : SealedContent(matter: matter, body: body).seal
        return PageHead(source: source, type: type, route: placed.route, slug: placed.slug, translationKey: placed.translationKey,
                        matter: matter, body: .inline(body), bodyFirstLine: bodyFirstLine, diagnostics: diagnostics, contentSeal: seal)
    }

    /// Parses the body; its HTML goes to `store` when there is one (else it stays in memory).
    /// Without `bodyHTML` (lint) the body is analysed but not rendered.
    func page(resolver: LinkResolver, labels: BodyLabels, store: BodyStore? = nil, bodyHTML: Bool = true) -> Page {
        let processor = MarkdownProcessor(file: source, firstLine: bodyFirstLine, labels: labels,
                                          wording: Wording.builtIn(for: route.language)) { destination, _, _ in
            resolver.resolve(destination, from: source)
        }
        let (analysis, html) = processor.process(body.text, html: bodyHTML)
        return Page(source: source, type: type, route: route, slug: slug, translationKey: translationKey, frontMatter: matter, body: analysis,
                    bodyHTML: store?.store(utf8: html) ?? .inline(String(decoding: html, as: UTF8.self)), bodyFirstLine: bodyFirstLine, contentSeal: contentSeal)
    }
}
