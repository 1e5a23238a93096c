import Foundation
import Mustache

/// A theme: Mustache templates and static assets. The default theme is embedded in the binary
/// (from the repository's `Templates/`); a site's own `Templates/` overrides it file by file.
public struct Theme: Sendable {
    public let library: MustacheLibrary
    /// Output path (`/assets/haven.css`) → bytes.
    public let assets: [String: [UInt8]]
    /// The string tables (built in, and the site's `Templates/strings/`), resolved per language by the loader.
    public let strings: StringTables
    /// The site's `alert-<kind>` templates: its markup for callouts, care cards and lists, used
    /// when bodies are parsed (not page templates: they are not in `library`).
    public let alertTemplates: AlertTemplates
    /// The site partials (`site-….mustache`), rendered for a site by `preparing(_:)`.
    let sitePartials: [String]
    /// With the built-in templates only: each template that shows constants, cut at them (name →
    /// pieces), compiled again per place (language, link depth) with the constants written in (`TemplateConstants`).
    let constantSources: [String: [TemplateConstants.Piece]]
    /// Whether every template is the built-in one (the site's `Templates/` holds no `.mustache`
    /// file). Then the library also holds `checkView`.
    let builtIn: Bool
    /// Whether `crisis-notice` and `crisis-resource` are the built-in partials: they read only the
    /// notice and `site`, so `render` shows each distinct notice rendered once.
    let builtInNotice: Bool
    /// Whether `related` and `related-item` are the built-in partials: an item reads only the
    /// linked page's own values, so `linkItem` renders each linked page's item once per link
    /// context and the partial shows that text (`ContextBuilder.relatedLinks(_:from:)`).
    let builtInLinkItem: Bool
    /// After `preparing(_:)`: what site partials and notices are rendered from on a route.
    private var partials: Partials?
    /// After `preparing(_:)`: the rendered notices (with the built-in notice).
    private var notices: SharedMemo<NoticeKey, MustacheLibrary>?
    /// After `preparing(_:)`, with site partials: the library with the site partials rendered, by
    /// `PartialKey` (made when a page first needs it).
    private var prepared: SharedMemo<PartialKey, MustacheLibrary>?
    /// After `preparing(_:)`, with the built-in templates: the library with the constants written
    /// in, by the route's place (`compiled(for:key:context:)`).
    private var compiled: SharedMemo<ContextBuilder.PlaceKey, MustacheLibrary>?

    /// Partials whose name starts with this show only `site`, `links`, `strings` and `nav`, and are rendered
    /// once per build and `PartialKey`.
    static let sitePartialPrefix = "site-"

    /// All that site partials and the built-in notice may show of the route they are on: its
    /// navigation state, and its language and what its links depend on (`ContextBuilder.PlaceKey`).
    /// Routes with equal keys show the same site partials.
    struct PartialKey: Hashable, Sendable {
        var navigation: Navigation
        var place: ContextBuilder.PlaceKey
    }

    /// The context site partials and the built-in notice are rendered from on a route (`site`,
    /// `links`, `nav`), and its key: equal keys must give equal contexts.
    struct Partials: Sendable {
        var key: @Sendable (Route) -> PartialKey
        var context: @Sendable (Route) -> TemplateObject
    }

    /// The part of a built-in page that the rendered-page checks read (`RenderedPageChecks`), in
    /// the order the built-in `clinical` and `page` templates show it: the crisis notice, then the
    /// body, then the disclaimer. Everything else the built-in templates show is escaped text or
    /// links of the site, which cannot hold a crisis resource's link or stand in for the notice,
    /// so the checks find the same on this view as on the whole page (`haven lint` renders it, once
    /// per distinct notice, instead of every page; the test suite compares the two on every
    /// fixture). Registered only with the built-in templates: a site's own templates may show the
    /// notice anywhere, or not at all, and are rendered in full.
    static let checkView = "haven check view"
    static let checkViewSource = """
        {{>crisis-notice}}
        {{{body}}}
        {{#showDisclaimer}}
        {{>disclaimer}}
        {{/showDisclaimer}}
        """

    /// Templates every theme must provide (the default theme provides all of them).
    public static let requiredTemplates = ["layout", "clinical", "page", "list", "home", "get-help", "reviewer",
                                           "reviewers", "404", "search"]

    /// Loads the default theme, then the site's `Templates/` over it.
    public static func load(siteRoot: URL?) throws(HavenError) -> Theme {
        var sources: [String: (text: String, origin: String)] = [:]
        var assets: [String: [UInt8]] = [:]
        for (path, text) in EmbeddedFiles.files where path.hasPrefix("Templates/") {
            let relative = String(path.dropFirst("Templates/".count))
            if relative.hasPrefix("assets/") {
                assets["/" + relative] = Array(text.utf8)
            } else if relative.hasSuffix(".mustache") {
                sources[String(relative.dropLast(".mustache".count))] = (text, "\(path) (built in)")
            }
        }
        var overridden = Set<String>()
        var siteStrings: [String: [String: String]] = [:]
        var alertSources: [String: (text: String, origin: String)] = [:]
        if let siteRoot {
            let folder = siteRoot.appendingPathComponent("Templates")
            for relative in files(under: folder) {
                let url = folder.appendingPathComponent(relative)
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    throw .theme("Templates/\(relative) cannot be read")
                }
                if relative.hasPrefix("assets/") {
                    assets["/" + relative] = [UInt8](data)
                } else if relative.hasPrefix(StringTables.folder + "/"), relative.hasSuffix(".yml") {
                    guard let text = String(data: data, encoding: .utf8) else { throw .theme("Templates/\(relative) is not UTF-8 text") }
                    let id = String(relative.dropFirst(StringTables.folder.count + 1).dropLast(".yml".count))
                    siteStrings[id.lowercased()] = try StringTables.parse(text, file: "Templates/\(relative)")
                } else if relative.hasSuffix(".mustache"), relative.hasPrefix(AlertTemplates.prefix) {
                    guard let text = String(data: data, encoding: .utf8) else { throw .theme("Templates/\(relative) is not UTF-8 text") }
                    alertSources[String(relative.dropLast(".mustache".count))] = (text, "Templates/\(relative)")
                } else if relative.hasSuffix(".mustache") {
                    guard let text = String(data: data, encoding: .utf8) else { throw .theme("Templates/\(relative) is not UTF-8 text") }
                    sources[String(relative.dropLast(".mustache".count))] = (text, "Templates/\(relative)")
                    overridden.insert(String(relative.dropLast(".mustache".count)))
                }
            }
        }
        ThemeContentType.register()
        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            library.register(try ThemeContentType.template(source.text, origin: source.origin), named: name)
        }
        var builtIn = overridden.isEmpty
        if builtIn {
            do { try library.register(ThemeContentType.pragma + checkViewSource, named: checkView) } catch { builtIn = false }
        }
        for name in requiredTemplates where library.getTemplate(named: name) == nil {
            throw .theme("the theme has no '\(name).mustache' template")
        }
        let sitePartials = sources.keys.filter { $0.hasPrefix(sitePartialPrefix) }.sorted()
        let strings = StringTables(builtIn: StringTables.embeddedTables(), site: siteStrings,
                                   templateKeys: (Array(sources.values) + Array(alertSources.values))
                                       .reduce(into: Set<String>()) { $0.formUnion(StringTables.keys(readBy: $1.text)) })
        var builtInLinkItem = false
        if !overridden.contains(relatedPartial), !overridden.contains(linkItemPartial), let item = sources[linkItemPartial] {
            library.register(try ThemeContentType.template(item.text, origin: item.origin), named: linkItemView)
            library.register(try ThemeContentType.template("{{{\(renderedLinkItem)}}}", origin: item.origin), named: linkItemPartial)
            builtInLinkItem = true
        }
        // Not the partials rendered once per key, notice or link anyway (their output replaces them).
        let renderedOnce = Set(sitePartials).union(builtIn ? [noticePartial, resourcePartial] : [])
            .union(builtInLinkItem ? [linkItemPartial] : [])
        let constantSources = builtIn ? sources.filter { !renderedOnce.contains($0.key) }.compactMapValues { TemplateConstants.pieces($0.text) } : [:]
        let alertTemplates = try AlertTemplates.load(alertSources)
        return Theme(library: library, assets: assets, strings: strings, alertTemplates: alertTemplates, sitePartials: sitePartials,
                     constantSources: constantSources, builtIn: builtIn,
                     builtInNotice: !overridden.contains(noticePartial) && !overridden.contains(resourcePartial),
                     builtInLinkItem: builtInLinkItem)
    }

    /// The theme for one build of a site: each site partial (`site-head`, `site-header`,
    /// `site-footer`…) rendered from a context holding only `site`, `links`, `strings` and `nav`, once per
    /// `PartialKey` (navigation state, language, link depth: a handful), and its text put in the
    /// partial's place. Every page shows the same header and footer but for which menu item is
    /// current and where its links lead from, so Mustache works them out a few times instead of once
    /// per page (what Hugo's `partialCached` with a variant does). A site partial cannot show
    /// anything else about the page it is on.
    func preparing(_ partials: Partials) -> Theme {
        var theme = self
        theme.partials = partials
        if builtInNotice { theme.notices = SharedMemo() }
        if !sitePartials.isEmpty || !constantSources.isEmpty { theme.prepared = SharedMemo() }
        if !constantSources.isEmpty { theme.compiled = SharedMemo() }
        return theme
    }

    /// The library for `route`: the built-in templates with the route's constants written in
    /// (`TemplateConstants`), and the site partials rendered (the plain library without either).
    private func library(for route: Route, key: PartialKey) -> MustacheLibrary {
        guard let prepared, let partials else { return library }
        return prepared.value(for: key) {
            var library = compiled(for: route, key: key.place, context: partials.context)
            if !sitePartials.isEmpty {
                let context = partials.context(route)
                for name in sitePartials {
                    Theme.register(self.library.render(context, withTemplate: name) ?? "", as: name, in: &library)
                }
            }
            return library
        }
    }

    /// The library with the built-in templates compiled with the constants of `route` written in,
    /// once per `ContextBuilder.PlaceKey` (language and link depth: what `strings`, `site` and
    /// `links` depend on; Mustache's parser is slow, so not once per menu state as well).
    private func compiled(for route: Route, key: ContextBuilder.PlaceKey, context: (Route) -> TemplateObject) -> MustacheLibrary {
        guard let compiled else { return library }
        return compiled.value(for: key) {
            var library = self.library
            let context = context(route)
            var outputs: [String: String?] = [:]
            func output(_ tag: String) -> String? {
                if let known = outputs[tag] { return known }
                let text = (try? MustacheTemplate(string: ThemeContentType.pragma + tag))?.render(context)
                outputs[tag] = text
                return text
            }
            for (name, pieces) in constantSources {
                if let template = try? MustacheTemplate(string: ThemeContentType.pragma + TemplateConstants.joined(pieces, text: output)) {
                    library.register(template, named: name)
                }
            }
            return library
        }
    }

    /// Puts a partial's rendered text in its place in `library`. (`literalSource` is nil only for a
    /// text holding all 6,400 private-use characters; the partial then stays as it is, rendered on
    /// each page.)
    static func register(_ text: String, as name: String, in library: inout MustacheLibrary) {
        if let source = literalSource(text), let literal = try? MustacheTemplate(string: source) {
            library.register(literal, named: name)
        }
    }

    /// Mustache source that renders exactly `text`: a first line switching to a delimiter made of a
    /// private-use character the text does not contain (a standalone tag: the line leaves nothing
    /// in the output; and swift-mustache stops with "overflow" when the text holds the first
    /// character of a longer delimiter near its end), then the text.
    static func literalSource(_ text: String) -> String? {
        let used = Set(text.unicodeScalars)
        guard let mark = (0xE000...0xF8FF).lazy.compactMap(Unicode.Scalar.init).first(where: { !used.contains($0) }) else {
            return nil
        }
        return "{{=\(mark)( )\(mark)=}}\n" + text
    }

    /// Regular files under a folder (not following symlinks out of it), relative, sorted.
    private static func files(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        let base = folder.resolvingSymlinksInPath().path
        var result: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let real = url.resolvingSymlinksInPath().path
            guard real.hasPrefix(base + "/") else { continue }
            let path = url.standardizedFileURL.path
            let standardBase = folder.standardizedFileURL.path
            guard path.hasPrefix(standardBase + "/") else { continue }
            result.append(String(path.dropFirst(standardBase.count + 1)))
        }
        return result.sorted()
    }

    /// The partial of the content-warning notice.
    static let noticePartial = "crisis-notice"
    /// The partial of one crisis resource in the notice.
    static let resourcePartial = "crisis-resource"
    /// The partial of related pages, and that of one linked page in it.
    static let relatedPartial = "related"
    static let linkItemPartial = "related-item"
    /// With the built-in `related-item`: the built-in item, under a name no theme file can have,
    /// and the key of a link's context holding its text (what `related-item` then shows).
    static let linkItemView = "haven related item"
    static let renderedLinkItem = "havenRenderedItem"

    /// With the built-in `related` and `related-item`: the text of `related-item` for a linked
    /// page's context (`ContextBuilder.relatedLinks(_:from:)`), which `related-item` shows as it is.
    /// A page of a condition lists hundreds of articles, each listed on hundreds of pages: on the
    /// bench corpus a third of all of Mustache's lookups were these items' three values.
    var linkItem: (@Sendable (TemplateObject) -> TemplateText)? {
        guard builtInLinkItem else { return nil }
        let library = library
        return { TemplateText(library.render($0, withTemplate: Theme.linkItemView) ?? "") }
    }

    /// Renders a template for the page or file at `route` (whose `PartialKey` decides the site
    /// partials it shows); a template that renders nothing at all is a theme fault. `notice` is
    /// what the page's notice shows (`context["notice"]`): with the built-in notice partials, the
    /// notice is rendered once per `PartialKey` and distinct notice, from only `site`, `links`,
    /// `strings`, `nav` and `notice`, and its text put in the partial's place, as for site partials (pages
    /// share a handful of notices; a notice with three resources is about forty lookups).
    func render(_ name: String, _ context: TemplateObject, route: Route, notice: NoticeContent? = nil) -> String {
        guard let partials else { return library.render(context, withTemplate: name) ?? "" }
        let key = partials.key(route)
        var library = library(for: route, key: key)
        if let notice, let notices {
            library = notices.value(for: NoticeKey(partials: key, notice: notice)) {
                var noticeContext = partials.context(route)
                noticeContext["notice"] = context["notice"]
                guard let text = library.render(noticeContext, withTemplate: Theme.noticePartial) else { return library }
                var withNotice = library
                Theme.register(text, as: Theme.noticePartial, in: &withNotice)
                return withNotice
            }
        }
        return library.render(context, withTemplate: name) ?? ""
    }
}

/// A page's `PartialKey` and notice: what its library with the notice rendered in depends on.
private struct NoticeKey: Hashable {
    var partials: Theme.PartialKey
    var notice: NoticeContent
}
