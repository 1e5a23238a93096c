import Yams

/// Evidence claims recognised by their structure (`uncited-claim`): an evidence noun phrase
/// ("a 2017 study", "one research review on the topic") as the subject of a reporting verb
/// ("indicates", "suggests", "have found") within one sentence, or "according to" an evidence
/// noun or authority. The vocabulary is data, one file per language
/// (`Resources/language/<id>/evidence-claims.yml`, format in its header).
struct EvidenceClaims: Sendable {
    let nouns: Set<String>
    let modifiers: Set<String>
    let verbs: Set<String>
    let window: Int
    let breaks: Set<String>
    let notAfter: Set<String>
    let notBefore: Set<String>
    let accordingTo: [String]
    let authorities: Set<String>
    let claimPhrases: [[String]]
    let people: Set<String>
    let pronounVerbs: Set<String>
    let subjects: Set<String>
    let subjectWindow: Int

    private struct File: Decodable {
        var nouns: [String], modifiers: [String], verbs: [String], window: Int, breaks: [String]
        var not_after: [String], not_before: [String], according_to: [String], authorities: [String]
        var claim_phrases: [[String]]?, people: [String]?, pronoun_verbs: [String]?, subjects: [String]?, subject_window: Int?
    }

    /// The built-in English vocabulary (empty, matching nothing, if the embedded file were unreadable).
    static let english = EvidenceClaims(language: "en")

    init(language: String) {
        let text = EmbeddedFiles.files["Resources/language/\(language)/evidence-claims.yml"] ?? ""
        let file = (try? YAMLDecoder().decode(File.self, from: text))
            ?? File(nouns: [], modifiers: [], verbs: [], window: 0, breaks: [], not_after: [], not_before: [], according_to: [], authorities: [])
        self.init(file)
    }

    private init(_ file: File) {
        nouns = Set(file.nouns); modifiers = Set(file.modifiers); verbs = Set(file.verbs); window = max(0, file.window)
        breaks = Set(file.breaks); notAfter = Set(file.not_after); notBefore = Set(file.not_before)
        accordingTo = file.according_to; authorities = Set(file.authorities)
        claimPhrases = (file.claim_phrases ?? []).filter { !$0.isEmpty }
        people = Set(file.people ?? []); pronounVerbs = Set(file.pronoun_verbs ?? []); subjects = Set(file.subjects ?? [])
        subjectWindow = max(0, file.subject_window ?? file.window)
    }

    /// The first claim in a block's words, as its text reads (lower-cased, from the subject's
    /// first word to the verb), or nil.
    func firstClaim(in words: Words) -> String? {
        let count = words.count
        guard count > 1 else { return nil }
        let tokens = (0..<count).map { String(decoding: words.word($0), as: UTF8.self) }
        // Sentence number of each word: a stop (. ! ?) before white space between two words ends one.
        var sentence = [Int](repeating: 0, count: count)
        for i in 1..<count {
            let gap = words.bytes[words.word(i - 1).endIndex..<words.word(i).startIndex]
            let ends = gap.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: ";") }
            sentence[i] = sentence[i - 1] + (ends ? 1 : 0)
        }
        func text(_ from: Int, _ to: Int) -> String {
            String(decoding: words.bytes[words.word(from).startIndex..<words.word(to).endIndex], as: UTF8.self)
        }
        func isNumber(_ token: String) -> Bool { !token.isEmpty && token.allSatisfy { $0.isASCII && $0.isNumber } }

        for i in 0..<count {
            // "according to" + an evidence noun or authority.
            if !accordingTo.isEmpty, i + accordingTo.count <= count,
               accordingTo.indices.allSatisfy({ tokens[i + $0] == accordingTo[$0] && sentence[i + $0] == sentence[i] }) {
                let after = i + accordingTo.count
                var k = after
                while k < count, k < after + window, sentence[k] == sentence[i] {
                    if nouns.contains(tokens[k]) || authorities.contains(tokens[k]) { return text(i, k) }
                    k += 1
                }
                continue
            }
            guard nouns.contains(tokens[i]) || subjects.contains(tokens[i]) else { continue }
            // The subject's first word: back over modifiers, numbers and other evidence nouns.
            var start = i
            while start > 0, sentence[start - 1] == sentence[i],
                  modifiers.contains(tokens[start - 1]) || isNumber(tokens[start - 1]) || nouns.contains(tokens[start - 1]) {
                start -= 1
            }
            if start > 0, sentence[start - 1] == sentence[i], notAfter.contains(tokens[start - 1]) { continue }
            // A phrase that is a claim by itself ("good evidence that").
            for phrase in claimPhrases where phrase[0] == tokens[i] && i + phrase.count <= count
                && phrase.indices.allSatisfy({ tokens[i + $0] == phrase[$0] && sentence[i + $0] == sentence[i] }) {
                return text(start, i + phrase.count - 1)
            }
            if i + 1 < count, sentence[i + 1] == sentence[i], notBefore.contains(tokens[i + 1]),
               !(tokens[i + 1] == "who" && people.contains(tokens[i])) { continue }
            // The verb: within `window` words, before any word that starts another clause (except
            // a pronoun right before a verb: "in one study they found").
            let reach = nouns.contains(tokens[i]) ? window : subjectWindow
            var k = i + 1
            while k < count, k <= i + reach + 1, sentence[k] == sentence[i] {
                if verbs.contains(tokens[k]) { return text(start, k) }
                if breaks.contains(tokens[k]) {
                    guard pronounVerbs.contains(tokens[k]), k + 1 < count, sentence[k + 1] == sentence[i],
                          verbs.contains(tokens[k + 1]) else { break }
                    return text(start, k + 1)
                }
                k += 1
            }
        }
        return nil
    }
}
