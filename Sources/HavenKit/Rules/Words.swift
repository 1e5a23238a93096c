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

    init(_ text: String) {
        var lower = Array(text.utf8)
        var starts: [Int32] = [], ends: [Int32] = []
        starts.reserveCapacity(lower.count / 5)
        ends.reserveCapacity(lower.count / 5)
        // One pass lower-cases ASCII letters and finds the words; text with other letters is
        // lower-cased by the standard library first (its case mappings are not byte-for-byte).
        if !lower.allSatisfy({ $0 < 0x80 }) { lower = Array(text.lowercased().utf8) }
        var start = -1
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
                } else if start >= 0 {
                    starts.append(Int32(start))
                    ends.append(Int32(i))
                    start = -1
                }
            }
        }
        if start >= 0 {
            starts.append(Int32(start))
            ends.append(Int32(lower.count))
        }
        bytes = lower
        self.starts = starts
        self.ends = ends
    }

    /// Calls `body` with each word's bytes, in order, without copying them.
    func forEachWord(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for i in 0..<starts.count {
                body(UnsafeBufferPointer(start: base + Int(starts[i]), count: Int(ends[i] - starts[i])))
            }
        }
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
