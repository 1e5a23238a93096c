import Foundation
import Testing
@testable import HavenKit

/// `languages:` in `haven.yml`, per-language texts in data files, region and `missing-translation`.
@Suite struct LanguageConfigTests {
    static let threeLanguages = """
    title: Haven
    language: en-US
    region: US
    disclaimer: "English disclaimer."
    reading_grade_max: 8
    languages:
      es:
        tag: es-US
        title: Guía Haven
        disclaimer: "Descargo en español."
        reading_ease_min: 65
      en-gb:
        tag: en-GB
        region: GB
        disclaimer: "British disclaimer."

    """

    private func fault(_ yaml: String) -> String? {
        do {
            _ = try SiteConfig.parse(yaml)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func languagesAreTypedDefaultFirst() throws {
        let config = try SiteConfig.parse(LanguageConfigTests.threeLanguages)
        #expect(config.languages.map(\.id) == ["en", "es", "en-gb"])
        #expect(config.languages.map(\.tag) == ["en-US", "es-US", "en-GB"])
        #expect(config.languages.map(\.region) == ["US", "US", "GB"])
        #expect(config.languages.map(\.title) == ["Haven", "Guía Haven", "Haven"])
        #expect(config.languages.map(\.isDefault) == [true, false, false])
        #expect(config.languages.map(\.readsPlainText) == [true, false, true])
        #expect(config.languages.map(\.readingGradeMax) == [8, 8, 8])
        #expect(config.languages.map(\.readingEaseMin) == [60, 65, 60])
        #expect(config.language(id: "es")?.disclaimer == "Descargo en español.")
        #expect(config.language(id: "fr") == nil)
        #expect(try SiteConfig.parse("language: es-MX\n").defaultLanguage.id == "es")
        #expect(SiteConfig().languages.map(\.id) == ["en"])
    }

    @Test func badLanguagesStopWithTheirPlace() {
        #expect(fault("languages:\n  es:\n    tag: es-US\n") == "haven.yml:2:3: error: language 'es' has no 'disclaimer'")
        #expect(fault("languages:\n  ES:\n    disclaimer: x\n")
                == "haven.yml:2:3: error: language id 'ES' must be lower case like es or en-gb (letters, then parts of 2-8 letters or digits after '-')")
        #expect(fault("languages:\n  es:\n    tag: es_US\n    disclaimer: x\n")
                == "haven.yml:3:10: error: 'tag' of language 'es' must be a BCP 47 language tag such as es-US, found 'es_US'")
        #expect(fault("language: en-US\nlanguages:\n  en:\n    disclaimer: x\n")
                == "haven.yml:3:3: error: 'en' is the default language (language: en-US); list only further languages here")
        #expect(fault("languages:\n  es:\n    disclaimer: x\n    regoin: MX\n")
                == "haven.yml:4:5: error: unknown language setting 'regoin' in language 'es' (did you mean 'region'?)")
        #expect(fault("language: english please\n") == "haven.yml:1:11: error: 'language' must be a BCP 47 language tag such as en-US, found 'english please'")
        #expect(fault("languages: [es]\n")?.hasPrefix("haven.yml:1:12: error: 'languages' must be a map of language id") == true)
    }

    @Test func tagsAreCheckedAsBCP47() {
        for good in ["en", "en-US", "es-419", "zh-Hant-TW", "sr-Latn-RS", "de-CH-1996", "en-US-x-twain", "cy"] {
            #expect(SiteLanguage.isWellFormedTag(good), "\(good)")
        }
        for bad in ["", "e", "en_US", "en-", "-en", "english-x", "en-US-x", "123", "en-a", "toolonglanguage"] {
            #expect(!SiteLanguage.isWellFormedTag(bad), "\(bad)")
        }
        #expect(SiteLanguage.isValidID("en-gb") && SiteLanguage.isValidID("es") && !SiteLanguage.isValidID("en-GB"))
    }

    @Test func textsResolveByTheRule() throws {
        let config = try SiteConfig.parse(LanguageConfigTests.threeLanguages)
        let en = try #require(config.language(id: "en")), es = try #require(config.language(id: "es")),
            gb = try #require(config.language(id: "en-gb"))
        let at = SourceLocation(file: "f")
        let plain = LocalizedText(plain: "Call 988.", location: at)
        #expect(plain.text(for: en) == "Call 988.")
        #expect(plain.text(for: gb) == "Call 988.")
        #expect(plain.text(for: es) == nil, "a plain string is English: never shown as Spanish")
        let map = LocalizedText(entries: ["en": "Call.", "es": "Llama."], location: at)
        #expect(map.text(for: gb) == "Call.", "en serves en-gb")
        #expect(map.text(for: es) == "Llama.")
        #expect(LocalizedText(entries: ["es": "Llama."], location: at).text(for: en) == nil)
    }

    @Test func aDataMapWithAnUndeclaredLanguageIsLocated() throws {
        let config = try SiteConfig.parse(LanguageConfigTests.threeLanguages)
        var loader = RegistryLoader(languages: config.languages)
        let registries = loader.load(
            reviewers: nil,
            crisisResources: "line:\n  name:\n    en: Line\n    fr: Ligne\n    ed: Typo\n  phone: \"988\"\n  region: US\n  languages: [en, Spanish]\n  emergency: true\n",
            contentWarnings: "grief:\n  label: {en: grief, es: duelo}\n  resources: [line]\n")
        let texts = loader.diagnostics.sorted().map(DiagnosticFormatter.text)
        #expect(texts == [
            "Content/_data/crisis-resources.yml:4:5: error: 'fr' in 'name' of 'line' is not a language of this site (haven.yml declares en, es, en-gb) [unknown-language]\n",
            "Content/_data/crisis-resources.yml:5:5: error: 'ed' in 'name' of 'line' is not a language of this site (haven.yml declares en, es, en-gb) (did you mean 'en'?) [unknown-language]\n",
            "Content/_data/crisis-resources.yml:8:19: error: 'Spanish' in 'languages' of 'line' is not a language id such as en or es [data-syntax]\n",
        ])
        let line = try #require(registries.crisisResources["line"])
        #expect(line.name == "Line" && line.emergency && line.languages == ["en"])
        let spanish = registries.view(for: try #require(config.language(id: "es")), defaultLanguage: config.defaultLanguage)
        #expect(spanish.crisisResources["line"]?.untranslated == ["name"])
        #expect(spanish.contentWarnings["grief"]?.label == "duelo")
        #expect(spanish.contentWarnings["grief"]?.untranslated == [])
    }

    static let config = TestSite.config + """
    languages:
      es:
        disclaimer: "Descargo."

    """

    @Test func missingTranslationOfCrisisTextIsAnErrorWhereItIsShown() throws {
        let resources = """
        lifeline-988:
          name: 988 Suicide & Crisis Lifeline
          phone: "988"
          region: US
          description:
            es: Llama al 988.
          verified_on: 2026-11-01

        """
        let page = TestSite.clinical(extra: "content_warnings: [suicide]\n") + TestSite.body
        // Spanish theme words: the English table stands in (this test is about data texts).
        let strings = try String(contentsOf: RepositoryTests.root.appendingPathComponent("Templates/strings/en.yml"), encoding: .utf8)
        let site = try TestSite(files: ["Content/articles/a.md": page, "Content/_data/crisis-resources.yml": resources,
                                        "Templates/strings/es.yml": strings],
                                config: LanguageConfigTests.config)
        defer { site.remove() }
        let found = try site.lint().diagnostics.filter { $0.rule == .missingTranslation }.map(DiagnosticFormatter.text)
        #expect(found == [
            // the English page shows the description, which has only a Spanish text
            "Content/articles/a.md:8:20: error: crisis resource 'lifeline-988' has no en text for 'description' (Content/_data/crisis-resources.yml:6:5); this page is in en and safety text is never shown in another language [missing-translation]\n",
            // each language's get-help page lists every resource of its region
            "Content/_data/crisis-resources.yml:2:9: error: 'name' of crisis resource 'lifeline-988' has no es text, and the es get-help page lists every crisis resource of region US; add `es:` to it [missing-translation]\n",
            "Content/_data/crisis-resources.yml:6:5: error: 'description' of crisis resource 'lifeline-988' has no en text, and the en get-help page lists every crisis resource of region US; add `en:` to it [missing-translation]\n",
        ].sorted())
    }

    @Test func missingTranslationOfAWarningLabelIsAnErrorAtThePage() throws {
        let warnings = "grief:\n  label:\n    es: duelo\n  resources: [lifeline-988]\n"
        let page = TestSite.clinical(extra: "content_warnings: [grief]\n") + TestSite.body
        let strings = try String(contentsOf: RepositoryTests.root.appendingPathComponent("Templates/strings/en.yml"), encoding: .utf8)
        let site = try TestSite(files: ["Content/articles/a.md": page, "Content/_data/content-warnings.yml": warnings,
                                        "Templates/strings/es.yml": strings], config: LanguageConfigTests.config)
        defer { site.remove() }
        let found = try site.lint().diagnostics.filter { $0.rule == .missingTranslation && $0.file == "Content/articles/a.md" }
        #expect(found.map(DiagnosticFormatter.text) == [
            "Content/articles/a.md:8:20: error: content warning 'grief' has no en text for 'label' (Content/_data/content-warnings.yml:3:5); this page is in en and safety text is never shown in another language [missing-translation]\n",
        ])
        // with the English text, nothing is missing
        try site.write("Content/_data/content-warnings.yml", Data("grief:\n  label: {en: grief, es: duelo}\n  resources: [lifeline-988]\n".utf8))
        #expect(try site.lint().diagnostics.filter { $0.rule == .missingTranslation && $0.file == "Content/articles/a.md" }.isEmpty)
    }

    @Test func aPageShowsOnlyItsRegionsResources() throws {
        let warnings = "grief:\n  label: grief\n  resources: [samaritans]\n"
        let page = TestSite.clinical(extra: "content_warnings: [grief]\n") + TestSite.body
        let site = try TestSite(files: ["Content/articles/a.md": page, "Content/_data/content-warnings.yml": warnings])
        defer { site.remove() }
        let result = try site.lint()
        let missing = result.diagnostics.filter { $0.rule == .missingCrisisResource }
        #expect(missing.map(\.file) == ["Content/articles/a.md"])
        #expect(missing.first?.message.contains("serves region US") == true)
        let loaded = try site.load()
        #expect(loaded.crisisResources(for: try #require(loaded.pages.first)).isEmpty)
        #expect(loaded.regionalCrisisResources.map(\.id) == ["lifeline-988", "samhsa-helpline"])
    }
}
