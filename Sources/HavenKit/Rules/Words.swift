/// The words of a block of prose, lower-cased, split once and shared by every wording rule.
/// A word is a run of ASCII letters and digits or of non-ASCII characters (letters in most
/// scripts); everything else (spaces, punctuation, hyphens, apostrophes) separates words, and so
/// do the typographic quotes, apostrophe and dashes (‘ ’ “ ” – —) that cmark's smart punctuation
/// writes for ' " -- and ---: "it’s" is "it" and "s", as "it's" is.
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
    /// Each word's syllables (as counted in `syllables`, at most 255).
    private let wordSyllables: [UInt8]
    /// Whether the words' offsets are those of the source text (always for ASCII text; for other
    /// text when lower-casing kept every byte's place and kind), so that a range of the source
    /// holds exactly the words whose offsets fall in it.
    let alignedWithSource: Bool

    init(_ text: String) {
        self.init(utf8: Array(text.utf8))
    }

    /// The words of UTF-8 text.
    init(utf8: [UInt8]) {
        // One pass lower-cases ASCII letters and the Latin-1 ones (À–Þ: Spanish, French,
        // German…), finds the words and counts syllables and sentence ends. Text with other
        // characters beyond ASCII (seen in the same pass) is lower-cased by the standard library
        // first (its case mappings are not byte-for-byte) and passed over again. (The standard
        // library on every block of Spanish prose was half of a translated page's parse.)
        var lower = utf8
        var scan = Words.scan(&lower)
        var aligned = true
        if scan.needsFullLowercasing {
            lower = Array(String(decoding: utf8, as: UTF8.self).lowercased().utf8)
            scan = Words.scan(&lower)
            aligned = lower.count == utf8.count && zip(lower, utf8).allSatisfy { (Words.kinds[Int($0)] & 1) == (Words.kinds[Int($1)] & 1) }
        }
        bytes = lower
        starts = scan.starts
        ends = scan.ends
        syllables = scan.syllables
        sentenceEnds = scan.sentenceEnds
        wordSyllables = scan.wordSyllables
        alignedWithSource = aligned
    }

    /// Byte classes, as bits: 1 a word byte (ASCII letter or digit, or any byte of a non-ASCII
    /// character), 2 a vowel (a e i o u y), 4 an upper-case ASCII letter, 8 a non-ASCII byte.
    private static let kinds: [UInt8] = (0...255).map { byte -> UInt8 in
        switch byte {
        case 0x41, 0x45, 0x49, 0x4F, 0x55, 0x59: return 1 | 2 | 4
        case 0x41...0x5A: return 1 | 4
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return 1 | 2
        case 0x30...0x39, 0x61...0x7A: return 1
        case 0x80...0xFF: return 1 | 8
        default: return 0
        }
    }

    private struct Scan {
        var starts: [Int32] = [], ends: [Int32] = []
        var syllables = 0, sentenceEnds = 0
        /// Whether the text has characters beyond ASCII and Latin-1 (U+0080–U+00FF) other than
        /// General Punctuation (U+2000–U+207F, which has no case): `scan` lower-cased only those.
        var needsFullLowercasing = false
        var wordSyllables: [UInt8] = []
    }

    /// The one pass, a tight loop per word and per run of separators, state in locals.
    private static func scan(_ text: inout [UInt8]) -> Scan {
        var starts: [Int32] = [], ends: [Int32] = []
        starts.reserveCapacity(text.count / 5)
        ends.reserveCapacity(text.count / 5)
        var wordSyllables: [UInt8] = []
        wordSyllables.reserveCapacity(text.count / 5)
        var syllables = 0, sentenceEnds = 0
        var needsFullLowercasing = false
        let count = text.count
        Words.kinds.withUnsafeBufferPointer { kinds in text.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var i = 0
            while i < count {
                var byte = base[i]
                var kind = kinds[Int(byte)]
                if byte == 0xE2, Words.isTypographicPunctuation(base, i, count) {
                    i += 3
                    continue
                }
                if kind == 0 {
                    // A sentence ends at . ! or ? before a space or a line break (or the end, below).
                    if (byte == 0x20 || byte == 0x0A) && i > 0 {
                        let previous = base[i - 1]
                        if previous == 0x2E || previous == 0x21 || previous == 0x3F { sentenceEnds += 1 }
                    }
                    i += 1
                    continue
                }
                // A word: lower-case it in place and count its vowel groups.
                let start = i
                var vowelGroups = 0, previousVowel = 0
                repeat {
                    if kind & 8 != 0 && byte >= 0xC0 {
                        // The lead byte of a character beyond ASCII. À–Þ but × (C3 80–9E but 97)
                        // lower-case by one bit of their second byte, which must be there (the
                        // text is valid UTF-8, made from a String, but the loop does not rely on it).
                        let next: UInt8 = i + 1 < count ? base[i + 1] : 0
                        if byte == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97 {
                            base[i + 1] = next | 0x20
                        } else if !(byte == 0xC2 || byte == 0xC3 || (byte == 0xE2 && (next == 0x80 || next == 0x81))) {
                            needsFullLowercasing = true
                        }
                    }
                    base[i] = byte | ((kind & 4) << 3)
                    let vowel = Int(kind >> 1) & 1
                    vowelGroups += vowel & (previousVowel ^ 1)
                    previousVowel = vowel
                    i += 1
                    guard i < count else { break }
                    byte = base[i]
                    kind = kinds[Int(byte)]
                    if byte == 0xE2, Words.isTypographicPunctuation(base, i, count) { kind = 0 }
                } while kind != 0
                starts.append(Int32(start))
                ends.append(Int32(i))
                // A silent final e (not "-le": "table"), at least one syllable.
                let last = base[i - 1], beforeLast: UInt8 = i - 2 >= start ? base[i - 2] : 0
                if last == 0x65 && beforeLast != 0x6C && vowelGroups > 1 { vowelGroups -= 1 }
                syllables += max(1, vowelGroups)
                wordSyllables.append(UInt8(min(255, max(1, vowelGroups))))
            }
            if count > 0 {
                let final = base[count - 1]
                if final == 0x2E || final == 0x21 || final == 0x3F { sentenceEnds += 1 }
            }
        } }
        return Scan(starts: starts, ends: ends, syllables: syllables, sentenceEnds: sentenceEnds, needsFullLowercasing: needsFullLowercasing,
                    wordSyllables: wordSyllables)
    }

    /// Whether the bytes at `i` are U+2013, U+2014, U+2018, U+2019, U+201C or U+201D (E2 80 xx).
    @inline(__always)
    private static func isTypographicPunctuation(_ base: UnsafeMutablePointer<UInt8>, _ i: Int, _ count: Int) -> Bool {
        guard i + 2 < count, base[i + 1] == 0x80 else { return false }
        switch base[i + 2] {
        case 0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D: return true
        default: return false
        }
    }

    /// The number of words.
    var count: Int { starts.count }

    func length(_ i: Int) -> Int { Int(ends[i] - starts[i]) }

    /// Where word `i` starts in `bytes`.
    func start(_ i: Int) -> Int { Int(starts[i]) }

    /// The syllables of word `i`.
    func syllables(_ i: Int) -> Int { Int(wordSyllables[i]) }

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

    /// Whether the words speak of suicide or self-harm (in English or Spanish: «suicidio» shares
    /// the English stem).
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
            case UInt8(ascii: "a"):
                // Spanish: «autolesión», «autolesionarse».
                if word(i, hasPrefix: Self.autolesi) { return true }
            case UInt8(ascii: "q"):
                // Spanish: «quitarse la vida» (and «quitarme», «quitarte», «se quitó la vida»).
                if (word(i, hasPrefix: Self.quitar) || word(i, is: Self.quito)) && word(i + 1, is: Self.la) && word(i + 2, is: Self.vida) { return true }
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
    private static let autolesi = Array("autolesi".utf8), quitar = Array("quitar".utf8), quito = Array("quitó".utf8)
    private static let la = Array("la".utf8), vida = Array("vida".utf8)
    private static let reflexives = ["myself", "themselves", "himself", "herself", "yourself"].map { Array($0.utf8) }
    private static let possessives = ["my", "their", "your", "his", "her"].map { Array($0.utf8) }
}
