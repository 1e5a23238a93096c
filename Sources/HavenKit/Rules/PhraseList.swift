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
    /// of a text are ruled out without comparing them: the entries of bucket `b` are
    /// `bucketEntries[bucketStart[b]..<bucketStart[b + 1]]`.
    private let bucketStart: [Int32]
    private let bucketEntries: [Int32]
    /// Each entry's words and its exceptions' words, as lower-case UTF-8.
    private let words: [[[UInt8]]]
    private let exceptions: [[[[UInt8]]]]

    init(entries: [Entry]) {
        self.entries = entries
        func split(_ text: String) -> [[UInt8]] { let w = Words(text); return (0..<w.count).map { Array(w.word($0)) } }
        words = entries.map { split($0.match) }
        exceptions = entries.map { ($0.except ?? []).map(split) }
        var buckets = [[Int32]](repeating: [], count: PhraseList.bucketCount)
        for (i, w) in words.enumerated() {
            if let first = w.first, let byte = first.first { buckets[PhraseList.bucket(length: first.count, first: byte)].append(Int32(i)) }
        }
        var start: [Int32] = [0]
        for bucket in buckets { start.append((start.last ?? 0) + Int32(bucket.count)) }
        bucketStart = start
        bucketEntries = buckets.flatMap { $0 }
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
    func matches(in tokens: Words) -> [Entry] {
        var found: [Entry] = []
        var i = 0
        while i < tokens.count {
            var advanced = false
            let bucket = PhraseList.bucket(length: tokens.length(i), first: tokens.firstByte(i))
            for k in Int(bucketStart[bucket])..<Int(bucketStart[bucket + 1]) {
                let entry = Int(bucketEntries[k])
                guard PhraseList.matches(words[entry], tokens, at: i),
                      !exceptions[entry].contains(where: { PhraseList.covers($0, tokens, start: i, length: words[entry].count) }) else {
                    continue
                }
                found.append(entries[entry])
                i += words[entry].count
                advanced = true
                break
            }
            if !advanced { i += 1 }
        }
        return found
    }

    static let bucketCount = 64 * 256

    static func bucket(length: Int, first: UInt8) -> Int {
        min(length, 63) << 8 | Int(first)
    }

    private static func matches(_ phrase: [[UInt8]], _ tokens: Words, at start: Int) -> Bool {
        guard start + phrase.count <= tokens.count else { return false }
        for (offset, word) in phrase.enumerated() where !tokens.word(start + offset, is: word) { return false }
        return true
    }

    /// Whether an allowed longer phrase spans the match at `start` (`Substance Abuse and Mental Health…`).
    private static func covers(_ phrase: [[UInt8]], _ tokens: Words, start: Int, length: Int) -> Bool {
        let earliest = max(0, start + length - phrase.count)
        guard earliest <= start else { return false }
        return (earliest...start).contains { matches(phrase, tokens, at: $0) }
    }
}
