import Foundation
import Testing
@testable import HavenKit

/// Wording rules per language: built-in lists by language, Spanish syllables and the Fernández
/// Huerta ease, and a language without lists (skipped, and said so).
@Suite struct WordingTests {
    @Test func spanishSyllables() {
        let expected: [String: Int] = [
            "día": 2, "cielo": 2, "buey": 1, "leer": 2, "caos": 2, "reúne": 3, "hoy": 1, "y": 1, "murciélago": 4,
            "guitarra": 3, "país": 2, "poesía": 4, "ciudad": 2, "que": 1, "terapia": 3, "emoción": 3, "988": 1,
        ]
        for (word, syllables) in expected {
            #expect(SpanishSyllables.count(utf8: ArraySlice(word.utf8)) == syllables, "\(word)")
        }
        #expect(SpanishSyllables.count(in: Words("La terapia te ayuda hoy.")) == 1 + 3 + 1 + 3 + 1)
    }

    /// The body's ease by the formula: 206.84 − 0.60 × syllables per 100 words − 1.02 × sentences per 100 words.
    @Test func fernandezHuertaEase() throws {
        // 10 sentences of 12 words: «Hoy vamos a hablar de la terapia y de cómo te ayuda.»
        let sentence = "Hoy vamos a hablar de la terapia y de cómo te ayuda."
        let body = Array(repeating: sentence, count: 10).joined(separator: " ") + "\n"
        let processor = MarkdownProcessor(file: "x.es.md", firstLine: 1, labels: BodyLabels(StringTable(language: "es", texts: [:])),
                                          wording: Wording(id: "es")) { _, _, _ in LinkTarget(kind: .external, href: "", fragment: nil) }
        let grade = try #require(processor.process(body, html: false).0.prose.grade)
        let syllables = Double(SpanishSyllables.count(in: Words(sentence)) * 10)
        #expect(grade.formula == .fernandezHuerta)
        #expect(grade.words == 120 && grade.sentences == 10)
        #expect(abs(grade.value - (206.84 - 0.60 * syllables * 100 / 120 - 1.02 * 10 * 100 / 120)) < 1e-9)
        #expect(grade.value > 60, "plain Spanish reads easily")
    }

    @Test func spanishMentionsOfSuicideOrSelfHarmAreSeen() {
        for text in ["Habla del suicidio.", "Pensó en quitarse la vida.", "Se quitó la vida.", "La autolesión es una señal."] {
            #expect(Words(text).mentionSuicideOrSelfHarm, "\(text)")
        }
        for text in ["La vida es larga.", "Quitar la mesa.", "Un autobús."] {
            #expect(!Words(text).mentionSuicideOrSelfHarm, "\(text)")
        }
    }

    @Test func builtInListsByLanguage() {
        #expect(Wording.builtIn(for: "en")?.readingFormula == .fleschKincaid)
        #expect(Wording.builtIn(for: "en-gb")?.id == "en")
        #expect(Wording.builtIn(for: "xx") == nil)
        #expect(Wording(id: "es").readingFormula == .fernandezHuerta)
    }

    @Test func aLanguageWithoutListsIsNotCheckedAndTheSummarySaysSo() throws {
        let strings = try String(contentsOf: RepositoryTests.root.appendingPathComponent("Templates/strings/en.yml"), encoding: .utf8)
        let config = TestSite.config.replacingOccurrences(of: "language: en-US", with: "language: xx-US")
        let crazy = String(repeating: "It was crazy, and a study says so. ", count: 40)
        let site = try TestSite(files: ["Content/articles/a.md": TestSite.clinical() + crazy + "\n", "Templates/strings/xx.yml": strings],
                                config: config)
        defer { site.remove() }
        let result = try site.lint()
        #expect(result.languagesWithoutWordingRules == ["xx"])
        #expect(result.rules.isDisjoint(with: [.stigmatizingLanguage, .uncitedClaim, .readingLevel, .unsafeMessaging]))
        let run = try CLITests.haven(["lint", "--site", site.root.path])
        #expect(run.stderr.contains("1 pages checked: 0 error(s), 0 warning(s); wording rules not run for xx (no built-in word lists).\n"))
        // English is checked, and its summary has no note
        try site.write("haven.yml", Data(TestSite.config.utf8))
        #expect(try site.lint().rules.contains(.stigmatizingLanguage))
        #expect(!(try CLITests.haven(["lint", "--site", site.root.path]).stderr.contains("wording rules not run")))
    }
}
