import Foundation

/// Wording rules over a page's prose: safe messaging, stigmatizing language, uncited claims, and
/// reading level. The prose is analysed when the page is parsed (`ProseAnalysis`).
enum LanguageRules {
    static let claims = PhraseList(phrases: ["a study", "studies show", "studies suggest", "studies have shown", "studies have found",
                               "research suggests", "research shows", "research has shown", "research has found",
                               "according to research", "according to studies", "evidence shows", "evidence suggests",
                               "scientists found", "researchers found", "experts say", "a recent study", "one study"])

    /// The page's phrase findings (found when it was parsed, see `ProseAnalysis`) and its reading level.
    static func check(_ page: Page, in site: Site, into out: inout [Diagnostic]) {
        let prose = page.body.prose
        out += prose.findings
        if let grade = prose.grade, grade.value > site.config.readingGradeMax {
            let at = prose.gradeLocation ?? SourceLocation(file: page.source, line: page.bodyFirstLine)
            out.append(Diagnostic(.readingLevel, at: at, String(
                format: "reading grade %.1f is above %@ (Flesch–Kincaid, %d words in %d sentences): use shorter sentences and everyday words",
                grade.value, formatted(site.config.readingGradeMax), grade.words, grade.sentences)))
        }
    }

    private static func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
