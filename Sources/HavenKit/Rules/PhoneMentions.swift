import Yams

/// A phone number as written in a page's text, found while the page is parsed (so it can be
/// located in the source) and judged in the check phase against the page's region
/// (`CrisisNumberRules`). Letters (1-800-273-TALK) are read as keypad digits.
public struct PhoneMention: Sendable, Hashable {
    /// As written, e.g. "1-800-273-TALK" or "999".
    public var text: String
    /// The text with letters as keypad digits and separators kept, for libphonenumber.
    public var dialled: String
    /// Digits only (letters as keypad digits).
    public var digits: String
    /// A short code (3 to 6 digits: 911, 116 123) rather than a full number.
    public var isShort: Bool
    /// A short code preceded in its sentence by a word such as "call", "dial", "text" or
    /// "number": "call 999" is a phone number, "999 people" is not.
    public var dialContext: Bool
    public var location: SourceLocation
}

/// Finds phone numbers in UTF-8 text: full numbers (7 to 15 digits with separators, brackets,
/// `+` and keypad letters) and standalone short codes. It only proposes candidates;
/// libphonenumber decides what a full number is (`PhoneNumberLibrary`).
enum PhoneMentionScanner {
    struct Candidate: Equatable {
        var range: Range<Int>
        var text: String
        var dialled: String
        var digits: String
        var isShort: Bool
        var dialContext: Bool
    }

    /// Words that make a short code in the same sentence a number to call or text: the
    /// `dial-words.yml` of every language in `Resources/language/` (a page may quote another
    /// language's instructions, and a language with no lists of its own still has its numbers read).
    static let dialWords: Set<String> = {
        var words = Set<String>()
        for (path, text) in EmbeddedFiles.files where path.hasPrefix("Resources/language/") && path.hasSuffix("/dial-words.yml") {
            words.formUnion(((try? YAMLDecoder().decode([String].self, from: text)) ?? []).map { $0.lowercased() })
        }
        return words
    }()

    static func candidates(in bytes: [UInt8]) -> [Candidate] {
        var out: [Candidate] = []
        // Quick exit: no digit, no number (nearly every block).
        guard bytes.contains(where: isDigit) else { return out }
        out += fullNumbers(in: bytes)
        for short in shortCodes(in: bytes) where !out.contains(where: { $0.range.overlaps(short.range) }) {
            out.append(short)
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    // MARK: Full numbers

    private static func fullNumbers(in bytes: [UInt8]) -> [Candidate] {
        var out: [Candidate] = []
        var i = 0
        while i < bytes.count {
            let startsNumber = isDigit(bytes[i])
                || ((bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "(")) && i + 1 < bytes.count && isDigit(bytes[i + 1]))
            guard startsNumber, i == 0 || opensNumber(bytes[i - 1]) else { i += 1; continue }
            var end = i
            var lastGood = i
            var digitCount = 0
            var dialled: [UInt8] = []
            var digits: [UInt8] = []
            var j = i
            while j < bytes.count {
                let byte = bytes[j]
                if isDigit(byte) {
                    digitCount += 1
                    digits.append(byte)
                    dialled.append(byte)
                    j += 1
                    lastGood = j
                } else if byte == UInt8(ascii: "+") && j == i {
                    dialled.append(byte)
                    j += 1
                } else if isSeparator(byte) {
                    dialled.append(byte)
                    j += 1
                } else if byte == 0xC2, j + 1 < bytes.count, bytes[j + 1] == 0xA0 {  // no-break space
                    dialled.append(0x20)
                    j += 2
                } else if isUpper(byte), digitCount >= 3, j > i, isSeparator(bytes[j - 1]) {
                    // Keypad letters: 1-800-273-TALK, a whole upper-case word of 3 to 7 letters.
                    var k = j
                    while k < bytes.count, isUpper(bytes[k]) { k += 1 }
                    let run = k - j
                    guard (3...7).contains(run), k == bytes.count || !isLetter(bytes[k]) else { break }
                    for letter in bytes[j..<k] {
                        let digit = keypad(letter)
                        digits.append(digit)
                        dialled.append(digit)
                    }
                    digitCount += run
                    j = k
                    lastGood = j
                    break  // "1-800-273-TALK (8255)": what follows the letters spells them out
                } else {
                    break
                }
                if digitCount > 15 { break }
            }
            end = lastGood
            if (7...15).contains(digitCount), end > i, j >= end, end == bytes.count || !isLetterOrDigit(bytes[end]) {
                let trimmedDialled = String(decoding: dialled, as: UTF8.self).trimmingSpaces
                out.append(Candidate(range: i..<end, text: String(decoding: bytes[i..<end], as: UTF8.self), dialled: trimmedDialled,
                                     digits: String(decoding: digits, as: UTF8.self), isShort: false, dialContext: true))
            }
            i = max(j, i + 1)
        }
        return out
    }

    // MARK: Short codes

    private static func shortCodes(in bytes: [UInt8]) -> [Candidate] {
        var out: [Candidate] = []
        var i = 0
        while i < bytes.count {
            guard isDigit(bytes[i]), i == 0 || standsAlone(before: bytes, at: i - 1) else {
                // Skip the rest of this run of digits.
                if isDigit(bytes[i]) { while i < bytes.count, isDigit(bytes[i]) { i += 1 } } else { i += 1 }
                continue
            }
            var j = i
            while j < bytes.count, isDigit(bytes[j]) { j += 1 }
            var end = j
            var digits = Array(bytes[i..<j])
            // "116 123": two groups of three.
            if digits.count == 3, j + 3 < bytes.count || j + 3 == bytes.count, j + 3 <= bytes.count - 0,
               j < bytes.count, bytes[j] == 0x20, j + 4 <= bytes.count,
               bytes[(j + 1)..<(j + 4)].allSatisfy(isDigit), j + 4 == bytes.count || !isDigit(bytes[j + 4]) {
                digits += bytes[(j + 1)..<(j + 4)]
                end = j + 4
            }
            if (3...6).contains(digits.count), standsAlone(after: bytes, at: end) {
                let text = String(decoding: bytes[i..<end], as: UTF8.self)
                out.append(Candidate(range: i..<end, text: text, dialled: String(decoding: digits, as: UTF8.self),
                                     digits: String(decoding: digits, as: UTF8.self), isShort: true,
                                     dialContext: hasDialWord(before: i, in: bytes)))
            }
            i = end
        }
        return out
    }

    /// Whether one of the four words before `index`, in the same sentence, is a dial word
    /// (numbers between them are skipped: "call 999 or 112").
    private static func hasDialWord(before index: Int, in bytes: [UInt8]) -> Bool {
        var words = 0
        var k = index - 1
        while k >= 0, words < 4 {
            let byte = bytes[k]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ";") {
                // A stop between digits (1.5) is not a sentence end.
                if !(k > 0 && isDigit(bytes[k - 1]) && k + 1 < bytes.count && isDigit(bytes[k + 1])) { return false }
            }
            if isWordByte(bytes, k) {
                var start = k
                while start > 0, isWordByte(bytes, start - 1) { start -= 1 }
                let word = String(decoding: bytes[start...k], as: UTF8.self).lowercased()
                if dialWords.contains(word) { return true }
                words += 1
                k = start - 1
                continue
            }
            k -= 1
        }
        return false
    }

    // MARK: Bytes

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    private static func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || (byte >= 0x61 && byte <= 0x7A) }
    private static func isLetterOrDigit(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }
    /// A byte of a word for the dial-word search: an ASCII letter, or a byte of a Latin-1 letter
    /// in UTF-8 (U+00C0…U+00FF: lead byte 0xC3 and its continuation), so "número" and
    /// "teléfono" are one word each.
    private static func isWordByte(_ bytes: [UInt8], _ k: Int) -> Bool {
        let byte = bytes[k]
        if isLetter(byte) || byte == 0xC3 { return true }
        return (0x80...0xBF).contains(byte) && k > 0 && bytes[k - 1] == 0xC3
    }
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
    }

    /// A full number may start after white space, an opening bracket or quote, or a colon.
    private static func opensNumber(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "*") || byte >= 0x80
    }

    /// A short code is a word of its own: not part of 1,000, $999, 9/11, 2.112 or a date.
    private static func standsAlone(before bytes: [UInt8], at k: Int) -> Bool {
        let byte = bytes[k]
        if isLetterOrDigit(byte) { return false }
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "$"), UInt8(ascii: "#"), UInt8(ascii: "/"), UInt8(ascii: "-"),
             UInt8(ascii: ":"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "^"):
            return false
        case 0xA3 where k > 0 && bytes[k - 1] == 0xC2:  // £
            return false
        case 0xAC where k > 1 && bytes[k - 1] == 0x82 && bytes[k - 2] == 0xE2:  // €
            return false
        default:
            return true
        }
    }

    private static func standsAlone(after bytes: [UInt8], at end: Int) -> Bool {
        guard end < bytes.count else { return true }
        let byte = bytes[end]
        if isLetterOrDigit(byte) { return false }
        switch byte {
        case UInt8(ascii: "%"), UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "+"):
            return false
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"):
            // 999. ends a sentence; 1.5, 1,000 and 10:30 do not stand alone.
            return !(end + 1 < bytes.count && isDigit(bytes[end + 1]))
        default:
            return true
        }
    }

    /// The digit a letter stands for on a phone keypad.
    static func keypad(_ letter: UInt8) -> UInt8 {
        let digits: [UInt8] = Array("22233344455566677778889999".utf8)
        let index = Int(letter) - 0x41
        return (0..<26).contains(index) ? digits[index] : letter
    }
}
