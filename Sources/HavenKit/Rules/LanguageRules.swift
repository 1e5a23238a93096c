import Foundation

/// Wording rules over a page's prose: safe messaging, stigmatizing language, uncited claims, and
/// reading level. Quoted material (block quotes) is exempt from the wording rules.
enum LanguageRules {
    static let claims = PhraseList(phrases: ["a study", "studies show", "studies suggest", "studies have shown", "studies have found",
                               "research suggests", "research shows", "research has shown", "research has found",
                               "according to research", "according to studies", "evidence shows", "evidence suggests",
                               "scientists found", "researchers found", "experts say", "a recent study", "one study"])

    static func check(_ page: Page, words: [Words], in site: Site, into out: inout [Diagnostic]) {
        var locator = PhraseLocator(root: site.root, file: page.source)
        for (block, words) in zip(page.body.blocks, words) where !block.inBlockQuote {
            for entry in PhraseList.unsafeMessaging.matches(in: words) {
                out.append(Diagnostic(.unsafeMessaging, at: locator.locate(entry.match, in: block),
                                      "'\(entry.match)': say '\(entry.suggest)' instead (safe-messaging guidance: \(entry.source))"))
            }
            for entry in PhraseList.stigmatizing.matches(in: words) {
                out.append(Diagnostic(.stigmatizingLanguage, at: locator.locate(entry.match, in: block),
                                      "'\(entry.match)' can stigmatize: say '\(entry.suggest)' instead (\(entry.source))"))
            }
            if block.kind == .paragraph, !block.hasCitation {
                if let claim = claims.matches(in: words).first?.match {
                    out.append(Diagnostic(.uncitedClaim, at: locator.locate(claim, in: block),
                                          "'\(claim)' with no link or footnote in the paragraph: cite the source"))
                }
            }
        }
        if let grade = ReadingLevel.grade(of: page.body.blocks, words: words), grade.value > site.config.readingGradeMax {
            let at = page.body.blocks.first { $0.kind == .paragraph }?.location ?? SourceLocation(file: page.source, line: page.bodyFirstLine)
            out.append(Diagnostic(.readingLevel, at: at, String(
                format: "reading grade %.1f is above %@ (Flesch–Kincaid, %d words in %d sentences): use shorter sentences and everyday words",
                grade.value, formatted(site.config.readingGradeMax), grade.words, grade.sentences)))
        }
    }

    private static func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// Finds the line and column of a phrase inside a block's source lines, reading the file only
/// when there is a finding (findings are rare; keeping every source in memory is not worth it).
struct PhraseLocator {
    let root: String
    let file: String
    private var lines: [Substring]?

    init(root: String, file: String) {
        self.root = root
        self.file = file
    }

    mutating func locate(_ phrase: String, in block: BodyAnalysis.TextBlock) -> SourceLocation {
        if lines == nil {
            let url = URL(fileURLWithPath: root).appendingPathComponent(file)
            let text = (try? Data(contentsOf: url)).flatMap { data in
                if case .success(let text) = SourceText.decode([UInt8](data)) { return text }
                return nil
            } ?? ""
            lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard let lines else { return block.location }
        let lowerPhrase = phrase.lowercased()
        let first = block.location.line - 1
        let last = min(lines.count - 1, max(block.endLine, block.location.line) - 1)
        guard first >= 0, first <= last else { return block.location }
        for index in first...last {
            let line = lines[index].lowercased()
            if let range = line.range(of: lowerPhrase) {
                return SourceLocation(file: file, line: index + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return block.location
    }
}
