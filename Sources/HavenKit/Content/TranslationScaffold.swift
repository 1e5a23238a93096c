import Foundation

/// The file `haven new TYPE "Title" --lang ID` writes: a translation of an existing page, beside
/// it (`depression.md` → `depression.es.md`), with the keys a translation needs. The taxonomy and
/// safety ids (`modalities`, `conditions`, `content_warnings`, `crisis_resources`) are copied, as
/// they name the same things in every language; `source_updated` is the source's `updated`; the
/// texts to translate and the translation's own review keys are left for the translator and the
/// reviewer, so `haven lint` lists them until they are filled in.
public struct TranslationScaffold: Sendable {
    /// The source page, relative to the site root (`Content/conditions/depression.md`).
    public let source: String
    /// The translation's path, relative to the site root.
    public let relativePath: String
    public let contents: String

    /// Finds the default-language page of `type` whose title or file name is `title` and makes its
    /// translation into `language`. Exit 2 (`HavenError`) when the language is not a further
    /// language of `haven.yml`, when no page or several pages match, or when the translation exists.
    public static func make(siteRoot: URL, type: PageType, title: String, language: String,
                            today: CalendarDate) throws(HavenError) -> TranslationScaffold {
        let settings = try SiteLoader.loadSettings(root: siteRoot, options: LoadOptions(today: today))
        let declared = settings.config.languages
        guard let target = declared.first(where: { $0.id == language.lowercased() }), !target.isDefault else {
            let further = declared.filter { !$0.isDefault }.map(\.id)
            let listed = further.isEmpty ? "haven.yml declares no further languages (`languages:`)"
                                         : "haven.yml declares \(further.joined(separator: ", "))"
            if declared.contains(where: { $0.id == language.lowercased() }) {
                throw .site("'\(language)' is the default language; a translation is into another language (\(listed))")
            }
            throw .site("'\(language)' is not a language of this site: \(listed)")
        }
        let wanted = PageScaffold(type: type, title: title, today: today).slug
        let section = "Content/\(type.section ?? "pages")/"
        let languages = SiteLanguages(config: settings.config)
        var matches: [PageHead] = []
        // Default-language pages only, placed the way the build places them (`Routes.page`).
        for path in SiteScanner.scan(root: siteRoot).markdown
        where path.hasPrefix(section) && Routes.page(path, slug: nil, in: languages).route.language == languages.defaultID {
            let head = PageHead.read(source: path, root: siteRoot.path, languages: languages)
            guard head.type == type else { continue }
            let fileSlug = String((path.split(separator: "/").last ?? "").dropLast(3))
            if head.slug == wanted || fileSlug == wanted
                || head.matter.title.map({ $0.value.compare(title, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame }) == true {
                matches.append(head)
            }
        }
        guard matches.count == 1, let head = matches.first else {
            if matches.isEmpty { throw .site("no \(type.rawValue) titled '\(title)' in \(section) to translate") }
            throw .site("several pages match '\(title)': \(matches.map(\.source).joined(separator: ", ")); give the exact title")
        }
        let path = String(head.source.dropLast(3)) + ".\(target.id).md"
        guard !FileManager.default.fileExists(atPath: siteRoot.appendingPathComponent(path).path) else {
            throw .site("\(path) already exists")
        }
        return TranslationScaffold(source: head.source, relativePath: path,
                                   contents: contents(of: head, language: target, today: today))
    }

    static func contents(of source: PageHead, language: SiteLanguage, today: CalendarDate) -> String {
        let matter = source.matter
        func quoted(_ text: String) -> String { JSONValue.string(text).serialized() }
        func ids(_ list: [Located<String>]) -> String { "[" + list.map(\.value).joined(separator: ", ") + "]" }
        var lines = ["---", "title: \(quoted(matter.title?.value ?? ""))    # translate the title"]
        if source.type.isClinical {
            lines += [
                "description: \"\"        # one plain sentence in \(language.id): listings, search and the feed",
                "author: \"\"             # who wrote this translation's text",
                "translator: \"\"         # who translated it (shown as \"Translated by\")",
                "reviewer: \"\"           # who reviewed the translation: an id from Content/_data/reviewers.yml",
                "reviewed: \(today)      # date of this translation's medical review",
                "updated: \(today)       # date of this translation's last content change",
            ]
        } else {
            lines.append("translator: \"\"         # who translated it")
        }
        if let updated = matter.updated?.value {
            lines.append("source_updated: \(updated)   # the `updated` of \(source.source) that this translation follows")
        }
        if !matter.modalities.isEmpty { lines.append("modalities: \(ids(matter.modalities))") }
        if !matter.conditions.isEmpty { lines.append("conditions: \(ids(matter.conditions))") }
        if !matter.contentWarnings.isEmpty { lines.append("content_warnings: \(ids(matter.contentWarnings))") }
        if !matter.crisisResources.isEmpty { lines.append("crisis_resources: \(ids(matter.crisisResources))") }
        if let slug = matter.slug?.value { lines.append("slug: \(quoted(slug))    # the URL segment; translate it if you like") }
        lines += ["---", "", "Translate \(source.source) here.", ""]
        return lines.joined(separator: "\n")
    }
}
