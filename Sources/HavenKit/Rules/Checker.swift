/// The check phase: runs every rule over the site model and collects all findings, then applies
/// the severity policy. Rules that need rendered HTML live in `RenderedPageChecks`.
public struct Checker: Sendable {
    public var production: Bool

    public init(production: Bool = false) { self.production = production }

    public func policy(for site: Site) -> SeverityPolicy {
        var files: [String: [RuleID: Severity]] = [:]
        for page in site.pages where !page.frontMatter.lint.isEmpty { files[page.source] = page.frontMatter.lint }
        return SeverityPolicy(site: site.config.lint, files: files, production: production)
    }

    /// What `policy(for:)` makes of a site whose `pages` replaced their earlier versions (same
    /// sources, nothing else changed), from the earlier site's `policy`: only those pages' `lint:`
    /// is read again, not every page's (`IncrementalSession`, once per keystroke in `haven lsp`).
    func policy(_ policy: SeverityPolicy, replacing pages: [Page]) -> SeverityPolicy {
        var policy = policy
        for page in pages { policy.files[page.source] = page.frontMatter.lint.isEmpty ? nil : page.frontMatter.lint }
        return policy
    }

    /// All findings about the model (not yet filtered by severity).
    public func check(_ site: Site) -> [Diagnostic] {
        let lists = parallelMap(site.pages) { checkPage($0, in: site) }
        var found = checkSite(site)
        // Sized once: appending page by page doubled the buffer as it grew, and the build holds
        // this array until the end (on the bench corpus, 139,582 findings: 40 MB of buffer for 18 MB
        // of findings, the largest block of the build's peak memory).
        found.reserveCapacity(lists.reduce(found.count) { $0 + $1.count })
        for list in lists { found += list }
        return found
    }

    /// Findings that belong to the site as a whole: scan, parse and resolve, and the registries.
    func checkSite(_ site: Site) -> [Diagnostic] {
        site.loadDiagnostics + RegistryRules.check(site) + TranslationRules.checkSite(site)
    }

    /// Findings about one page's model.
    func checkPage(_ page: Page, in site: Site) -> [Diagnostic] {
        var out: [Diagnostic] = []
        MetadataRules.check(page, in: site, into: &out)
        ReviewRules.check(page, into: &out)
        BodyRules.check(page, in: site, into: &out)
        LanguageRules.check(page, in: site, into: &out)
        TranslationSourceRules.check(page, in: site, into: &out)
        TranslationRules.check(page, in: site, into: &out)
        CrisisNumberRules.check(page, in: site, into: &out)
        return out
    }
}
