import Foundation
import Yams

/// Evidence claims recognised by their structure (`uncited-claim`): an evidence noun phrase
/// ("a 2017 study", "one research review on the topic") as the subject of a reporting verb
/// ("indicates", "suggests", "have found") within one sentence, also after a long post-modifier
/// ("a trial of 400 adults with depression found"); an evidence noun rated by "is/are"
/// ("the evidence is clear"); a reporting verb after its subject's clause ("…, experts say");
/// a claim verb in the passive with an evidence noun or authority as agent ("is recommended by
/// NICE"); or "according to" an evidence noun or authority. The vocabulary is data, one file per
/// language (`Resources/language/<id>/evidence-claims.yml`, format in its header).
struct EvidenceClaims: Sendable {
    let window: Int
    /// The words of the "according to" opener (their roles are `WordRoles.Role.accordingTo`).
    let accordingTo: [String]
    let claimPhrases: [[String]]
    let subjectWindow: Int
    /// The vocabulary's word lists as one role mask per word, read on bytes (see `WordRoles`).
    private let roles: WordRoles
    /// `claimPhrases` as bytes, for `WordRoles.word(_:is:_:)`.
    private let claimPhraseBytes: [[[UInt8]]]
    /// Phrases that are a claim when a rating word stands in the subject before them ("a strong
    /// evidence base"), phrases that are a claim wherever they start ("has been shown to"), as bytes.
    let ratedPhrases: [[String]], freePhrases: [[String]]
    private let ratedPhraseBytes: [[[UInt8]]], freePhraseBytes: [[[UInt8]]]
    /// How far after an evidence noun followed by a post-modifier ("a trial of…", "a study
    /// published in…") a verb of `long_verbs` may stand.
    let longWindow: Int

    private struct File: Decodable {
        var nouns: [String], modifiers: [String], verbs: [String], window: Int, breaks: [String]
        var not_after: [String], not_before: [String], according_to: [String], authorities: [String]
        var claim_phrases: [[String]]?, people: [String]?, pronoun_verbs: [String]?, subjects: [String]?, subject_window: Int?
        var be: [String]?, judgements: [String]?, ratings: [String]?, degrees: [String]?, rated_phrases: [[String]]?, free_phrases: [[String]]?
        var postmodifiers: [String]?, long_verbs: [String]?, long_window: Int?, passives: [String]?, agents: [String]?
        var inverted_verbs: [String]?, abbreviations: [String]?, articles: [String]?, article_subjects: [String]?, openers: [String]?, ing_verbs: [String]?,
            evidence_passives: [String]?, be_exempt: [String]?
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
        window = max(0, file.window)
        accordingTo = file.according_to
        claimPhrases = (file.claim_phrases ?? []).filter { !$0.isEmpty }
        subjectWindow = max(0, file.subject_window ?? file.window)
        var lists: [([String], WordRoles.Role)] = [(file.nouns, .noun), (file.modifiers, .modifier), (file.verbs, .verb),
                                                    (file.breaks, .breaks), (file.not_after, .notAfter), (file.not_before, .notBefore),
                                                    (file.authorities, .authority), (file.people ?? [], .person),
                                                    (file.pronoun_verbs ?? [], .pronounVerb), (file.subjects ?? [], .subject), (["who"], .who),
                                                    (file.be ?? [], .be), (file.judgements ?? [], .judgement), (file.ratings ?? [], .rating), (file.degrees ?? [], .degree),
                                                    ((file.free_phrases ?? []).compactMap(\.first), .phraseHead),
                                                    (file.postmodifiers ?? [], .postmodifier), (file.long_verbs ?? [], .longVerb),
                                                    (file.passives ?? [], .passive), (file.agents ?? [], .agent),
                                                    (file.inverted_verbs ?? [], .inverted), (file.abbreviations ?? [], .abbreviation),
                                                    (file.articles ?? [], .article), (file.article_subjects ?? [], .articleSubject),
                                                    (file.openers ?? [], .opener), (file.ing_verbs ?? [], .ingVerb),
                                                    (file.evidence_passives ?? [], .evidencePassive), (file.be_exempt ?? [], .beExempt)]
        for (index, word) in accordingTo.enumerated() where index < WordRoles.Role.accordingTo.count {
            lists.append(([word], WordRoles.Role.accordingTo[index]))
        }
        roles = WordRoles(lists)
        claimPhraseBytes = claimPhrases.map { $0.map { Array($0.utf8) } }
        ratedPhrases = (file.rated_phrases ?? []).filter { !$0.isEmpty }
        freePhrases = (file.free_phrases ?? []).filter { !$0.isEmpty }
        ratedPhraseBytes = ratedPhrases.map { $0.map { Array($0.utf8) } }
        freePhraseBytes = freePhrases.map { $0.map { Array($0.utf8) } }
        longWindow = max(window, file.long_window ?? window)
    }

    /// The roles a claim's first word has, in one of the shapes `firstClaim` finds.
    private static let claimStarts: WordRoles.Role = [.phraseHead, .passive, .evidencePassive, .inverted, .noun, .subject,
                                                      .articleSubject, WordRoles.Role.accordingTo[0]]

    /// The first claim in a block's words, as its text reads (lower-cased, from the subject's
    /// first word to the verb), or nil.
    func firstClaim(in words: Words) -> String? {
        let count = words.count
        guard count > 1 else { return nil }
        // Each word's roles in the vocabulary, looked up once (most words have none).
        let role = (0..<count).map { roles.roles(of: words.word($0)) }
        // Every claim below starts at a word of one of these roles: a block with none (most of
        // them) has no claim, and its sentences need not be counted.
        guard role.contains(where: { !$0.isDisjoint(with: EvidenceClaims.claimStarts) }) else { return nil }
        // Sentence number of each word: a stop (. ! ?) before white space between two words ends one.
        var sentence = [Int](repeating: 0, count: count)
        for i in 1..<count {
            let gap = words.bytes[words.word(i - 1).endIndex..<words.word(i).startIndex]
            // (Not after an abbreviation: "Turner et al. (2008) found".)
            let ends = !role[i - 1].contains(.abbreviation)
                && gap.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: ";") }
            sentence[i] = sentence[i - 1] + (ends ? 1 : 0)
        }
        func text(_ from: Int, _ to: Int) -> String {
            String(decoding: words.bytes[words.word(from).startIndex..<words.word(to).endIndex], as: UTF8.self)
        }
        func isNumber(_ i: Int) -> Bool { words.word(i).allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        func same(_ k: Int, _ i: Int) -> Bool { k < count && sentence[k] == sentence[i] }
        /// Whether word `at` starts `phrase` (in one sentence).
        func matches(_ phrase: [String], _ bytes: [[UInt8]], at: Int) -> Bool {
            at + phrase.count <= count && phrase.indices.allSatisfy {
                sentence[at + $0] == sentence[at] && WordRoles.word(words.word(at + $0), is: phrase[$0], bytes[$0])
            }
        }
        /// An evidence noun, authority or organisation within `reach` words after `from` in its
        /// sentence, before a word that starts another clause.
        func source(after from: Int, within reach: Int) -> Int? {
            var k = from + 1
            while k <= from + reach, same(k, from) {
                if !role[k].isDisjoint(with: [.noun, .authority, .subject]) { return k }
                if role[k].contains(.breaks) { return nil }
                k += 1
            }
            return nil
        }
        /// A rating after a form of "to be" at `k` ("is clear", "are very strong"): its index.
        func rating(afterBe k: Int) -> Int? {
            var m = k + 1
            if same(m, k), role[m].contains(.degree) { m += 1 }
            return same(m, k) && role[m].contains(.judgement) ? m : nil
        }
        let opener = Array(WordRoles.Role.accordingTo.prefix(accordingTo.count))

        for i in 0..<count {
            // A phrase that is a claim wherever it stands ("has been shown to").
            if role[i].contains(.phraseHead),
               !(max(0, i - 2)..<i).contains(where: { same($0, i) && role[$0].isSuperset(of: [.breaks, .notAfter]) }) {
                for (phrase, bytes) in zip(freePhrases, freePhraseBytes) where matches(phrase, bytes, at: i) {
                    let next = i + phrase.count
                    if same(next, i), role[next].isSuperset(of: [.breaks, .notAfter]) { continue }
                    return text(i, next - 1)
                }
            }
            // A claim verb in the passive, its agent an evidence noun or authority ("it is
            // recommended by NICE", "is supported by decades of clinical trials").
            if !role[i].isDisjoint(with: [.passive, .evidencePassive]), i > 0, same(i, i - 1), role[i - 1].contains(.be) {
                var k = i + 1
                while k <= i + window, same(k, i), !role[k].contains(.breaks) {
                    if role[k].contains(.agent) {
                        if let end = source(after: k, within: window),
                           role[i].contains(.passive) || role[end].contains(.noun) { return text(i - 1, end) }
                        break
                    }
                    k += 1
                }
            }
            // A reporting verb after the clause it reports, its subject after it: "…, say experts".
            if role[i].contains(.inverted), i > 0, same(i, i - 1),
               words.bytes[words.word(i - 1).endIndex..<words.word(i).startIndex].contains(UInt8(ascii: ",")),
               let end = source(after: i, within: subjectWindow) {
                return text(i, end)
            }
            // "according to" + an evidence noun or authority.
            if !opener.isEmpty, opener.count == accordingTo.count, i + opener.count <= count,
               opener.indices.allSatisfy({ role[i + $0].contains(opener[$0]) && sentence[i + $0] == sentence[i] }) {
                let after = i + opener.count
                var k = after
                while k < count, k < after + window, sentence[k] == sentence[i] {
                    if !role[k].isDisjoint(with: [.noun, .authority]) { return text(i, k) }
                    k += 1
                }
                continue
            }
            // An organisation named by a word that is one only after an article ("the WHO").
            let articleSubject = role[i].contains(.articleSubject) && i > 0 && same(i, i - 1) && role[i - 1].contains(.article)
            guard !role[i].isDisjoint(with: [.noun, .subject]) || articleSubject else { continue }
            // The subject's first word: back over modifiers, numbers and other evidence nouns.
            var start = i
            while start > 0, sentence[start - 1] == sentence[i],
                  !role[start - 1].isDisjoint(with: [.modifier, .noun, .rating]) || isNumber(start - 1) {
                start -= 1
            }
            // (A conjunction opening the sentence does not count: "And the research is clear".)
            if start > 0, sentence[start - 1] == sentence[i], role[start - 1].contains(.notAfter),
               !(role[start - 1].contains(.opener) && (start == 1 || sentence[start - 2] != sentence[start - 1])) { continue }
            // A phrase that is a claim by itself ("good evidence that").
            for (phrase, bytes) in zip(claimPhrases, claimPhraseBytes) where matches(phrase, bytes, at: i) {
                return text(start, i + phrase.count - 1)
            }
            // A phrase that is a claim after a rating ("a strong evidence base", "good evidence for").
            if start < i, (start..<i).contains(where: { role[$0].contains(.rating) }) {
                for (phrase, bytes) in zip(ratedPhrases, ratedPhraseBytes) where matches(phrase, bytes, at: i) {
                    return text(start, i + phrase.count - 1)
                }
            }
            if i + 1 < count, sentence[i + 1] == sentence[i], role[i + 1].contains(.notBefore),
               !(role[i + 1].contains(.who) && role[i].contains(.person)) { continue }
            // The verb: within `window` words, before any word that starts another clause (except
            // a pronoun right before a verb: "in one study they found").
            // A noun followed by a post-modifier ("a trial of 400 adults…", "a study published in…")
            // may have its verb further away, if it is one of `long_verbs` ("found", not "show":
            // "a trial of a new routine for two weeks can show you").
            let isNoun = role[i].contains(.noun)
            let reach = isNoun ? window : subjectWindow
            let longReach = isNoun && same(i + 1, i) && role[i + 1].contains(.postmodifier) ? longWindow : reach
            var k = i + 1
            while k < count, k <= i + longReach + 1, sentence[k] == sentence[i] {
                let near = k <= i + reach + 1
                if role[k].contains(.verb) || (role[k].contains(.ingVerb) && !role[i].contains(.person)) {
                    if near || role[k].contains(.longVerb) { return text(start, k) }
                    break
                }
                if role[k].contains(.breaks) {
                    // "the evidence is clear", "research results are significant".
                    if isNoun, near, role[k].contains(.be), !role[i].contains(.beExempt) || (start..<i).contains(where: { role[$0].contains(.noun) }),
                       let end = rating(afterBe: k) { return text(start, end) }
                    guard near, role[k].contains(.pronounVerb), k + 1 < count, sentence[k + 1] == sentence[i],
                          role[k + 1].contains(.verb) else { break }
                    return text(start, k + 1)
                }
                k += 1
            }
        }
        return nil
    }
}

/// The roles words play in an evidence-claim vocabulary, looked up on a word's lower-cased bytes
/// with no `String` made: a table by length and first byte holds the few vocabulary words of each
/// shape. What it buys: `uncited-claim` made a `String` of every word of every paragraph and
/// hashed it against the vocabulary's sets, 8.6% of `haven lint`'s CPU on the 10,000-page bench
/// corpus (1.7% now). A word with bytes beyond ASCII is looked up as a `String` (canonically
/// equivalent spellings of accented words match, as `Set<String>` did).
struct WordRoles: Sendable {
    struct Role: OptionSet, Sendable {
        let rawValue: UInt32
        static let noun = Role(rawValue: 1 << 0), modifier = Role(rawValue: 1 << 1), verb = Role(rawValue: 1 << 2)
        static let breaks = Role(rawValue: 1 << 3), notAfter = Role(rawValue: 1 << 4), notBefore = Role(rawValue: 1 << 5)
        static let authority = Role(rawValue: 1 << 6), person = Role(rawValue: 1 << 7), pronounVerb = Role(rawValue: 1 << 8)
        static let subject = Role(rawValue: 1 << 9), who = Role(rawValue: 1 << 10)
        static let be = Role(rawValue: 1 << 15), rating = Role(rawValue: 1 << 16), degree = Role(rawValue: 1 << 17)
        static let phraseHead = Role(rawValue: 1 << 18), postmodifier = Role(rawValue: 1 << 19), longVerb = Role(rawValue: 1 << 20)
        static let passive = Role(rawValue: 1 << 21), agent = Role(rawValue: 1 << 22), inverted = Role(rawValue: 1 << 23)
        static let abbreviation = Role(rawValue: 1 << 24), judgement = Role(rawValue: 1 << 25)
        static let article = Role(rawValue: 1 << 26), articleSubject = Role(rawValue: 1 << 27)
        static let opener = Role(rawValue: 1 << 28), ingVerb = Role(rawValue: 1 << 29)
        static let evidencePassive = Role(rawValue: 1 << 30), beExempt = Role(rawValue: 1 << 31)
        /// The words of the "according to" opener, by position (up to four).
        static let accordingTo = [Role(rawValue: 1 << 11), Role(rawValue: 1 << 12), Role(rawValue: 1 << 13), Role(rawValue: 1 << 14)]
    }

    private static let maxLength = 32
    /// The ASCII vocabulary words, grouped by shape (length, first byte), written one after the
    /// other: a slot `length * 256 + first byte` holds the entries `slotStart[slot]..<slotStart[slot + 1]`,
    /// each the offset in `letters` of a word of that length, and its roles. One flat buffer, so a
    /// lookup retains no array of its own: with an array per slot and per word, the lookups were
    /// 3.0% of `haven lint`'s CPU samples on the bench corpus; 1.8% this way (the instructions
    /// barely differ: the retains and releases were the cost).
    private let letters: [UInt8]
    private let slotStart: [Int32]
    private let entries: [(offset: Int32, role: Role)]
    private var other: [String: Role] = [:]

    init(_ lists: [([String], Role)]) {
        var bySlot = [[(word: [UInt8], role: Role)]](repeating: [], count: (WordRoles.maxLength + 1) * 256)
        for (words, role) in lists {
            for word in words {
                let bytes = Array(word.utf8)
                other[word, default: []].insert(role)
                guard let first = bytes.first, bytes.count <= WordRoles.maxLength, bytes.allSatisfy({ $0 < 0x80 }) else { continue }
                let slot = bytes.count * 256 + Int(first)
                if let index = bySlot[slot].firstIndex(where: { $0.word == bytes }) {
                    bySlot[slot][index].role.insert(role)
                } else {
                    bySlot[slot].append((bytes, role))
                }
            }
        }
        var letters: [UInt8] = [], slotStart: [Int32] = [0], entries: [(offset: Int32, role: Role)] = []
        for slot in bySlot {
            for (word, role) in slot {
                entries.append((Int32(letters.count), role))
                letters += word
            }
            slotStart.append(Int32(entries.count))
        }
        self.letters = letters
        self.slotStart = slotStart
        self.entries = entries
    }

    func roles(of word: ArraySlice<UInt8>) -> Role {
        guard let first = word.first else { return [] }
        if word.allSatisfy({ $0 < 0x80 }) {
            let length = word.count
            guard length <= WordRoles.maxLength else { return [] }
            let slot = length * 256 + Int(first)
            let from = Int(slotStart[slot]), to = Int(slotStart[slot + 1])
            guard from < to else { return [] }
            return letters.withUnsafeBufferPointer { letters in
                word.withUnsafeBufferPointer { word in
                    guard let base = letters.baseAddress, let text = word.baseAddress else { return [] }
                    for index in from..<to where memcmp(base + Int(entries[index].offset), text, length) == 0 {
                        return entries[index].role
                    }
                    return []
                }
            }
        }
        return other[String(decoding: word, as: UTF8.self)] ?? []
    }

    /// Whether a word of the text is `other` (given also as its bytes): bytes compared when both
    /// are ASCII, else the strings (canonical equivalence).
    static func word(_ word: ArraySlice<UInt8>, is other: String, _ bytes: [UInt8]) -> Bool {
        if word.allSatisfy({ $0 < 0x80 }), bytes.allSatisfy({ $0 < 0x80 }) { return word.elementsEqual(bytes) }
        return String(decoding: word, as: UTF8.self) == other
    }
}
