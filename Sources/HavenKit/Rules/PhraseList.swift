import Yams

/// A reviewed list of phrases to flag (`Resources/language/*.yml`), each with its suggestion and source.
/// Matching works on `Words`, in one pass
/// over a block's words, so cost grows with the text, not with text × list length.
struct PhraseList: Sendable {
    struct Entry: Sendable, Decodable {
        var match: String
        var suggest: String
        var source: String
        var except: [String]?
    }

    let entries: [Entry]
    /// Entry indexes by a cheap key of their first word (length and first byte), so most words
    /// of a text are ruled out without hashing them.
    private let buckets: [[Int]]
    private let words: [[Substring]]
    private let exceptions: [[[Substring]]]

    init(entries: [Entry]) {
        self.entries = entries
        words = entries.map { Words($0.match).list }
        exceptions = entries.map { ($0.except ?? []).map { Words($0).list } }
        var buckets = [[Int]](repeating: [], count: PhraseList.bucketCount)
        for (i, w) in words.enumerated() {
            if let first = w.first { buckets[PhraseList.bucket(first)].append(i) }
        }
        self.buckets = buckets
    }

    /// A list built from plain phrases (no suggestion file), e.g. the claim phrases.
    init(phrases: [String]) {
        self.init(entries: phrases.map { Entry(match: $0, suggest: "", source: "", except: nil) })
    }

    /// Loads an embedded list; a broken list is a bug in Haven, caught by the test suite.
    static func embedded(_ name: String) -> PhraseList {
        guard let text = EmbeddedFiles.files["Resources/language/\(name).yml"],
              let entries = try? YAMLDecoder().decode([Entry].self, from: text) else { return PhraseList(entries: []) }
        return PhraseList(entries: entries)
    }

    static let unsafeMessaging = embedded("unsafe-messaging")
    static let stigmatizing = embedded("stigmatizing-language")

    /// Whole-word, case-insensitive matches in a block's words, in text order.
    func matches(in text: Words) -> [Entry] {
        let tokens = text.list
        var found: [Entry] = []
        var i = 0
        while i < tokens.count {
            var advanced = false
            let candidates = buckets[PhraseList.bucket(tokens[i])]
            if !candidates.isEmpty {
                for entry in candidates where PhraseList.matches(words[entry], tokens, at: i) {
                    if exceptions[entry].contains(where: { PhraseList.covers($0, tokens, start: i, length: words[entry].count) }) {
                        continue
                    }
                    found.append(entries[entry])
                    i += words[entry].count
                    advanced = true
                    break
                }
            }
            if !advanced { i += 1 }
        }
        return found
    }

    static let bucketCount = 64 * 256

    static func bucket(_ word: Substring) -> Int {
        let utf8 = word.utf8
        return min(utf8.count, 63) << 8 | Int(utf8.first ?? 0)
    }

    private static func matches(_ phrase: [Substring], _ tokens: [Substring], at start: Int) -> Bool {
        guard start + phrase.count <= tokens.count else { return false }
        for (offset, word) in phrase.enumerated() where tokens[start + offset] != word { return false }
        return true
    }

    /// Whether an allowed longer phrase spans the match at `start` (`Substance Abuse and Mental Health…`).
    private static func covers(_ phrase: [Substring], _ tokens: [Substring], start: Int, length: Int) -> Bool {
        let earliest = max(0, start + length - phrase.count)
        guard earliest <= start else { return false }
        return (earliest...start).contains { matches(phrase, tokens, at: $0) }
    }
}
