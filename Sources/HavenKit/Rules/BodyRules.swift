/// Rules over a page's Markdown body: links and fragments, images, raw HTML, and crisis help on
/// pages that speak of suicide or self-harm.
enum BodyRules {
    static func check(_ page: Page, in site: Site, into out: inout [Diagnostic]) {
        for link in page.body.links {
            let what = link.isImage ? "image" : "link"
            switch link.target.kind {
            case .broken(let reason):
                out.append(Diagnostic(.brokenLink, at: link.location, "broken \(what): \(reason)"))
            case .page(let path):
                if let fragment = link.target.fragment, !fragment.isEmpty, let target = site.page(at: path),
                   !hasAnchor(fragment, in: target) {
                    out.append(Diagnostic(.brokenLink, at: link.location,
                                          "broken \(what): \(target.source) has no heading with the id '#\(fragment)'\(suggestion(fragment, target))",
                                          suggestions: fix(fragment, target, link), related: SourceLocation(file: target.source)))
                }
            case .samePage:
                if let fragment = link.target.fragment, !fragment.isEmpty, !hasAnchor(fragment, in: page) {
                    out.append(Diagnostic(.brokenLink, at: link.location,
                                          "broken \(what): this page has no heading with the id '#\(fragment)'\(suggestion(fragment, page))",
                                          suggestions: fix(fragment, page, link)))
                }
            case .external where link.isImage && !link.destination.lowercased().hasPrefix("data:image/"):
                out.append(Diagnostic(.brokenLink, at: link.location,
                                      "image '\(link.destination)' is on another host: copy it into Content/media/ (pages load nothing from other hosts)"))
            case .generated, .file, .external:
                break
            }
            if link.isImage && link.text.isEmpty {
                out.append(Diagnostic(.missingAlt, at: link.location, "image '\(link.destination)' has no alt text: write ![what it shows](\(link.destination))"))
            }
        }
        for at in page.body.rawHTML {
            out.append(Diagnostic(.rawHTML, at: at, "raw HTML is not rendered (it is removed for safety); write it in Markdown"))
        }

        // A page that speaks of suicide or self-harm, or carries warnings, must offer crisis help.
        if site.crisisResources(for: page).isEmpty {
            if let first = page.frontMatter.contentWarnings.first,
               page.frontMatter.contentWarnings.allSatisfy({ site.registries.contentWarnings[$0.value] != nil }) {
                let region = site.language(of: page).region
                let message = site.namedCrisisResources(for: page).isEmpty
                    ? "the page has content warnings but they name no crisis resource; add `crisis_resources:` or resources to the warning"
                    : "none of the crisis resources this page's warnings name serves region \(region), the region of its language (\(site.language(of: page).id)); add one of that region to the warning or `crisis_resources:`"
                out.append(Diagnostic(.missingCrisisResource, at: first.location, message))
            } else if page.frontMatter.contentWarnings.isEmpty,
                      let mention = page.body.prose.suicideMention {
                out.append(Diagnostic(.missingCrisisResource, at: mention,
                                      "the page speaks of suicide or self-harm but shows no crisis resource; add `content_warnings: [suicide]` (or `self-harm`) or `crisis_resources:`"))
            }
        }
    }

    static func hasAnchor(_ fragment: String, in page: Page) -> Bool {
        if page.body.headings.contains(where: { $0.id == fragment }) { return true }
        // cmark-gfm's footnote anchors.
        return page.body.hasFootnotes && (fragment.hasPrefix("fn-") || fragment.hasPrefix("fnref-"))
    }

    /// The did-you-mean heading id as a fix of the link's `#fragment` (written after the link's start).
    private static func fix(_ fragment: String, _ page: Page, _ link: BodyAnalysis.Link) -> [Suggestion] {
        Suggestion.didYouMean("#" + fragment, at: link.location, Suggest.closest(to: fragment, in: page.body.headings.map(\.id)).map { "#" + $0 })
    }

    private static func suggestion(_ fragment: String, _ page: Page) -> String {
        Suggest.hint(for: fragment, in: page.body.headings.map(\.id), prefix: "#")
    }
}
