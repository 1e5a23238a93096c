/// The words of a block of prose, lower-cased, split once and shared by every wording rule.
/// A word is a run of ASCII letters and digits or of non-ASCII characters (letters in most
/// scripts); everything else (spaces, punctuation, hyphens, apostrophes) separates words.
///
/// Words are byte ranges in one lower-cased UTF-8 buffer: comparing a word with a phrase word is
/// a length check and a byte comparison, with no `Substring` per word.
struct Words: Sendable {
    /// The lower-cased text, as UTF-8.
    let bytes: [UInt8]
    /// Where each word starts and ends in `bytes`.
    private let starts: [Int32]
    private let ends: [Int32]

    /// Syllables in all the words (for the reading level): each word's vowel groups (a e i o u y),
    /// less a silent final `e` (but not in "-le": "table"), at least one.
    let syllables: Int
    /// Sentence ends: `.`, `!` or `?` followed by a space, a line break or the end of the text
    /// (so not "e.g" or "3.5").
    let sentenceEnds: Int

    init(_ text: String) {
        var lower = Array(text.utf8)
        var starts: [Int32] = [], ends: [Int32] = []
        starts.reserveCapacity(lower.count / 5)
        ends.reserveCapacity(lower.count / 5)
        // One pass lower-cases ASCII letters, finds the words and counts syllables and sentence
        // ends; text with other letters is lower-cased by the standard library first (its case
        // mappings are not byte-for-byte).
        if !lower.allSatisfy({ $0 < 0x80 }) { lower = Array(text.lowercased().utf8) }
        var start = -1
        var syllables = 0, sentenceEnds = 0
        var vowelGroups = 0, previousVowel = false, last: UInt8 = 0, beforeLast: UInt8 = 0, previous: UInt8 = 0
        func isStop(_ byte: UInt8) -> Bool { byte == 0x2E || byte == 0x21 || byte == 0x3F }
        func endWord() {
            if last == 0x65 && beforeLast != 0x6C && vowelGroups > 1 { vowelGroups -= 1 }
            syllables += max(1, vowelGroups)
            vowelGroups = 0
            previousVowel = false
            last = 0
            beforeLast = 0
        }
        lower.withUnsafeMutableBufferPointer { buffer in
            for i in 0..<buffer.count {
                var byte = buffer[i]
                if byte >= 0x41 && byte <= 0x5A {
                    byte |= 0x20
                    buffer[i] = byte
                }
                let isWord = byte >= 0x80 || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                if isWord {
                    if start < 0 { start = i }
                    let isVowel = byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75 || byte == 0x79
                    if isVowel && !previousVowel { vowelGroups += 1 }
                    previousVowel = isVowel
                    beforeLast = last
                    last = byte
                } else {
                    if start >= 0 {
                        starts.append(Int32(start))
                        ends.append(Int32(i))
                        start = -1
                        endWord()
                    }
                    if (byte == 0x20 || byte == 0x0A) && isStop(previous) { sentenceEnds += 1 }
                }
                previous = byte
            }
        }
        if start >= 0 {
            starts.append(Int32(start))
            ends.append(Int32(lower.count))
            endWord()
        }
        if isStop(previous) { sentenceEnds += 1 }
        bytes = lower
        self.starts = starts
        self.ends = ends
        self.syllables = syllables
        self.sentenceEnds = sentenceEnds
    }

    /// The number of words.
    var count: Int { starts.count }

    func length(_ i: Int) -> Int { Int(ends[i] - starts[i]) }

    func firstByte(_ i: Int) -> UInt8 { bytes[Int(starts[i])] }

    /// Word `i` as bytes (for the syllable count).
    func word(_ i: Int) -> ArraySlice<UInt8> { bytes[Int(starts[i])..<Int(ends[i])] }

    /// Word `i` as text (messages and tests).
    func string(_ i: Int) -> String { String(decoding: word(i), as: UTF8.self) }

    /// Every word as text.
    var strings: [String] { (0..<count).map(string) }

    /// Whether word `i` is exactly `other` (lower-case UTF-8).
    func word(_ i: Int, is other: [UInt8]) -> Bool {
        guard i < count, length(i) == other.count else { return false }
        var k = Int(starts[i])
        for byte in other {
            if bytes[k] != byte { return false }
            k += 1
        }
        return true
    }

    /// Whether word `i` starts with `prefix` (lower-case UTF-8).
    func word(_ i: Int, hasPrefix prefix: [UInt8]) -> Bool {
        guard i < count, length(i) >= prefix.count else { return false }
        var k = Int(starts[i])
        for byte in prefix {
            if bytes[k] != byte { return false }
            k += 1
        }
        return true
    }

    /// Whether word `i` is one of `options`.
    func word(_ i: Int, isOneOf options: [[UInt8]]) -> Bool {
        options.contains { word(i, is: $0) }
    }

    /// Whether the words speak of suicide or self-harm.
    var mentionSuicideOrSelfHarm: Bool {
        for i in 0..<count {
            switch firstByte(i) {
            case UInt8(ascii: "s"):
                if word(i, hasPrefix: Self.suicid) || word(i, is: Self.selfharm) { return true }
                if word(i, is: Self.self_) && (word(i + 1, is: Self.harm) || word(i + 1, is: Self.harming)
                                                || word(i + 1, hasPrefix: Self.injur)) { return true }
            case UInt8(ascii: "k"):
                if word(i, is: Self.kill) && word(i + 1, isOneOf: Self.reflexives) { return true }
            case UInt8(ascii: "e"):
                if word(i, is: Self.end) && word(i + 1, isOneOf: Self.possessives) && word(i + 2, is: Self.life) { return true }
            case UInt8(ascii: "t"):
                if word(i, is: Self.take) && word(i + 1, isOneOf: Self.possessives) && word(i + 2, is: Self.own)
                    && word(i + 3, is: Self.life) { return true }
            default:
                continue
            }
        }
        return false
    }

    private static let suicid = Array("suicid".utf8), selfharm = Array("selfharm".utf8), self_ = Array("self".utf8)
    private static let harm = Array("harm".utf8), harming = Array("harming".utf8), injur = Array("injur".utf8)
    private static let kill = Array("kill".utf8), end = Array("end".utf8), take = Array("take".utf8)
    private static let life = Array("life".utf8), own = Array("own".utf8)
    private static let reflexives = ["myself", "themselves", "himself", "herself", "yourself"].map { Array($0.utf8) }
    private static let possessives = ["my", "their", "your", "his", "her"].map { Array($0.utf8) }
}
