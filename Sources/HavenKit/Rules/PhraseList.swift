import Yams

/// A reviewed list of phrases to flag (`Resources/language/*.yml`), each with its suggestion and source.
struct PhraseList: Sendable {
    struct Entry: Sendable, Decodable {
        var match: String
        var suggest: String
        var source: String
        var except: [String]?
    }

    let entries: [Entry]
    /// Lower-cased match and exceptions, prepared once.
    private let prepared: [(match: [Character], except: [String])]

    init(entries: [Entry]) {
        self.entries = entries
        prepared = entries.map { (Array($0.match.lowercased()), ($0.except ?? []).map { $0.lowercased() }) }
    }

    /// Loads an embedded list; a broken list is a bug in Haven, reported by the test suite.
    static func embedded(_ name: String) -> PhraseList {
        guard let text = EmbeddedFiles.files["Resources/language/\(name).yml"],
              let entries = try? YAMLDecoder().decode([Entry].self, from: text) else { return PhraseList(entries: []) }
        return PhraseList(entries: entries)
    }

    static let unsafeMessaging = embedded("unsafe-messaging")
    static let stigmatizing = embedded("stigmatizing-language")

    /// Whole-word, case-insensitive matches in `text`: (entry, character offset of the match).
    func matches(in text: String) -> [(entry: Entry, offset: Int)] {
        let lower = Array(text.lowercased())
        let lowerString = String(lower)
        var found: [(Entry, Int)] = []
        for (index, item) in prepared.enumerated() {
            let m = item.match
            guard let first = m.first, m.count <= lower.count else { continue }
            var i = 0
            while i + m.count <= lower.count {
                if lower[i] == first, Array(lower[i..<(i + m.count)]) == m,
                   (i == 0 || !lower[i - 1].isLetter), (i + m.count == lower.count || !lower[i + m.count].isLetter),
                   !item.except.contains(where: { lowerString.contains($0) && covers($0, at: i, length: m.count, in: lower) }) {
                    found.append((entries[index], i))
                    i += m.count
                    continue
                }
                i += 1
            }
        }
        return found.sorted { $0.1 < $1.1 }
    }

    /// Whether an allowed longer phrase (`Substance Abuse and Mental Health…`) spans the match at `offset`.
    private func covers(_ phrase: String, at offset: Int, length: Int, in text: [Character]) -> Bool {
        let p = Array(phrase)
        let lowerBound = max(0, offset + length - p.count)
        for start in lowerBound...offset where start + p.count <= text.count {
            if Array(text[start..<(start + p.count)]) == p { return true }
        }
        return false
    }
}
