/// Flesch–Kincaid grade level of a body's prose: paragraphs only (not headings, code, tables or
/// footnotes; link URLs are never part of the text).
enum ReadingLevel {
    struct Grade {
        var value: Double
        var words: Int
        var sentences: Int
    }

    /// Bodies shorter than this give unstable scores and are not graded.
    static let minimumWords = 100

    static func grade(of blocks: [BodyAnalysis.TextBlock], words blockWords: [Words]) -> Grade? {
        var words = 0, sentences = 0, syllables = 0
        for (block, split) in zip(blocks, blockWords) where block.kind == .paragraph && !block.inBlockQuote {
            words += split.count
            syllables += split.syllables
            let blockSentences = split.sentenceEnds
            // A list item or paragraph without a final stop is still a sentence.
            sentences += max(split.count == 0 ? 0 : 1, blockSentences)
        }
        guard words >= minimumWords, sentences > 0 else { return nil }
        let value = 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
        return Grade(value: value, words: words, sentences: sentences)
    }
}
