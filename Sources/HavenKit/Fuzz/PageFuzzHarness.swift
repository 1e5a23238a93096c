/// Runs the whole pipeline (decode → front matter → Markdown → rules → render) on one file's
/// bytes, in memory, with a small site around it. The entry point of the fuzz tests and of the
/// libFuzzer target; anything it does with hostile bytes must end in findings, never a crash.
public enum PageFuzzHarness {
    static let theme = try? Theme.load(siteRoot: nil)
    static let today = CalendarDate(year: 2026, month: 11, day: 29) ?? .distantPast

    static let registries: Registries = {
        var loader = RegistryLoader()
        return loader.load(
            reviewers: "r:\n  name: R\n  credentials: MD\n",
            crisisResources: "c:\n  name: C\n  phone: \"988\"\n  region: US\n  verified_on: 2026-11-01\n",
            contentWarnings: "suicide:\n  label: suicide\n  resources: [c]\n")
    }()

    /// Returns the findings and the rendered page.
    public static func run(_ bytes: [UInt8], path: String = "Content/articles/fuzz.md") -> (diagnostics: [Diagnostic], html: String) {
        let config = SiteConfig()
        let head = PageHead.parse(source: path, bytes: bytes, languages: SiteLanguages(config: config))
        let resolver = LinkResolver(pageBySource: [path: head.route], pagesByPath: [head.path: head.route], filePaths: [],
                                    routes: Routes(config: config, reviewers: ["r"]))
        let page = head.page(resolver: resolver, labels: BodyLabels(StringTables.builtInOnly.table("en")))
        let site = Site(root: "/nonexistent", config: config, registries: registries, strings: .builtInOnly, pages: [page], media: [],
                        today: today, linkResolver: resolver, loadDiagnostics: head.diagnostics)
        var diagnostics = Checker().check(site)
        guard let theme else { return (diagnostics, "") }
        let (html, rendered) = SiteRenderer(site: site, theme: theme).renderPage(page)
        diagnostics += rendered
        return (diagnostics, html)
    }
}
