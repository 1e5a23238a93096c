/// Syllables of Spanish words, for the Fernández Huerta reading ease: each vowel group is one
/// syllable (a diphthong or triphthong: «cie-lo», «buey»), except where two vowels meet in hiatus
/// (two strong vowels, «le-er», «ca-os»; or an accented weak one, «dí-a», «re-ú-ne»). A final
/// «y» after a vowel closes a diphthong («hoy», «muy»); alone it is the word «y».
enum SpanishSyllables {
    private enum Vowel { case strong, weak, accentedWeak }

    /// The syllables of every word of a block.
    static func count(in words: Words) -> Int {
        var total = 0
        for i in 0..<words.count {
            total += count(utf8: words.word(i))
        }
        return total
    }

    /// The syllables of one lower-case word (its UTF-8 bytes); at least one. Read on bytes, with
    /// no `String` per word (a `String` of each word was a tenth of a Spanish page's parse): the
    /// vowels are ASCII or two bytes (C3 xx), and every other character is a consonant.
    static func count(utf8 word: ArraySlice<UInt8>) -> Int {
        var syllables = 0
        var previous: Vowel?
        var lastIsY = false
        var i = word.startIndex
        while i < word.endIndex {
            let byte = word[i]
            var current: Vowel?
            switch byte {
            case 0x61, 0x65, 0x6F: current = .strong  // a e o
            case 0x69, 0x75: current = .weak  // i u
            case 0xC3 where i + 1 < word.endIndex:
                switch word[i + 1] {
                case 0xA1, 0xA9, 0xB3: current = .strong  // á é ó
                case 0xBC: current = .weak  // ü
                case 0xAD, 0xBA: current = .accentedWeak  // í ú
                default: break
                }
            default: break
            }
            lastIsY = byte == 0x79
            // Continuation bytes (10xxxxxx) belong to the character before.
            if byte & 0xC0 != 0x80 {
                if let current {
                    if let previous {
                        let hiatus = (previous == .strong && current == .strong) || previous == .accentedWeak || current == .accentedWeak
                        if hiatus { syllables += 1 }
                    } else {
                        syllables += 1
                    }
                }
                previous = current
            }
            i += 1
        }
        if syllables == 0, lastIsY { return 1 }
        return max(1, syllables)
    }
}
