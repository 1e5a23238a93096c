/// One batch of a rebuild's work on all cores: pages checked, pages rendered (with the checks on
/// their HTML) and generated files made. Generated files go first: a listing of every page is the
/// largest job, so starting it early balances the cores.
struct PageWork: Sendable {
    let site: Site
    let checker: Checker
    let renderer: SiteRenderer
    var recheckAll: Bool
    var renderAll: Bool
    /// Sources of the pages whose model checks run.
    var recheck: Set<String>
    /// Sources of the pages rendered.
    var render: Set<String>
    /// Run the rendered-page checks as `haven lint` does and keep no HTML.
    var checkOnly = false

    /// What a batch made: findings by page source, files by output path.
    struct Output {
        var model: [(source: String, found: [Diagnostic])] = []
        var rendered: [(source: String, found: [Diagnostic])] = []
        var files: [(path: String, bytes: [UInt8])] = []
    }

    private enum Job: Sendable {
        case page(Page)
        case file(String, @Sendable () -> [UInt8])
    }

    private enum Done: Sendable {
        case page(Page, model: [Diagnostic]?, html: String?, rendered: [Diagnostic]?)
        case file(String, [UInt8])
    }

    /// Checks and renders `pages` as `recheck` and `render` say, and makes `generated`.
    func run(_ pages: [Page], generated: [SiteRenderer.GeneratedFile]) -> Output {
        let jobs = generated.map { Job.file($0.route.outputPath, $0.make) } + pages.map(Job.page)
        let results = parallelMap(jobs) { job -> Done in
            switch job {
            case .file(let path, let make):
                return .file(path, make())
            case .page(let page):
                let model = recheckAll || recheck.contains(page.source) ? checker.checkPage(page, in: site) : nil
                guard renderAll || render.contains(page.source) else { return .page(page, model: model, html: nil, rendered: nil) }
                if checkOnly { return .page(page, model: model, html: nil, rendered: renderer.renderedChecks(page)) }
                let (html, rendered) = renderer.renderPage(page)
                return .page(page, model: model, html: html, rendered: rendered)
            }
        }
        var output = Output()
        for result in results {
            switch result {
            case .file(let path, let bytes):
                output.files.append((path, bytes))
            case .page(let page, let model, let html, let rendered):
                if let model { output.model.append((page.source, model)) }
                if let rendered { output.rendered.append((page.source, rendered)) }
                if let html { output.files.append((page.route.outputPath, Array(html.utf8))) }
            }
        }
        return output
    }
}
