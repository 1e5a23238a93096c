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
        let language = site.language(of: page)
        checkKeyPoints(page, wording: Wording.builtIn(for: language.id), into: &out)
        checkSentences(page, gradeMax: language.readingGradeMax, into: &out)
        guard let grade = prose.grade else { return }
        let at = prose.gradeLocation ?? SourceLocation(file: page.source, line: page.bodyFirstLine)
        switch grade.formula {
        case .fleschKincaid where grade.value > language.readingGradeMax:
            out.append(Diagnostic(.readingLevel, at: at, String(
                format: "reading grade %.1f is above %@ (Flesch–Kincaid, %d words in %d sentences): use shorter sentences and everyday words",
                grade.value, DiagnosticText.shortest(language.readingGradeMax), grade.words, grade.sentences)))
        case .fernandezHuerta where grade.value < language.readingEaseMin:
            out.append(Diagnostic(.readingLevel, at: at, String(
                format: "reading ease %.1f is below %@ (Fernández Huerta, %d words in %d sentences): use shorter sentences and everyday words",
                grade.value, DiagnosticText.shortest(language.readingEaseMin), grade.words, grade.sentences)))
        default:
            break
        }
    }

    /// Key points are the page's text too: the phrase rules run on each (a key point has no
    /// link, so an evidence claim in one is uncited).
    static func checkKeyPoints(_ page: Page, wording: Wording?, into out: inout [Diagnostic]) {
        guard let wording else { return }
        for point in page.frontMatter.keyPoints {
            let words = Words(utf8: Array(point.value.utf8))
            let found = wording.phraseLists.matches(in: words, active: nil)
            for entry in found[Wording.unsafeMessaging] {
                out.append(Diagnostic(.unsafeMessaging, at: point.location,
                                      "'\(entry.match)': say '\(entry.suggest)' instead (safe-messaging guidance: \(entry.source))"))
            }
            for entry in found[Wording.stigmatizing] {
                out.append(Diagnostic(.stigmatizingLanguage, at: point.location,
                                      "'\(entry.match)' can stigmatize: say '\(entry.suggest)' instead (\(entry.source))"))
            }
            if let claim = wording.evidenceClaims.firstClaim(in: words) {
                out.append(Diagnostic(.uncitedClaim, at: point.location, "'\(claim)' in a key point, which cannot cite: make the claim in the body with its source"))
            }
        }
    }

    /// `hard-sentence`: one sentence of 20 words or more above `reading_grade_max` + 5, or over 40 words.
    static func checkSentences(_ page: Page, gradeMax: Double, into out: inout [Diagnostic]) {
        let limit = max(3, gradeMax) + 5
        for sentence in page.body.prose.hardSentences
        where (sentence.grade > limit && sentence.words >= SentenceGrade.gradedWords) || sentence.words > SentenceGrade.keptWords {
            out.append(Diagnostic(.hardSentence, at: sentence.location,
                                  text: .hardSentence(words: sentence.words, grade: sentence.grade,
                                                      keptWords: SentenceGrade.keptWords, limit: limit)))
        }
    }
}
