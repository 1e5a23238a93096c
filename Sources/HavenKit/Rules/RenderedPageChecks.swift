/// Checks that need a page's rendered HTML: a theme must not drop the disclaimer or the crisis
/// notice (SPEC §4 `missing-disclaimer`, `missing-crisis-resource`).
enum RenderedPageChecks {
    /// What `haven lint` renders where a page's body goes (it publishes nothing, so it does not
    /// turn bodies into HTML). The checks below look only at what the theme puts around the body,
    /// so they find the same with the body or with this.
    static let bodyPlaceholder = "<!-- haven: the page body -->"

    /// `body` is the page's body HTML when the caller has it at hand.
    static func check(_ page: Page, html: String, body: String? = nil, in site: Site) -> [Diagnostic] {
        let bodyHTML = body ?? page.bodyHTML
        var out: [Diagnostic] = []
        let at = SourceLocation(file: page.source)
        // Where the body is in the page (when the theme shows it as it is).
        let bodyStart = bodyHTML.isEmpty ? nil : ByteSearch.offset(of: String(bodyHTML.prefix(256)), in: html)
        let bodyEnd = bodyStart.map { $0 + bodyHTML.utf8.count }
        if page.isClinical, page.showsDisclaimer {
            // The theme must show it: the body quoting the disclaimer does not count.
            let disclaimer = HTMLEscape.text(site.language(of: page).disclaimer)
            let first = ByteSearch.offset(of: disclaimer, in: html)
            let shown = first.map { first in
                guard let bodyStart, let bodyEnd, first >= bodyStart, first < bodyEnd else { return true }
                return ByteSearch.offset(of: disclaimer, in: html, from: bodyEnd) != nil
            } ?? false
            if !shown {
                out.append(Diagnostic(.missingDisclaimer, at: at,
                                      "the rendered page does not contain the site disclaimer: the theme's template dropped it"))
            }
        }
        let resources = site.crisisResources(for: page)
        if !resources.isEmpty {
            let hrefs = resources.flatMap { [$0.telURI, $0.smsURI, $0.url].compactMap { $0 } }.map { "href=\"\(HTMLEscape.attribute($0))\"" }
            // The notice must come before the body.
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
