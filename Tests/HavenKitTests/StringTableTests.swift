import Foundation
import Testing
@testable import HavenKit

/// The string tables: every word readers see comes from `Templates/strings/<id>.yml`.
@Suite struct StringTableTests {
    @Test func builtInEnglishHasEveryKeySwiftReads() throws {
        var tables = StringTables(builtIn: StringTables.embeddedTables(), site: [:], templateKeys: [])
        try tables.resolve(languages: ["en"])
        let en = tables.table("en")
        for key in StringKey.allCases { #expect(en.texts[key.rawValue] != nil, "en.yml lacks \(key.rawValue)") }
    }

    @Test func builtInEnglishHasEveryKeyTheBuiltInTemplatesRead() throws {
        let theme = try Theme.load(siteRoot: nil)
        let en = Set((StringTables.embeddedTables()["en"] ?? [:]).keys)
        #expect(theme.strings.requiredKeys == en, "templates read keys en.yml lacks: \(theme.strings.requiredKeys.subtracting(en).sorted())")
    }

    @Test func everyBuiltInTableHasTheKeysOfEnglish() {
        let tables = StringTables.embeddedTables()
        let en = Set((tables["en"] ?? [:]).keys)
        for (id, table) in tables where id != "en" {
            if id.contains("-") {
                // A regional table (en-gb) holds only what differs from its primary subtag's.
                #expect(Set(table.keys).isSubset(of: en), "\(id): extra \(Set(table.keys).subtracting(en).sorted())")
            } else {
                #expect(Set(table.keys) == en, "\(id): missing \(en.subtracting(table.keys).sorted()), extra \(Set(table.keys).subtracting(en).sorted())")
            }
        }
    }

    /// British English is built in: its switcher name and day-first dates, for an `en-gb` language
    /// and for a default language tagged en-GB (id `en`), under the site's own file for it.
    @Test func britishEnglishIsBuiltInForARegionalLanguageAndADefaultTaggedEnGB() throws {
        func language(_ id: String, _ tag: String, isDefault: Bool) -> SiteLanguage {
            SiteLanguage(id: id, tag: tag, region: "GB", title: "T", disclaimer: "D", readingGradeMax: 9, readingEaseMin: 60,
                         isDefault: isDefault, readsPlainText: true)
        }
        var tables = StringTables(builtIn: StringTables.embeddedTables(), site: [:], templateKeys: [])
        try tables.resolve([language("en", "en-US", isDefault: true), language("en-gb", "en-GB", isDefault: false)])
        #expect(tables.table("en-gb").texts["language_name"] == "English (UK)")
        #expect(tables.table("en-gb").texts["date_format"] == "{day} {month} {year}")
        #expect(tables.table("en").texts["date_format"] == "{month} {day}, {year}")

        var british = StringTables(builtIn: StringTables.embeddedTables(), site: ["en": ["date_format": "{day}/{month}/{year}"]], templateKeys: [])
        try british.resolve([language("en", "en-GB", isDefault: true)])
        #expect(british.table("en").texts["language_name"] == "English (UK)")
        #expect(british.table("en").texts["date_format"] == "{day}/{month}/{year}", "the site's own en.yml comes last")
    }

    @Test func aRegionalTableIsCompletedFromItsPrimarySubtag() throws {
        var tables = StringTables(builtIn: ["en": ["get_help_now": "Get help now", "feed": "Feed"]],
                                  site: ["en-gb": ["get_help_now": "Get help now, UK"]], templateKeys: [])
        try tables.resolve(languages: ["en", "en-gb"])
        #expect(tables.table("en-gb").texts == ["get_help_now": "Get help now, UK", "feed": "Feed"])
        #expect(tables.table("en").texts["get_help_now"] == "Get help now")
    }

    @Test func aSiteTableOverridesKeyByKey() throws {
        var tables = StringTables(builtIn: ["en": ["a": "built in", "b": "kept"]], site: ["en": ["a": "the site's"]], templateKeys: [])
        try tables.resolve(languages: ["en"])
        #expect(tables.table("en").texts == ["a": "the site's", "b": "kept"])
    }

    @Test func aLanguageLeftWithoutAKeyStopsHavenNamingLanguageAndKey() {
        var tables = StringTables(builtIn: ["en": ["get_help_now": "Get help now"]], site: ["cy": [:]], templateKeys: ["custom_word"])
        do {
            try tables.resolve(languages: ["cy"])
            Issue.record("resolve should have thrown")
        } catch let error as HavenError {
            #expect(error.description.contains("'cy'"))
            #expect(error.description.contains("custom_word: …") && error.description.contains("get_help_now: \"Get help now\""))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// A new language lacking many keys is told all of them in one run, with the English text,
    /// as lines to paste into its table.
    @Test func aLanguageLackingManyKeysIsToldThemAllWithTheEnglish() {
        var tables = StringTables(builtIn: ["en": ["get_help_now": "Get help now", "title_separator": " · ", "feed": "Feed"]],
                                  site: ["cy": ["feed": "Ffrwd"]], templateKeys: [])
        do {
            try tables.resolve(languages: ["cy"])
            Issue.record("resolve should have thrown")
        } catch let error as HavenError {
            #expect(error.description.contains("language 'cy' has no text for 2 keys"))
            #expect(error.description.contains("\n  get_help_now: \"Get help now\"\n  title_separator: \" · \""))
            #expect(!error.description.contains("feed:"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func placeholdersAreFilledOnceInOnePass() {
        #expect(StringTable.fill("Text {keyword} to {number}", ["keyword": "{number}", "number": "988"]) == "Text {number} to 988")
        #expect(StringTable.fill("{unknown} stays, { lone", [:]) == "{unknown} stays, { lone")
    }

    @Test func listsAndDatesFollowTheTable() throws {
        let es = StringTable(language: "es", texts: ["list_and": "y", "date_format": "{day} de {month} de {year}", "month_9": "septiembre"])
        #expect(es.list(["suicidio", "autolesiones", "abuso"]) == "suicidio, autolesiones y abuso")
        #expect(es.date(try #require(CalendarDate(iso: "2026-09-22"))) == "22 de septiembre de 2026")
        let en = StringTables.builtInOnly.table("en")
        #expect(en.date(try #require(CalendarDate(iso: "2026-09-22"))) == "September 22, 2026")
    }

    @Test func templateKeysAreFoundInsideTags() {
        #expect(StringTables.keys(readBy: "<p>{{strings.a_b}} {{ strings.c }}</p>{{#strings.d}}") == ["a_b", "c", "d"])
    }

    @Test func aSiteOverrideReachesThePageAndAMissingKeyIsExit2() throws {
        let site = try TestSite(files: [
            "Content/conditions/x.md": TestSite.clinical("X"),
            "Templates/strings/en.yml": "get_help_now: Help, right now\n",
        ])
        defer { site.remove() }
        let output = site.root.appendingPathComponent("Public")
        _ = try site.build(output: output)
        let html = try String(contentsOf: output.appendingPathComponent("conditions/x/index.html"), encoding: .utf8)
        #expect(html.contains(">Help, right now<"))

        try site.write("Templates/page-extra.mustache", Data("{{strings.not_in_any_table}}".utf8))
        #expect(throws: HavenError.self) { try site.build(output: output) }
    }

    @Test func aBrokenTableIsExit2WithItsLocation() throws {
        let site = try TestSite(files: ["Templates/strings/en.yml": "get_help_now: [a, list]\n"])
        defer { site.remove() }
        do {
            _ = try site.lint()
            Issue.record("lint should have thrown")
        } catch let error as HavenError {
            #expect(error.description.hasPrefix("Templates/strings/en.yml:1:"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
