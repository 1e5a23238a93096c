/// The reading level of a body's prose: paragraphs only (not headings, code, tables or
/// footnotes; link URLs are never part of the text). Flesch–Kincaid grade for English; Fernández
/// Huerta reading ease for Spanish (206.84 − 0.60 P − 1.02 F, P syllables and F sentences per 100
/// words; higher is easier).
enum ReadingLevel {
    struct Grade {
        var value: Double
        var words: Int
        var sentences: Int
        var formula: Wording.ReadingFormula = .fleschKincaid
    }

    /// Bodies shorter than this give unstable scores and are not graded.
    static let minimumWords = 100

    static func grade(of blocks: [BodyAnalysis.TextBlock], words blockWords: [Words],
                      formula: Wording.ReadingFormula = .fleschKincaid) -> Grade? {
        var words = 0, sentences = 0, syllables = 0
        for (block, split) in zip(blocks, blockWords) where block.kind == .paragraph && !block.inBlockQuote {
            words += split.count
            syllables += formula == .fernandezHuerta ? SpanishSyllables.count(in: split) : split.syllables
            let blockSentences = split.sentenceEnds
            // A list item or paragraph without a final stop is still a sentence.
            sentences += max(split.count == 0 ? 0 : 1, blockSentences)
        }
        guard words >= minimumWords, sentences > 0 else { return nil }
        switch formula {
        case .fleschKincaid:
            let value = 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
            return Grade(value: value, words: words, sentences: sentences, formula: formula)
        case .fernandezHuerta:
            let perHundred = 100 / Double(words)
            let value = 206.84 - 0.60 * Double(syllables) * perHundred - 1.02 * Double(sentences) * perHundred
            return Grade(value: value, words: words, sentences: sentences, formula: formula)
        }
    }
}
