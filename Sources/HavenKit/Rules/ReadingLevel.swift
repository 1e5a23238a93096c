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
            split.forEachWord { syllables += countSyllables($0) }
            // Sentence ends: . ! ? followed by a space or the end (not "e.g" or "3.5").
            var blockSentences = 0
            var previous: UInt8 = 0
            for byte in split.bytes {
                if (byte == 0x20 || byte == 0x0A) && (previous == 0x2E || previous == 0x21 || previous == 0x3F) { blockSentences += 1 }
                previous = byte
            }
            if previous == 0x2E || previous == 0x21 || previous == 0x3F { blockSentences += 1 }
            // A list item or paragraph without a final stop is still a sentence.
            sentences += max(split.count == 0 ? 0 : 1, blockSentences)
        }
        guard words >= minimumWords, sentences > 0 else { return nil }
        let value = 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
        return Grade(value: value, words: words, sentences: sentences)
    }

    /// Vowel groups, less a silent final `e`, at least one.
    static func countSyllables(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var previousVowel = false
        var last: UInt8 = 0, beforeLast: UInt8 = 0
        for byte in word {
            let isVowel = byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75 || byte == 0x79
            if isVowel && !previousVowel { count += 1 }
            previousVowel = isVowel
            beforeLast = last
            last = byte
        }
        // A silent final "e" (but not "-le": "table").
        if last == 0x65 && beforeLast != 0x6C && count > 1 { count -= 1 }
        return max(1, count)
    }
}
