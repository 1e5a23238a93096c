import Foundation
import Yams

/// A reviewed list of phrases to flag (`Resources/language/<id>/*.yml`), each with its suggestion and source.
/// Lists are matched by `PhraseLists`, all in one pass over a block's words, so cost grows with the
/// text, not with text × list length.
struct PhraseList: Sendable {
    struct Entry: Sendable, Decodable {
        var match: String
        var suggest: String
        var source: String
        var except: [String]?
        /// Literal replacements an editor can apply: `replace:` in the list (`[]` for none), else the
        /// suggestion's alternatives ("have, live with" → two), a trailing note such as
        /// "(only if accurate)" dropped; none when it describes what to write ("a specific, respectful
        /// description").
        var replace: [String]?

        var replacements: [String] {
            if let replace { return replace }
            var text = suggest.trimmingSpaces
            if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
                let note = text[text.index(after: open)...]
                guard note.hasPrefix("only if") || note.hasPrefix("or ") || note.hasPrefix("with ") else { return [] }
                text = String(text[..<open]).trimmingSpaces
            }
            let options = text.replacingOccurrences(of: ", or ", with: ", ").components(separatedBy: ", ").map(\.trimmingSpaces)
            guard options.allSatisfy({ !$0.isEmpty && !$0.contains(where: { "\"'()“”;".contains($0) }) && !$0.contains("specific") })
            else { return [] }
            return options
        }
    }

    let entries: [Entry]
    /// Each entry's words and its exceptions' words, as lower-case UTF-8.
    fileprivate let words: [[[UInt8]]]
    fileprivate let exceptions: [[[[UInt8]]]]

    init(entries: [Entry]) {
        self.entries = entries
        func split(_ text: String) -> [[UInt8]] { let w = Words(text); return (0..<w.count).map { Array(w.word($0)) } }
        words = entries.map { split($0.match) }
        exceptions = entries.map { ($0.except ?? []).map(split) }
    }

    /// A list built from plain phrases (no suggestion file), e.g. the claim phrases.
    init(phrases: [String]) {
        self.init(entries: phrases.map { Entry(match: $0, suggest: "", source: "", except: nil, replace: nil) })
    }

    /// Loads a language's embedded list (`Resources/language/<language>/<name>.yml`); a missing
    /// list is empty, a broken one is a bug in Haven, caught by the test suite.
    static func embedded(_ language: String, _ name: String) -> PhraseList {
        guard let text = EmbeddedFiles.files["Resources/language/\(language)/\(name).yml"],
              let entries = try? YAMLDecoder().decode([Entry].self, from: text) else { return PhraseList(entries: []) }
        return PhraseList(entries: entries)
    }

    fileprivate static func matches(_ phrase: [[UInt8]], _ tokens: Words, at start: Int) -> Bool {
        guard start + phrase.count <= tokens.count else { return false }
        for (offset, word) in phrase.enumerated() where !tokens.word(start + offset, is: word) { return false }
        return true
    }

    /// Whether an allowed longer phrase spans the match at `start` (`Substance Abuse and Mental Health…`).
    fileprivate static func covers(_ phrase: [[UInt8]], _ tokens: Words, start: Int, length: Int) -> Bool {
        let earliest = max(0, start + length - phrase.count)
        guard earliest <= start else { return false }
        return (earliest...start).contains { matches(phrase, tokens, at: $0) }
    }
}

/// Several phrase lists matched in one pass over a block's words. Each list finds exactly what it
/// would alone: at each word, its first entry (in list order) that matches and is not covered by
/// an exception wins, and the list goes on after the match; the lists do not affect each other.
///
/// Entries are indexed by a cheap key of their first word (length and first byte), so most words
/// are ruled out without comparing them: the entries of bucket `b` are
/// `bucketList/bucketEntry[bucketStart[b]..<bucketStart[b + 1]]`, each list's in its own order.
struct PhraseLists: Sendable {
    let lists: [PhraseList]
    private let bucketStart: [Int32]
    private let bucketList: [Int32]
    private let bucketEntry: [Int32]

    init(_ lists: [PhraseList]) {
        self.lists = lists
        var buckets = [[(list: Int32, entry: Int32)]](repeating: [], count: PhraseLists.bucketCount)
        for (l, list) in lists.enumerated() {
            for (i, w) in list.words.enumerated() {
                if let first = w.first, let byte = first.first {
                    buckets[PhraseLists.bucket(length: first.count, first: byte)].append((Int32(l), Int32(i)))
                }
            }
        }
        var start: [Int32] = [0]
        for bucket in buckets { start.append((start.last ?? 0) + Int32(bucket.count)) }
        bucketStart = start
        bucketList = buckets.flatMap { $0.map(\.list) }
        bucketEntry = buckets.flatMap { $0.map(\.entry) }
    }

    /// Each list's matches, in text order; `active` (one per list, all by default) skips lists.
    func matches(in tokens: Words, active: [Bool]? = nil) -> [[PhraseList.Entry]] {
        var found = [[PhraseList.Entry]](repeating: [], count: lists.count)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: lists.count) { next in
            // Where each list may match next (after its last match); skipped lists never may.
            for l in 0..<lists.count { next[l] = active?[l] == false ? Int.max : 0 }
            for i in 0..<tokens.count {
                let bucket = PhraseLists.bucket(length: tokens.length(i), first: tokens.firstByte(i))
                let lower = Int(bucketStart[bucket]), upper = Int(bucketStart[bucket + 1])
                guard lower < upper else { continue }
                for k in lower..<upper {
                    let l = Int(bucketList[k])
                    guard i >= next[l] else { continue }
                    let list = lists[l], entry = Int(bucketEntry[k])
                    let phrase = list.words[entry]
                    guard PhraseList.matches(phrase, tokens, at: i),
                          !list.exceptions[entry].contains(where: { PhraseList.covers($0, tokens, start: i, length: phrase.count) }) else {
                        continue
                    }
                    found[l].append(list.entries[entry])
                    next[l] = i + phrase.count
                }
            }
        }
        return found
    }

    static let bucketCount = 64 * 256

    static func bucket(length: Int, first: UInt8) -> Int {
        min(length, 63) << 8 | Int(first)
    }
}
