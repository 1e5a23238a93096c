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
        self.init(utf8: Array(text.utf8))
    }

    /// The words of UTF-8 text.
    init(utf8: [UInt8]) {
        // One pass lower-cases ASCII letters, finds the words and counts syllables and sentence
        // ends. Text with letters beyond ASCII (seen in the same pass) is lower-cased by the
        // standard library first (its case mappings are not byte-for-byte) and passed over again.
        var lower = utf8
        var scan = Words.scan(&lower)
        if scan.sawNonASCII {
            lower = Array(String(decoding: utf8, as: UTF8.self).lowercased().utf8)
            scan = Words.scan(&lower)
        }
        bytes = lower
        starts = scan.starts
        ends = scan.ends
        syllables = scan.syllables
        sentenceEnds = scan.sentenceEnds
    }

    /// Byte classes: separators, word bytes, vowels (a e i o u y), upper-case ASCII letters.
    private static let separator: UInt8 = 0, letter: UInt8 = 1, vowel: UInt8 = 2, upper: UInt8 = 3
    private static let kinds: [UInt8] = (0...255).map { byte -> UInt8 in
        switch byte {
        case 0x41...0x5A: return upper
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return vowel
        case 0x30...0x39, 0x61...0x7A, 0x80...0xFF: return letter
        default: return separator
        }
    }

    private struct Scan {
        var starts: [Int32] = [], ends: [Int32] = []
        var syllables = 0, sentenceEnds = 0
        var sawNonASCII = false
    }

    /// The one pass: all running state in locals, a plain loop over the bytes.
    private static func scan(_ text: inout [UInt8]) -> Scan {
        var starts: [Int32] = [], ends: [Int32] = []
        starts.reserveCapacity(text.count / 5)
        ends.reserveCapacity(text.count / 5)
        var syllables = 0, sentenceEnds = 0
        var start = -1, vowelGroups = 0, previousVowel = false
        var last: UInt8 = 0, beforeLast: UInt8 = 0, previous: UInt8 = 0
        var seen: UInt8 = 0
        let count = text.count
        Words.kinds.withUnsafeBufferPointer { kinds in text.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var i = 0
            // i == count is one more round, with a separator, to end the last word.
            while i <= count {
                var byte: UInt8 = 0x20
                var kind = separator
                if i < count {
                    byte = base[i]
                    seen |= byte
                    kind = kinds[Int(byte)]
                }
                if kind != separator {
                    if kind == upper {
                        byte |= 0x20
                        base[i] = byte
                    }
                    if start < 0 { start = i }
                    let isVowel = kind == vowel || (kind == upper && kinds[Int(byte)] == vowel)
                    if isVowel && !previousVowel { vowelGroups += 1 }
                    previousVowel = isVowel
                    beforeLast = last
                    last = byte
                } else {
                    if start >= 0 {
                        starts.append(Int32(start))
                        ends.append(Int32(i))
                        start = -1
                        // A silent final e (not "-le": "table"), at least one syllable.
                        if last == 0x65 && beforeLast != 0x6C && vowelGroups > 1 { vowelGroups -= 1 }
                        syllables += max(1, vowelGroups)
                        vowelGroups = 0
                        previousVowel = false
                        last = 0
                        beforeLast = 0
                    }
                    // A sentence ends at . ! or ? before a space, a line break or the end.
                    if (byte == 0x20 || byte == 0x0A) && (previous == 0x2E || previous == 0x21 || previous == 0x3F) {
                        sentenceEnds += 1
                    }
                }
                previous = byte
                i += 1
            }
        } }
        return Scan(starts: starts, ends: ends, syllables: syllables, sentenceEnds: sentenceEnds, sawNonASCII: seen >= 0x80)
    }

    /// The number of words.
    var count: Int { starts.count }

    func length(_ i: Int) -> Int { Int(ends[i] - starts[i]) }

    func firstByte(_ i: Int) -> UInt8 { bytes[Int(starts[i])] }

    /// Word `i` as bytes (phrase lists split their entries with this).
    func word(_ i: Int) -> ArraySlice<UInt8> { bytes[Int(starts[i])..<Int(ends[i])] }



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
