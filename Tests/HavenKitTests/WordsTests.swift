import Testing
@testable import HavenKit

/// `Words` is one hand-tuned byte loop; these tests hold it to the plain definition of a word,
/// a syllable and a sentence end, written the slow, obvious way.
@Suite struct WordsTests {
    /// The definition: lower-case the text; a word is a run of ASCII letters and digits or
    /// non-ASCII bytes; syllables are each word's vowel groups (a e i o u y), less a final silent
    /// e (not "-le"), at least one; a sentence ends at . ! or ? before a space, a line break or the end.
    static func reference(_ text: String) -> (words: [String], syllables: Int, sentenceEnds: Int) {
        let bytes = Array(text.lowercased().utf8)
        func isWordByte(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || b >= 0x80 }
        var words: [[UInt8]] = [], current: [UInt8] = []
        for b in bytes {
            if isWordByte(b) { current.append(b) } else if !current.isEmpty { words.append(current); current = [] }
        }
        if !current.isEmpty { words.append(current) }
        let vowels: Set<UInt8> = Set("aeiouy".utf8)
        var syllables = 0
        for word in words {
            var groups = 0, previous = false
            for b in word {
                let vowel = vowels.contains(b)
                if vowel && !previous { groups += 1 }
                previous = vowel
            }
            if word.last == UInt8(ascii: "e"), !(word.count >= 2 && word[word.count - 2] == UInt8(ascii: "l")), groups > 1 { groups -= 1 }
            syllables += max(1, groups)
        }
        var ends = 0
        for (j, b) in bytes.enumerated() where b == 0x2E || b == 0x21 || b == 0x3F {
            if j + 1 == bytes.count || bytes[j + 1] == 0x20 || bytes[j + 1] == 0x0A { ends += 1 }
        }
        return (words.map { String(decoding: $0, as: UTF8.self) }, syllables, ends)
    }

    static func check(_ text: String) -> Bool {
        let words = Words(text)
        let expected = reference(text)
        let got = (0..<words.count).map { String(decoding: words.word($0), as: UTF8.self) }
        return got == expected.words && words.syllables == expected.syllables && words.sentenceEnds == expected.sentenceEnds
    }

    @Test func examples() {
        let words = Words("The table is STABLE. Eye-opening? Yes! e.g. 3.5 ok")
        #expect((0..<words.count).map { String(decoding: words.word($0), as: UTF8.self) }
                == ["the", "table", "is", "stable", "eye", "opening", "yes", "e", "g", "3", "5", "ok"])
        #expect(words.sentenceEnds == 4)  // STABLE. opening? Yes! e.g.<space>
        for text in ["", " ", ".", "a.", "Hello world.", "Qué pasó? ÉL dijo: «sí».", "ÁRBOL Ñandú CAFÉ × ÷ ¿Qué? ¡SÍ! …", "ŴYAU İstanbul ΣΟΦΊΑ Straẞe", "日本語 テスト!", "line\nbreak.\nnext",
                     "Life, like, make, be, the, apple, rhyme, ye, YE, Eye", "a b c...", "x!?", "  lead and trail  "] {
            #expect(WordsTests.check(text), "\(text)")
        }
    }

    /// Bytes that are not UTF-8 (a lead byte at the end, or before ASCII) are words like any
    /// other non-ASCII bytes, and nothing past the text is read or written.
    @Test func bytesThatAreNotUTF8() {
        for bytes: [UInt8] in [[0xC3], [0x41, 0xC3], [0xC3, 0x41], [0xC3, 0xC3], [0x61, 0x20, 0xC3]] {
            let words = Words(utf8: bytes)
            #expect(words.count == (bytes.last == 0xC3 && bytes.count == 3 ? 2 : 1), "\(bytes)")
            #expect(words.bytes.count == bytes.count)
        }
        #expect(Words(utf8: [0xC3, 0x41]).bytes == [0xC3, 0x61])
    }

    @Test func matchesTheDefinitionOnRandomText() {
        // Latin-1 letters (lower-cased in the loop), Latin-1 signs and General Punctuation (no
        // case), and letters that take the standard library's lower-casing (Ŵ, Σ, İ, ẞ, 日).
        let alphabet = Array("aeiouyAEIOUYbcdlLEtT0 9 .!?,-'\n\téÉÁÍÓÚÑÜñüÀÞ×÷ÿ¿¡«»\u{A0}µ…ŴŵΣİẞ日ß").map(String.init)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<40, using: &generator)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? " " }.joined()
            #expect(WordsTests.check(text), "\(text.debugDescription)")
        }
    }
}

/// `PhraseLists` matches several lists in one pass; each list must find exactly what the plain
/// greedy scan of that list alone finds.
@Suite struct PhraseListsTests {
    /// The definition, slowly: left to right, the first entry (in list order) whose words start
    /// here and that no exception covers is a match, and the scan goes on after it.
    static func reference(_ list: PhraseList, _ text: String) -> [String] {
        let words = Words(text)
        let tokens = (0..<words.count).map { String(decoding: words.word($0), as: UTF8.self) }
        func split(_ s: String) -> [String] { let w = Words(s); return (0..<w.count).map { String(decoding: w.word($0), as: UTF8.self) } }
        func at(_ phrase: [String], _ i: Int) -> Bool { i >= 0 && i + phrase.count <= tokens.count && Array(tokens[i..<i + phrase.count]) == phrase }
        var found: [String] = [], i = 0
        scan: while i < tokens.count {
            for entry in list.entries {
                let phrase = split(entry.match)
                guard !phrase.isEmpty, at(phrase, i) else { continue }
                let covered = (entry.except ?? []).map(split).contains { ex in
                    (max(0, i + phrase.count - ex.count)...i).contains { at(ex, $0) }
                }
                if covered { continue }
                found.append(entry.match)
                i += phrase.count
                continue scan
            }
            i += 1
        }
        return found
    }

    @Test func eachListFindsWhatItWouldAlone() {
        let a = PhraseList(entries: [.init(match: "mental health", suggest: "", source: "", except: ["mental health services"]),
                                     .init(match: "mental", suggest: "", source: "", except: nil),
                                     .init(match: "health care", suggest: "", source: "", except: nil)])
        let b = PhraseList(phrases: ["health", "care team", "mental health care", "a study"])
        let c = PhraseList(phrases: ["studies show", "a study", "health"])
        let lists = PhraseLists([a, b, c])
        let vocabulary = ["mental", "health", "care", "services", "team", "a", "study", "studies", "show", "the"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1500 {
            let text = (0..<Int.random(in: 0..<16, using: &generator)).map { _ in vocabulary.randomElement(using: &generator) ?? "" }
                .joined(separator: " ")
            let found = lists.matches(in: Words(text))
            for (l, list) in [a, b, c].enumerated() {
                #expect(found[l].map(\.match) == PhraseListsTests.reference(list, text), "list \(l): \(text)")
            }
            #expect(lists.matches(in: Words(text), active: [true, false, true])[1].isEmpty)
        }
    }
}
