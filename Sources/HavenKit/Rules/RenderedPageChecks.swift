/// Checks that need a page's rendered HTML: a theme must not drop the disclaimer or the crisis
/// notice (SPEC §4 `missing-disclaimer`, `missing-crisis-resource`).
enum RenderedPageChecks {
    /// `body` is the page's body HTML when the caller has it at hand.
    static func check(_ page: Page, html: String, body: String? = nil, in site: Site) -> [Diagnostic] {
        let bodyHTML = body ?? page.bodyHTML
        var out: [Diagnostic] = []
        let at = SourceLocation(file: page.source)
        if page.isClinical, page.frontMatter.disclaimer?.value != false {
            if !ByteSearch.contains(HTMLEscape.text(site.config.disclaimer), in: html) {
                out.append(Diagnostic(.missingDisclaimer, at: at,
                                      "the rendered page does not contain the site disclaimer: the theme's template dropped it"))
            }
        }
        let resources = site.crisisResources(for: page)
        if !resources.isEmpty {
            let hrefs = resources.flatMap { [$0.telURI, $0.smsURI, $0.url].compactMap { $0 } }.map { "href=\"\(HTMLEscape.attribute($0))\"" }
            // Where the article body starts in the page; the notice must come before it.
            let bodyStart = bodyHTML.isEmpty ? nil : ByteSearch.offset(of: String(bodyHTML.prefix(256)), in: html)
            let limit = bodyStart ?? html.utf8.count
            if !hrefs.contains(where: { (ByteSearch.offset(of: $0, in: html) ?? Int.max) < limit }) {
                let where_ = page.frontMatter.contentWarnings.first?.location ?? page.frontMatter.crisisResources.first?.location ?? at
                out.append(Diagnostic(.missingCrisisResource, at: where_,
                                      "the rendered page shows none of its crisis resources (\(resources.map(\.name).joined(separator: ", "))) before the article body: the theme dropped the crisis notice"))
            }
        }
        return out
    }
}
