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
        guard let grade = prose.grade else { return }
        let language = site.language(of: page)
        let at = prose.gradeLocation ?? SourceLocation(file: page.source, line: page.bodyFirstLine)
        switch grade.formula {
        case .fleschKincaid where grade.value > language.readingGradeMax:
            out.append(Diagnostic(.readingLevel, at: at, String(
                format: "reading grade %.1f is above %@ (Flesch–Kincaid, %d words in %d sentences): use shorter sentences and everyday words",
                grade.value, formatted(language.readingGradeMax), grade.words, grade.sentences)))
        case .fernandezHuerta where grade.value < language.readingEaseMin:
            out.append(Diagnostic(.readingLevel, at: at, String(
                format: "reading ease %.1f is below %@ (Fernández Huerta, %d words in %d sentences): use shorter sentences and everyday words",
                grade.value, formatted(language.readingEaseMin), grade.words, grade.sentences)))
        default:
            break
        }
    }

    private static func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
