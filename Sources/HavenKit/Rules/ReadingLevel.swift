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

    static func grade(of blocks: [BodyAnalysis.TextBlock]) -> Grade? {
        var words = 0, sentences = 0, syllables = 0
        for block in blocks where block.kind == .paragraph && !block.inBlockQuote {
            var sentenceHasWords = false
            for token in block.text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
                let letters = token.filter { $0.isLetter }
                if !letters.isEmpty {
                    words += 1
                    syllables += countSyllables(letters.lowercased())
                    sentenceHasWords = true
                }
                if let last = token.last(where: { !"\"'”’)]*_".contains($0) }), ".!?".contains(last), sentenceHasWords {
                    sentences += 1
                    sentenceHasWords = false
                }
            }
            if sentenceHasWords { sentences += 1 }  // a list item or paragraph without a final stop
        }
        guard words >= minimumWords, sentences > 0 else { return nil }
        let value = 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
        return Grade(value: value, words: words, sentences: sentences)
    }

    /// Vowel groups, less a silent final `e`, at least one.
    static func countSyllables(_ word: String) -> Int {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        var count = 0
        var previousVowel = false
        for ch in word {
            let isVowel = vowels.contains(ch)
            if isVowel && !previousVowel { count += 1 }
            previousVowel = isVowel
        }
        if word.hasSuffix("e") && !word.hasSuffix("le") && count > 1 { count -= 1 }
        return max(1, count)
    }
}
