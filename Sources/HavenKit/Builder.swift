import Foundation

/// Options shared by `haven build` and `haven lint`.
public struct BuildOptions: Sendable {
    public var siteRoot: URL
    /// Where to write; nil for `haven lint` (render in memory, write nothing).
    public var output: URL?
    public var includeDrafts = false
    public var strict = false
    public var production = false
    public var baseURL: String?
    public var today: CalendarDate
    /// Receives every output file (path such as `/conditions/x/index.html`, bytes) as it is made,
    /// whether or not anything is written to disk: `haven serve` keeps its output in memory this way.
    public var collect: (@Sendable (_ path: String, _ bytes: [UInt8]) -> Void)?
    /// Whether the process ends right after this build (`haven build`, `haven lint`): its site and
    /// memos are then left for the exit to reclaim (`UntilExit`), not freed one by one.
    public var endsProcess = false

    public init(siteRoot: URL, output: URL?, today: CalendarDate) {
        self.siteRoot = siteRoot
        self.output = output
        self.today = today
    }
}

/// What a build or lint found and did.
public struct BuildResult: Sendable {
    public var diagnostics: [Diagnostic]
    public var pageCount: Int
    public var fileCount: Int
    /// Whether the output was replaced.
    public var wrote: Bool
    /// Seconds per phase, in pipeline order, and per template.
    public var metrics: BuildMetrics
    public var strict: Bool
    /// Languages of published pages for which Haven has no built-in word lists: their pages were
    /// not checked by the wording rules (safe messaging, stigmatizing language, claims, reading level).
    public var languagesWithoutWordingRules: [String] = []
    /// Image variants libvips encoded in this build (the rest came from `.haven-cache/`).
    public var imageEncodes = 0
    public var imageReuses = 0

    /// True when the content must be refused: errors, or any finding with `--strict`.
    public var failed: Bool {
        diagnostics.count(of: .error) > 0 || (strict && diagnostics.count(of: .warning) > 0)
    }
}

/// The whole pipeline: scan → parse → resolve → check → render → write.
public enum Builder {
    public static func run(_ options: BuildOptions, progress: (@Sendable (String) -> Void)? = nil) throws(HavenError) -> BuildResult {
        let metrics = BuildMetrics(onLap: progress)
        let theme = try Theme.load(siteRoot: options.siteRoot)
        metrics.lap("theme")
        // The output is checked and the previous build taken as staging first: its listing then
        // runs in the background while the site loads.
        let writer = try options.output.map { url throws(HavenError) in try OutputWriter(output: url, siteRoot: options.siteRoot) }
        if writer != nil { metrics.lap("output folder") }
        do {
            return try run(options, theme: theme, writer: writer, metrics: metrics)
        } catch {
            writer?.discard()
            throw error
        }
    }

    private static func run(_ options: BuildOptions, theme: Theme, writer: OutputWriter?,
                            metrics: BuildMetrics) throws(HavenError) -> BuildResult {
        func lap(_ phase: String) { metrics.lap(phase) }
        var load = LoadOptions(today: options.today, includeDrafts: options.includeDrafts, baseURL: options.baseURL,
                               assetPaths: Set(theme.assets.keys))
        load.strings = theme.strings
        load.alertTemplates = theme.alertTemplates
        // Text waits on disk between phases unless the caller keeps the output in memory (serve).
        let bodyStore = options.collect == nil ? BodyStore.temporary() : nil
        load.bodyStore = bodyStore
        // `haven lint` keeps nothing: page bodies are checked, not rendered.
        load.bodyHTML = options.output != nil || options.collect != nil
        let site = try SiteLoader.load(root: options.siteRoot, options: load, metrics: metrics)

        let checker = Checker(production: options.production)
        var found = checker.check(site)
        lap("check")

        // The render's and the images' findings, added to `found` once, at its exact size (`found`
        // is the largest array a build holds; see `Checker.check`).
        var more: [Diagnostic] = []
        let counter = FileCounter()
        var imageCounts = (encoded: 0, reused: 0)
        var renderer = SiteRenderer(site: site, theme: theme)
        renderer.metrics = metrics
        do {
            let collect = options.collect
            // Nothing is kept when linting: only the rendered-page checks run.
            let keep = writer != nil || collect != nil
            if keep {
                more += try renderer.render { path, bytes in
                    counter.increment()
                    try writer?.write(path, bytes)
                    collect?(path, bytes)
                }
            } else {
                more += renderer.lintChecks()
            }
            lap("render")
            if keep {
                let publisher = MediaPublisher(root: options.siteRoot.path, cache: ImageCache(siteRoot: options.siteRoot.path))
                let report = try publisher.publish(site.media, library: site.mediaLibrary) { path, bytes in
                    counter.increment()
                    try writer?.write(path, bytes)
                    collect?(path, bytes)
                }
                more += report.diagnostics
                imageCounts = (report.encoded, report.reused)
                lap("media")
            } else {
                more += MediaCopier.check(site.media, root: options.siteRoot.path)
            }
            if bodyStore?.failed == true { throw HavenError.io("reading page bodies back from the temporary folder failed") }
        } catch let error as HavenError {
            throw error
        } catch {
            throw .io("writing the output failed: \(error)")
        }

        found.reserveCapacity(found.count + more.count)
        found += more
        let diagnostics = checker.policy(for: site).apply(consume found)
        var result = BuildResult(diagnostics: diagnostics, pageCount: site.pages.count, fileCount: counter.value, wrote: false,
                                 metrics: metrics, strict: options.strict)
        result.languagesWithoutWordingRules = Set(site.pages.map(\.route.language)).filter { Wording.builtIn(for: $0) == nil }.sorted()
        (result.imageEncodes, result.imageReuses) = imageCounts
        if let writer {
            if result.failed {
                writer.discard()
            } else {
                try writer.commit()
                result.wrote = true
            }
            lap("write")
        }
        if options.endsProcess { UntilExit.keep(site, renderer, checker) }
        return result
    }
}

/// A thread-safe counter for files emitted from parallel render tasks.
final class FileCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
