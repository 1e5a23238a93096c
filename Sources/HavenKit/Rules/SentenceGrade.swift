/// The Flesch–Kincaid grade of one sentence, for `hard-sentence`: a page can be easy on average
/// and still hold one sentence no reader gets through.
struct SentenceGrade: Sendable, Hashable {
    var grade: Double
    var words: Int
    /// The sentence's first words as written, to locate it in the source.
    var opening: String
    var location: SourceLocation

    /// Sentences at or under this grade and word count are not kept (the check-phase limit is
    /// `reading_grade_max` + 5, and 40 words; limits under grade 3 are treated as 3).
    static let keptGrade = 8.0
    static let keptWords = 40
    static let keptPerPage = 200
    /// Shorter sentences are not judged by grade: a few long names ("generalized anxiety
    /// disorder") give a short sentence a grade that says nothing about how hard it is.
    static let gradedWords = 20

    /// The sentences of a paragraph's text that could be too hard: grade above `keptGrade` or
    /// more than `keptWords` words. A sentence ends at `.`, `!` or `?` before white space or the end.
    static func hardest(in bytes: [UInt8]) -> [SentenceGrade] {
        var out: [SentenceGrade] = []
        forEachSentence(in: bytes) { start, end in
            let sentence = Array(bytes[start..<end])
            let words = Words(utf8: sentence)
            keep(words: words.count, syllables: words.syllables, sentence: bytes[start..<end], into: &out)
        }
        return out
    }

    /// The same sentences, counted from the paragraph's words (`words`, made from `bytes`) instead
    /// of splitting each sentence into words again: what it buys is a second pass over every
    /// paragraph's text (about 4% of a build's CPU on the bench corpus). When lower-casing moved
    /// the words' offsets (`Words.alignedWithSource` false), the sentences are split again.
    static func hardest(in bytes: [UInt8], words: Words) -> [SentenceGrade] {
        guard words.alignedWithSource else { return hardest(in: bytes) }
        var out: [SentenceGrade] = []
        var w = 0
        forEachSentence(in: bytes) { start, end in
            while w < words.count, words.start(w) < start { w += 1 }
            var count = 0, syllables = 0
            while w < words.count, words.start(w) < end {
                count += 1
                syllables += words.syllables(w)
                w += 1
            }
            keep(words: count, syllables: syllables, sentence: bytes[start..<end], into: &out)
        }
        return out
    }

    /// Keeps a sentence that could be too hard (see `hardest`).
    private static func keep(words: Int, syllables: Int, sentence: ArraySlice<UInt8>, into out: inout [SentenceGrade]) {
        guard words >= 3 else { return }
        let grade = 0.39 * Double(words) + 11.8 * Double(syllables) / Double(words) - 15.59
        guard (grade > keptGrade && words >= gradedWords) || words > keptWords else { return }
        out.append(SentenceGrade(grade: grade, words: words, opening: opening(of: Array(sentence)), location: SourceLocation(file: "", line: 0)))
    }

    /// Calls `body` with each sentence's byte range: a sentence ends at `.`, `!` or `?` (with the
    /// closing quotes and brackets after it) before white space or the end.
    private static func forEachSentence(in bytes: [UInt8], _ body: (_ start: Int, _ end: Int) -> Void) {
        var start = 0
        var i = 0
        func close(_ end: Int) {
            defer { start = end }
            guard end > start else { return }
            body(start, end)
        }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                // Closing quotes and brackets stay with the sentence: `"Nowhere is safe." They…`
                var end = i + 1
                while end < bytes.count {
                    if bytes[end] == UInt8(ascii: "\"") || bytes[end] == UInt8(ascii: ")") || bytes[end] == UInt8(ascii: "'") {
                        end += 1
                    } else if end + 2 < bytes.count, bytes[end] == 0xE2, bytes[end + 1] == 0x80, bytes[end + 2] == 0x9D || bytes[end + 2] == 0x99 {
                        end += 3
                    } else {
                        break
                    }
                }
                let next = end < bytes.count ? bytes[end] : 0x20
                if next == 0x20 || next == 0x0A || next == 0x09 { close(end); i = end; continue }
            }
            i += 1
        }
        close(bytes.count)
    }

    /// The first two words and what lies between them, as written (trimmed).
    private static func opening(of sentence: [UInt8]) -> String {
        var k = 0
        while k < sentence.count, sentence[k] == 0x20 || sentence[k] == 0x0A { k += 1 }
        let begin = k
        var spaces = 0
        while k < sentence.count {
            if sentence[k] == 0x20 { spaces += 1; if spaces == 2 { break } }
            k += 1
        }
        return String(decoding: sentence[begin..<k], as: UTF8.self)
    }
}
