import Foundation

/// What the wording rules need from a page's prose, worked out while the page is parsed, so the
/// prose itself is not kept: on a large site it would be the largest thing in memory after the
/// body HTML. Nothing here depends on `haven.yml` (the reading-grade limit is applied by
/// `LanguageRules` in the check phase), so a page's analysis stays valid while it is unchanged.
public struct ProseAnalysis: Sendable {
    /// Findings of the phrase rules (`unsafe-messaging`, `stigmatizing-language`, `uncited-claim`), located.
    var findings: [Diagnostic] = []
    /// The reading level of the paragraphs in the language's formula (nil when too short to grade,
    /// or the language has no built-in wording rules) and where to report it.
    var grade: ReadingLevel.Grade?
    var gradeLocation: SourceLocation?
    /// The first block that speaks of suicide or self-harm, if any.
    var suicideMention: SourceLocation?
    /// Phone numbers as written in the prose, located (judged by `CrisisNumberRules`).
    var phoneMentions: [PhoneMention] = []
    /// Where the text tells readers to press 3 after dialling 988 (an option that ended).
    var pressThreeMentions: [SourceLocation] = []
    /// Sentences that may be too hard on their own (`hard-sentence`; the limit is applied in the check phase).
    var hardSentences: [SentenceGrade] = []

    init() {}

    /// Analyses a body's blocks with the wording rules of its language (`wording`; none when
    /// Haven has no built-in lists for it); `markdown` (whose first line is file line `firstLine`)
    /// is read only to give a finding its exact column.
    init(blocks: [BodyAnalysis.TextBlock], markdown: String, file: String, firstLine: Int, wording: Wording?) {
        // Every block's words, split once for all wording rules.
        let words = blocks.map { Words(utf8: $0.bytes) }
        var locator = PhraseLocator(markdown: markdown, file: file, firstLine: firstLine)
        for (block, words) in zip(blocks, words) {
            if suicideMention == nil, words.mentionSuicideOrSelfHarm { suicideMention = block.location }
            // Quoted material (block quotes) is exempt from the wording rules.
            guard !block.inBlockQuote else { continue }
            // Phone numbers are checked in every language.
            for candidate in PhoneMentionScanner.candidates(in: block.bytes) {
                phoneMentions.append(PhoneMention(text: candidate.text, dialled: candidate.dialled, digits: candidate.digits,
                                                  isShort: candidate.isShort, dialContext: candidate.dialContext,
                                                  location: locator.locate(candidate.text, in: block)))
            }
            if let phrase = ProseAnalysis.pressThree(in: block) { pressThreeMentions.append(locator.locate(phrase, in: block)) }
            guard let wording else { continue }
            if block.kind == .paragraph, wording.readingFormula == .fleschKincaid {
                for sentence in SentenceGrade.hardest(in: block.bytes, words: words) where hardSentences.count < SentenceGrade.keptPerPage {
                    var graded = sentence
                    graded.location = locator.locate(sentence.opening, in: block)
                    hardSentences.append(graded)
                }
            }
            // A paragraph, or a table cell outside the header row: a row is the unit, cited when
            // any of its cells has a link or footnote.
            let claimable = !block.hasCitation && (block.kind == .paragraph
                || (block.kind == .tableCell && !block.inTableHeader && !block.rowHasCitation))
            let found = wording.phraseLists.matches(in: words, active: nil)
            for entry in found[Wording.unsafeMessaging] {
                let (at, written) = locator.find(entry.match, in: block)
                findings.append(Diagnostic(.unsafeMessaging, at: at,
                                           "'\(entry.match)': say '\(entry.suggest)' instead (safe-messaging guidance: \(entry.source))",
                                           suggestions: PhraseLocator.suggestions(written, at: at, entry.replacements)))
            }
            for entry in found[Wording.stigmatizing] {
                let (at, written) = locator.find(entry.match, in: block)
                findings.append(Diagnostic(.stigmatizingLanguage, at: at,
                                           "'\(entry.match)' can stigmatize: say '\(entry.suggest)' instead (\(entry.source))",
                                           suggestions: PhraseLocator.suggestions(written, at: at, entry.replacements)))
            }
            if claimable, let claim = wording.evidenceClaims.firstClaim(in: words) {
                findings.append(Diagnostic(.uncitedClaim, at: locator.locate(claim, in: block),
                                           "'\(claim)' with no link or footnote in the paragraph: cite the source"))
            }
        }
        grade = wording.flatMap { ReadingLevel.grade(of: blocks, words: words, formula: $0.readingFormula) }
        gradeLocation = blocks.first { $0.kind == .paragraph }?.location
    }
}

extension ProseAnalysis {
    /// The words of a block that send a 988 caller to "press 3", if it has them.
    static func pressThree(in block: BodyAnalysis.TextBlock) -> String? {
        let bytes = block.bytes
        guard bytes.count >= 3, (0..<(bytes.count - 2)).contains(where: { bytes[$0] == 0x39 && bytes[$0 + 1] == 0x38 && bytes[$0 + 2] == 0x38 }) else { return nil }
        // "press 3" within a few words after 988 ("call 988 and press 3").
        let text = block.text.lowercased()
        var search = text.startIndex
        while let found = text.range(of: "988", range: search..<text.endIndex) {
            let window = text[found.upperBound...].prefix(40)
            if let phrase = ["press 3", "press three", "option 3", "press “3”", "press \"3\""].first(where: { window.contains($0) }) {
                return phrase
            }
            search = found.upperBound
        }
        return nil
    }
}

/// Finds the line and column of a phrase inside a block's source lines. The body's bytes and line
/// starts are taken only when there is a finding, and an ASCII phrase is matched on bytes (any
/// case): on the 10,000-page bench corpus, with ten `hard-sentence` findings a page, splitting each
/// body into `Substring` lines and searching them with Foundation's case-insensitive `range(of:)`
/// was a tenth of a build's CPU time; on bytes it is under one hundredth. A phrase with non-ASCII
/// letters goes to Foundation (Unicode case folding).
struct PhraseLocator {
    let markdown: String
    let file: String
    let firstLine: Int
    private var bytes: [UInt8] = []
    /// Byte offset of each line's first byte; empty until the first finding.
    private var lineStarts: [Int] = []

    init(markdown: String, file: String, firstLine: Int) {
        self.markdown = markdown
        self.file = file
        self.firstLine = firstLine
    }

    mutating func locate(_ phrase: String, in block: BodyAnalysis.TextBlock) -> SourceLocation {
        find(phrase, in: block).location
    }

    /// Where the phrase is (its first line in the block that holds it, any case) and the text as
    /// written there; the block's start and nil when it spans lines or markup.
    mutating func find(_ phrase: String, in block: BodyAnalysis.TextBlock) -> (location: SourceLocation, written: String?) {
        if lineStarts.isEmpty {
            bytes = Array(markdown.utf8)
            lineStarts = [0]
            for (offset, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(offset + 1) }
        }
        let first = block.location.line - firstLine
        let last = min(lineStarts.count - 1, max(block.endLine, block.location.line) - firstLine)
        guard first >= 0, first <= last else { return (block.location, nil) }
        let needle = Array(phrase.utf8)
        let ascii = needle.allSatisfy { $0 < 0x80 }
        for index in first...last {
            let start = lineStarts[index]
            let end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
            if ascii {
                if let at = PhraseLocator.asciiCaseInsensitiveIndex(of: needle, in: bytes, from: start, to: end) {
                    let written = String(decoding: bytes[at..<(at + needle.count)], as: UTF8.self)
                    return (SourceLocation(file: file, line: index + firstLine, column: at - start + 1), written)
                }
            } else {
                let line = String(decoding: bytes[start..<end], as: UTF8.self)
                if let range = line.range(of: phrase, options: [.caseInsensitive]) {
                    let column = line.utf8.distance(from: line.startIndex, to: range.lowerBound) + 1
                    return (SourceLocation(file: file, line: index + firstLine, column: column), String(line[range]))
                }
            }
        }
        return (block.location, nil)
    }

    /// The first offset in `bytes[from..<to]` where `needle` (ASCII) is written, in any case.
    static func asciiCaseInsensitiveIndex(of needle: [UInt8], in bytes: [UInt8], from: Int, to: Int) -> Int? {
        guard let head = needle.first, to - from >= needle.count else { return needle.isEmpty ? from : nil }
        @inline(__always) func fold(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }
        let foldedHead = fold(head)
        var i = from
        while i <= to - needle.count {
            if fold(bytes[i]) == foldedHead {
                var j = 1
                while j < needle.count, fold(bytes[i + j]) == fold(needle[j]) { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Quick fixes replacing the phrase as written with each replacement, in the written text's case
    /// ("Committed suicide" → "Died by suicide").
    static func suggestions(_ written: String?, at location: SourceLocation, _ replacements: [String]) -> [Suggestion] {
        guard let written else { return [] }
        let capital = written.first?.isUppercase == true
        return replacements.map { replacement in
            let cased = capital ? replacement.prefix(1).uppercased() + replacement.dropFirst() : replacement
            return Suggestion.replace(written, at: location, with: cased)
        }
    }
}
