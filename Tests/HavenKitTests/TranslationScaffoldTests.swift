import Foundation
import Testing
@testable import HavenKit

/// `haven new TYPE "Title" --lang ID`: the translation of an existing page, beside it.
@Suite struct TranslationScaffoldTests {
    static let config = TestSite.config + """
    languages:
      es:
        tag: es-US
        disclaimer: "Información general, no consejo médico."

    """

    static let source = """
    ---
    title: Depression
    description: A common condition.
    author: Editorial team
    reviewer: dana-reyes
    reviewed: 2026-10-01
    updated: 2026-10-15
    modalities: [cbt]
    content_warnings: [suicide]
    ---

    Body.
    """

    @Test func scaffoldsBesideTheSourceWithSourceUpdatedAndTheSameIDs() throws {
        let site = try TestSite(files: ["Content/conditions/depression.md": Self.source], config: Self.config)
        defer { site.remove() }
        let today = try #require(CalendarDate(iso: "2026-12-01"))
        let made = try TranslationScaffold.make(siteRoot: site.root, type: .condition, title: "depression", language: "es", today: today)
        #expect(made.source == "Content/conditions/depression.md")
        #expect(made.relativePath == "Content/conditions/depression.es.md")
        #expect(made.contents.contains("source_updated: 2026-10-15"))
        #expect(made.contents.contains("modalities: [cbt]"))
        #expect(made.contents.contains("content_warnings: [suicide]"))
        #expect(made.contents.contains("reviewed: 2026-12-01"))
        #expect(made.contents.contains("translator: \"\""))
        // The scaffold is a page with every key a translation needs (the translator fills in the rest).
        var head = PageHead.parse(source: made.relativePath, bytes: Array(made.contents.utf8),
                                  languages: SiteLanguages(config: try SiteConfig.parse(Self.config)))
        head.diagnostics.removeAll { $0.rule == .missingTranslation }
        #expect(head.diagnostics.isEmpty, "\(head.diagnostics)")
    }

    @Test func refusesUnknownLanguagesTheDefaultLanguageMissingPagesAndExistingFiles() throws {
        let site = try TestSite(files: ["Content/conditions/depression.md": Self.source,
                                        "Content/conditions/other.md": Self.source.replacingOccurrences(of: "Depression", with: "Other"),
                                        "Content/conditions/other.es.md": Self.source], config: Self.config)
        defer { site.remove() }
        let today = try #require(CalendarDate(iso: "2026-12-01"))
        #expect(throws: HavenError.self) { try TranslationScaffold.make(siteRoot: site.root, type: .condition, title: "Depression", language: "fr", today: today) }
        #expect(throws: HavenError.self) { try TranslationScaffold.make(siteRoot: site.root, type: .condition, title: "Depression", language: "en", today: today) }
        #expect(throws: HavenError.self) { try TranslationScaffold.make(siteRoot: site.root, type: .condition, title: "Nothing", language: "es", today: today) }
        #expect(throws: HavenError.self) { try TranslationScaffold.make(siteRoot: site.root, type: .modality, title: "Depression", language: "es", today: today) }
        #expect(throws: HavenError.self) { try TranslationScaffold.make(siteRoot: site.root, type: .condition, title: "Other", language: "es", today: today) }
    }
}
