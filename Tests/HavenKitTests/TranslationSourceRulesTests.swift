import Foundation
import Testing
@testable import HavenKit

/// `translation-outdated` and `link-to-other-language`, and what a translation tells its readers.
@Suite struct TranslationSourceRulesTests {
    static let config = TranslationScaffoldTests.config

    static func page(_ title: String, updated: String, extra: String = "", body: String = TestSite.body) -> String {
        """
        ---
        title: \(title)
        description: A page.
        author: Editorial team
        reviewer: dana-reyes
        reviewed: 2026-10-01
        updated: \(updated)
        \(extra)
        ---

        \(body)
        """
    }

    static func findings(_ files: [String: String]) throws -> [Diagnostic] {
        let site = try TestSite(files: files, config: config)
        defer { site.remove() }
        return try site.lint().diagnostics.filter { [.translationOutdated, .linkToOtherLanguage, .translationType].contains($0.rule) }
    }

    @Test func aTranslationFollowingTheSourcesUpdateIsClean() throws {
        let found = try Self.findings([
            "Content/conditions/x.md": Self.page("X", updated: "2026-10-15"),
            "Content/conditions/x.es.md": Self.page("X es", updated: "2026-10-20", extra: "source_updated: 2026-10-15"),
        ])
        #expect(found.isEmpty, "\(found)")
    }

    @Test func aSourceUpdatedLaterIsOutdatedAtTheKey() throws {
        let found = try Self.findings([
            "Content/conditions/x.md": Self.page("X", updated: "2026-10-15"),
            "Content/conditions/x.es.md": Self.page("X es", updated: "2026-10-20", extra: "source_updated: 2026-09-01"),
        ])
        #expect(found.map(\.rule) == [.translationOutdated])
        #expect(found.first?.file == "Content/conditions/x.es.md")
        #expect(found.first?.line == 8)
        #expect(found.first?.column == 17)
    }

    @Test func aClinicalTranslationWithoutSourceUpdatedIsOutdated() throws {
        let found = try Self.findings([
            "Content/conditions/x.md": Self.page("X", updated: "2026-10-15"),
            "Content/conditions/x.es.md": Self.page("X es", updated: "2026-10-20"),
        ])
        #expect(found.map(\.rule) == [.translationOutdated])
        #expect(found.first?.message.contains("source_updated") == true)
    }

    @Test func aTranslationOfAnotherTypeIsReportedAtItsTypeKey() throws {
        let found = try Self.findings([
            "Content/conditions/x.md": Self.page("X", updated: "2026-10-15"),
            "Content/conditions/x.es.md": Self.page("X es", updated: "2026-10-20", extra: "source_updated: 2026-10-15\ntype: article"),
        ])
        #expect(found.map(\.rule) == [.translationType])
        #expect(found.first?.file == "Content/conditions/x.es.md")
        #expect(found.first?.line == 9)
        #expect(found.first?.column == 7)
        #expect(found.first?.severity == .error)
    }

    @Test func aSourceWithATypeItsTranslationLacksIsReported() throws {
        let found = try Self.findings([
            "Content/conditions/x.md": Self.page("X", updated: "2026-10-15", extra: "type: article"),
            "Content/conditions/x.es.md": Self.page("X es", updated: "2026-10-20", extra: "source_updated: 2026-10-15"),
        ])
        #expect(found.map(\.rule) == [.translationType])
        #expect(found.first?.file == "Content/conditions/x.es.md")
        // The fix is in the source or a `type:` added here: this file has no `type:` to remove.
        #expect(found.first?.message.contains("add `type: article` here (the source sets it at line 8), or remove it from the source") == true)
    }

    @Test func aTranslationWhoseSourceWasRenamedIsReported() throws {
        let found = try Self.findings([
            "Content/conditions/renamed.md": Self.page("X", updated: "2026-10-15"),
            "Content/conditions/x.es.md": Self.page("X es", updated: "2026-10-20", extra: "source_updated: 2026-10-15"),
        ])
        #expect(found.map(\.rule) == [.translationOutdated])
        #expect(found.first?.message.contains("Content/conditions/x.md does not exist") == true)
    }

    @Test func aLinkToTheDefaultPageIsReportedOnlyWhenATranslationExists() throws {
        let found = try Self.findings([
            "Content/conditions/x.md": Self.page("X", updated: "2026-10-15"),
            "Content/conditions/x.es.md": Self.page("X es", updated: "2026-10-20", extra: "source_updated: 2026-10-15"),
            "Content/conditions/y.md": Self.page("Y", updated: "2026-10-15"),
            "Content/conditions/z.es.md": Self.page("Z es", updated: "2026-10-20",
                                                    body: "Lee [X](x.md) y [Y](y.md). Y [X en español](x.es.md).\n"),
        ])
        #expect(found.map(\.rule) == [.linkToOtherLanguage])
        #expect(found.first?.message.contains("link to x.es.md instead") == true)
    }

    @Test func theTranslationSaysWhichVersionItFollowsAndWhenItFellBehind() throws {
        let site = try TestSite(files: [
            "Content/conditions/x.md": Self.page("X", updated: "2026-10-15"),
            "Content/conditions/x.es.md": Self.page("X es", updated: "2026-10-20", extra: "source_updated: 2026-09-01\ntranslator: Alex Rivera"),
            "Content/conditions/y.md": Self.page("Y", updated: "2026-10-15"),
            "Content/conditions/y.es.md": Self.page("Y es", updated: "2026-10-20", extra: "source_updated: 2026-10-15"),
            // Crisis help with no Spanish text would stop the build (missing-translation).
            "Content/_data/crisis-resources.yml": "", "Content/_data/content-warnings.yml": "",
        ], config: Self.config)
        defer { site.remove() }
        let output = site.root.appendingPathComponent("Public")
        let result = try site.build(output: output)
        #expect(result.wrote, "\(result.diagnostics)")
        let x = try String(contentsOf: output.appendingPathComponent("es/conditions/x/index.html"), encoding: .utf8)
        #expect(x.contains("Traducido de la <a href=\"../../../conditions/x/index.html\" hreflang=\"en-US\">página en inglés</a> actualizada el <time datetime=\"2026-09-01\">1 de septiembre de 2026</time>."))
        #expect(x.contains("Traducido por Alex Rivera") || x.contains("Traducción: Alex Rivera"))
        #expect(x.contains("class=\"translation-outdated\""))
        let notice = try #require(x.range(of: "class=\"translation-outdated\""))
        let body = try #require(x.range(of: "<div class=\"body\">"))
        #expect(notice.lowerBound < body.lowerBound, "the notice comes before the body")
        let y = try String(contentsOf: output.appendingPathComponent("es/conditions/y/index.html"), encoding: .utf8)
        #expect(y.contains("class=\"translation-of\""))
        #expect(!y.contains("class=\"translation-outdated\""))
        let source = try String(contentsOf: output.appendingPathComponent("conditions/x/index.html"), encoding: .utf8)
        #expect(!source.contains("translation-of") && !source.contains("translation-outdated"))
    }

    @Test func relativePathsAreWhatEditorsWrite() {
        #expect(TranslationSourceRules.relativePath(from: "Content/articles/a.es.md", to: "Content/conditions/x.es.md") == "../conditions/x.es.md")
        #expect(TranslationSourceRules.relativePath(from: "Content/conditions/z.es.md", to: "Content/conditions/x.es.md") == "x.es.md")
        #expect(TranslationSourceRules.relativePath(from: "Content/articles/sub/a.md", to: "Content/articles/b.es.md") == "../b.es.md")
    }
}
