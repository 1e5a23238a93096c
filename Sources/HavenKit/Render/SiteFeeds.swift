/// The machine-read files: sitemap, Atom feed, robots.txt and the search index.
enum SiteFeeds {
    /// The date a page last changed: `updated`, else `reviewed`, else `published` (parsed once, by `Page`).
    static func lastModified(_ page: Page) -> CalendarDate? { page.lastModified }

    /// The sitemap: every page and every generated HTML page (`generated`, with its `lastmod`); on
    /// a site with several languages each URL lists its versions as `xhtml:link` alternates.
    static func sitemap(_ site: Site, generated: [(route: Route, lastmod: CalendarDate?)], fallback: CalendarDate?) -> String {
        var entries: [(route: Route, lastmod: CalendarDate?, page: Page?)] = site.pages.map { ($0.route, lastModified($0) ?? fallback, $0) }
        entries += generated.map { ($0.route, $0.lastmod, nil) }
        entries.sort { $0.route.path < $1.route.path }
        let multilingual = site.routes.languages.ids.count > 1
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
        out += multilingual ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n" : ">\n"
        for (route, lastmod, page) in entries {
            out += "  <url>\n    <loc>\(HTMLEscape.text(site.absoluteURL(route)))</loc>\n"
            if let lastmod { out += "    <lastmod>\(lastmod)</lastmod>\n" }
            if multilingual {
                for (hreflang, url) in LanguageLinks(for: route, page: page, in: site).alternates(in: site) {
                    out += "    <xhtml:link rel=\"alternate\" hreflang=\"\(HTMLEscape.text(hreflang))\" href=\"\(HTMLEscape.text(url))\"/>\n"
                }
            }
            out += "  </url>\n"
        }
        return out + "</urlset>\n"
    }

    /// The Atom feed at `route`: the clinical pages, newest first.
    static func atom(_ site: Site, route: Route) -> String {
        let entries = site.pages.filter { $0.isClinical && $0.language == route.language }.sorted {
            let a = lastModified($0), b = lastModified($1)
            if a != b { return (a ?? .distantPast) > (b ?? .distantPast) }
            return $0.path < $1.path
        }
        let newest = entries.compactMap(lastModified).max() ?? site.today
        let language = site.language(id: route.language)
        func esc(_ s: String) -> String { HTMLEscape.text(s) }
        var out = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(esc(language.tag))">
          <title>\(esc(language.title))</title>
          <id>\(esc(site.absoluteURL(site.routes.home(route.language))))</id>
          <link rel="self" href="\(esc(site.absoluteURL(route)))"/>
          <link rel="alternate" type="text/html" href="\(esc(site.absoluteURL(site.routes.home(route.language))))"/>
          <updated>\(newest.rfc3339)</updated>
          <author><name>\(esc(language.title))</name></author>

        """
        for page in entries {
            // Kept on the page in `haven serve`: a rebuild that replaces one page makes one entry again.
            let key = site.config.baseURL + (lastModified(page) == nil ? " " + newest.rfc3339 : "")
            out += site.memoized(page, .atomEntry, key: key) { atomEntry(page, in: site, newest: newest) }
        }
        return out + "</feed>\n"
    }

    /// One page's `<entry>` in the Atom feed.
    static func atomEntry(_ page: Page, in site: Site, newest: CalendarDate) -> String {
        func esc(_ s: String) -> String { HTMLEscape.text(s) }
        let url = site.absoluteURL(page.route)
        var out = "  <entry>\n"
        out += "    <title>\(esc(page.title))</title>\n"
        out += "    <id>\(esc(url))</id>\n"
        out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(esc(url))\"/>\n"
        out += "    <updated>\((lastModified(page) ?? newest).rfc3339)</updated>\n"
        if let published = page.frontMatter.publishedDate { out += "    <published>\(published.rfc3339)</published>\n" }
        if let author = page.frontMatter.author?.value { out += "    <author><name>\(esc(author))</name></author>\n" }
        if let description = page.description { out += "    <summary>\(esc(description))</summary>\n" }
        return out + "  </entry>\n"
    }

    static func robots(_ site: Site) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(site.absoluteURL(site.routes.sitemap))\n"
    }

    /// The search index: one entry per page, read by `assets/search.js` in the reader's browser.
    /// Written as `JSONValue` would write `{"pages": [entries…], "synonyms": […]}`, with each page's
    /// entry kept on the page in `haven serve` (a rebuild that replaces one page serializes one entry again).
    /// The search index of a language, read from its search page (whose links its URLs are).
    static func searchIndex(_ site: Site, language: String) -> String {
        let search = site.routes.search(language)
        let key = site.routes.linkKey(from: search).description
        let entries = site.pages.filter { $0.language == language }.map { page in
            // The entry shows the titles of the terms the page names, which are other pages': kept with them.
            let terms = termTitles(of: page, in: site)
            return site.memoized(page, .searchEntry, key: key + "\u{0}" + terms) { searchEntry(page, in: site, from: search, terms: terms).serialized() }
        }
        let synonyms = JSONValue.array(SearchSynonyms.groups.map { .array($0.map(JSONValue.string)) }).serialized()
        // Written into one buffer of its final size: joining the entries and then adding the ends
        // made three copies of the index (15 MB on the 10,000-page bench corpus), at the build's
        // peak of memory.
        var json = "{\"pages\":["
        json.reserveCapacity(entries.reduce(json.utf8.count + synonyms.utf8.count + 16) { $0 + $1.utf8.count + 1 })
        for (index, entry) in entries.enumerated() {
            if index > 0 { json += "," }
            json += entry
        }
        json += "],\"synonyms\":"
        json += synonyms
        json += "}\n"
        return json
    }

    /// The search index as a script for search opened from disk (`file://`), where `fetch` cannot
    /// read `search-index.json`: `window.HAVEN_SEARCH_INDEX = <the same JSON>;`. JSON is a valid
    /// JavaScript expression (U+2028 and U+2029 too, since ES2019), and the file is loaded by a
    /// `<script src>` from the site itself, so no value can break out of it.
    /// `json`: the index as `searchIndex(_:language:)` writes it.
    static func searchIndexScript(json: String) -> String {
        var script = "window.HAVEN_SEARCH_INDEX = "
        script.reserveCapacity(script.utf8.count + json.utf8.count + 2)
        // (Cut at the last index: `dropLast()` here walked the whole index, 0.2% of a build.)
        script += json.hasSuffix("\n") ? json[..<json.index(before: json.endIndex)] : Substring(json)
        script += ";\n"
        return script
    }

    /// One page's entry in the search index read on `search` (the search page); `terms`: `termTitles(of:in:)`.
    static func searchEntry(_ page: Page, in site: Site, from search: Route, terms: String) -> JSONValue {
        let headings = page.body.headings.map(\.text).joined(separator: " ")
        return .object([
            ("title", .string(page.title)),
            ("url", .string(site.href(to: page.route, from: search))),
            ("type", .string(page.type.rawValue)),
            ("description", page.description.map(JSONValue.string)),
            // The key points, as the summary search shows and matches.
            ("summary", page.frontMatter.keyPoints.isEmpty ? nil : .string(page.frontMatter.keyPoints.map(\.value).joined(separator: " "))),
            ("keywords", .string([headings, terms].filter { !$0.isEmpty }.joined(separator: " "))),
        ])
    }

    /// The terms a page names, by their titles in the page's language (a term with no translation
    /// into it: by its own page's title), not by the slugs the front matter uses: search keywords.
    static func termTitles(of page: Page, in site: Site) -> String {
        let fm = page.frontMatter
        return (fm.modalities.map { (PageType.modality, $0.value) } + fm.conditions.map { (PageType.condition, $0.value) })
            .map { type, slug in site.term(type, slug, in: page.language)?.title ?? slug }
            .joined(separator: " ")
    }
}
