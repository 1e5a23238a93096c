/// Syllables of Spanish words, for the Fernández Huerta reading ease: each vowel group is one
/// syllable (a diphthong or triphthong: «cie-lo», «buey»), except where two vowels meet in hiatus
/// (two strong vowels, «le-er», «ca-os»; or an accented weak one, «dí-a», «re-ú-ne»). A final
/// «y» after a vowel closes a diphthong («hoy», «muy»); alone it is the word «y».
enum SpanishSyllables {
    private enum Vowel { case strong, weak, accentedWeak }

    private static func vowel(_ scalar: Unicode.Scalar) -> Vowel? {
        switch scalar {
        case "a", "e", "o", "á", "é", "ó": .strong
        case "i", "u", "ü": .weak
        case "í", "ú": .accentedWeak
        default: nil
        }
    }

    /// The syllables of one lower-case word; at least one.
    static func count(_ word: Substring.UnicodeScalarView) -> Int {
        var syllables = 0
        var previous: Vowel?
        var last: Unicode.Scalar?
        for scalar in word {
            last = scalar
            guard let current = vowel(scalar) else { previous = nil; continue }
            if let previous {
                let hiatus = (previous == .strong && current == .strong) || previous == .accentedWeak || current == .accentedWeak
                if hiatus { syllables += 1 }
            } else {
                syllables += 1
            }
            previous = current
        }
        // «y» alone is a syllable; after a vowel it closes the diphthong (counted already).
        if syllables == 0, last == "y" { return 1 }
        return max(1, syllables)
    }

    /// The syllables of every word of a block.
    static func count(in words: Words) -> Int {
        var total = 0
        for i in 0..<words.count {
            total += count(Substring(decoding: words.word(i), as: UTF8.self).unicodeScalars)
        }
        return total
    }
}
