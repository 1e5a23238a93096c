/// What the wording rules need from a page's prose, worked out while the page is parsed, so the
/// prose itself is not kept: on a large site it would be the largest thing in memory after the
/// body HTML. Nothing here depends on `haven.yml` (the reading-grade limit is applied by
/// `LanguageRules` in the check phase), so a page's analysis stays valid while it is unchanged.
public struct ProseAnalysis: Sendable {
    /// Findings of the phrase rules (`unsafe-messaging`, `stigmatizing-language`, `uncited-claim`), located.
    var findings: [Diagnostic] = []
    /// The Flesch–Kincaid grade of the paragraphs (nil when too short to grade) and where to report it.
    var grade: ReadingLevel.Grade?
    var gradeLocation: SourceLocation?
    /// The first block that speaks of suicide or self-harm, if any.
    var suicideMention: SourceLocation?

    init() {}

    /// The phrase rules' lists, matched together: safe messaging, stigmatizing language, and
    /// claims (only in paragraphs that cite nothing).
    static let phraseLists = PhraseLists([PhraseList.unsafeMessaging, PhraseList.stigmatizing, LanguageRules.claims])
    static let withoutClaims = [true, true, false]

    /// Analyses a body's blocks; `markdown` (whose first line is file line `firstLine`) is read
    /// only to give a finding its exact column.
    init(blocks: [BodyAnalysis.TextBlock], markdown: String, file: String, firstLine: Int) {
        // Every block's words, split once for all wording rules.
        let words = blocks.map { Words(utf8: $0.bytes) }
        var locator = PhraseLocator(markdown: markdown, file: file, firstLine: firstLine)
        for (block, words) in zip(blocks, words) {
            if suicideMention == nil, words.mentionSuicideOrSelfHarm { suicideMention = block.location }
            // Quoted material (block quotes) is exempt from the wording rules.
            guard !block.inBlockQuote else { continue }
            let claimable = block.kind == .paragraph && !block.hasCitation
            let found = ProseAnalysis.phraseLists.matches(in: words, active: claimable ? nil : ProseAnalysis.withoutClaims)
            for entry in found[0] {
                findings.append(Diagnostic(.unsafeMessaging, at: locator.locate(entry.match, in: block),
                                           "'\(entry.match)': say '\(entry.suggest)' instead (safe-messaging guidance: \(entry.source))"))
            }
            for entry in found[1] {
                findings.append(Diagnostic(.stigmatizingLanguage, at: locator.locate(entry.match, in: block),
                                           "'\(entry.match)' can stigmatize: say '\(entry.suggest)' instead (\(entry.source))"))
            }
            if let claim = found[2].first?.match {
                findings.append(Diagnostic(.uncitedClaim, at: locator.locate(claim, in: block),
                                           "'\(claim)' with no link or footnote in the paragraph: cite the source"))
            }
        }
        grade = ReadingLevel.grade(of: blocks, words: words)
        gradeLocation = blocks.first { $0.kind == .paragraph }?.location
    }
}

/// Finds the line and column of a phrase inside a block's source lines (splitting the body into
/// lines only when there is a finding: findings are rare).
struct PhraseLocator {
    let markdown: String
    let file: String
    let firstLine: Int
    private var lines: [Substring]?

    init(markdown: String, file: String, firstLine: Int) {
        self.markdown = markdown
        self.file = file
        self.firstLine = firstLine
    }

    mutating func locate(_ phrase: String, in block: BodyAnalysis.TextBlock) -> SourceLocation {
        if lines == nil { lines = markdown.split(separator: "\n", omittingEmptySubsequences: false) }
        guard let lines else { return block.location }
        let lowerPhrase = phrase.lowercased()
        let first = block.location.line - firstLine
        let last = min(lines.count - 1, max(block.endLine, block.location.line) - firstLine)
        guard first >= 0, first <= last else { return block.location }
        for index in first...last {
            let line = lines[index].lowercased()
            if let range = line.range(of: lowerPhrase) {
                return SourceLocation(file: file, line: index + firstLine, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return block.location
    }
}
