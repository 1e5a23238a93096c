/// The words of a block of prose, lower-cased, split once and shared by every wording rule.
/// A word is a run of ASCII letters and digits or of non-ASCII characters (letters in most
/// scripts); everything else (spaces, punctuation, hyphens, apostrophes) separates words.
struct Words: Sendable {
    let lowercased: String
    let list: [Substring]

    init(_ text: String) {
        lowercased = text.lowercased()
        list = Words.split(lowercased)
    }

    static func split(_ text: String) -> [Substring] {
        var result: [Substring] = []
        let utf8 = text.utf8
        var start: String.Index?
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            let isWord = byte >= 0x80 || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
            if isWord {
                if start == nil { start = index }
            } else if let s = start {
                result.append(text[s..<index])
                start = nil
            }
            index = utf8.index(after: index)
        }
        if let s = start { result.append(text[s..<text.endIndex]) }
        return result
    }

    /// Whether the words speak of suicide or self-harm.
    var mentionSuicideOrSelfHarm: Bool {
        for (i, word) in list.enumerated() {
            if word.hasPrefix("suicid") || word == "selfharm" { return true }
            let next = i + 1 < list.count ? list[i + 1] : ""
            let after = i + 2 < list.count ? list[i + 2] : ""
            if word == "self" && (next == "harm" || next == "harming" || next.hasPrefix("injur")) { return true }
            if word == "kill" && ["myself", "themselves", "himself", "herself", "yourself"].contains(next) { return true }
            if word == "end" && ["my", "their", "your", "his", "her"].contains(next) && after == "life" { return true }
            if word == "take", ["my", "their", "your", "his", "her"].contains(next), after == "own",
               i + 3 < list.count, list[i + 3] == "life" { return true }
        }
        return false
    }
}
