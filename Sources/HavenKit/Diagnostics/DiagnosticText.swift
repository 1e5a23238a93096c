import Foundation

/// A finding's message, kept as the rule's figures until something reads it.
///
/// What it buys: `hard-sentence` is most of a large site's findings (94,659 of 139,582 on the
/// 10,000-page bench corpus), each a 125-byte message held from parsing until the findings are
/// printed at the end of the build. Kept as its figures, a finding needs no heap string; the text
/// is written when a formatter, the language server or a test reads `message`, and it is the
/// same text (`aHardSentenceFindingIsWrittenFromItsFiguresWhenRead`). Equality is by case and
/// figures: a rule always makes the same finding the same way.
///
/// Measured with the two other changes of its commit (`Checker.check` sized once,
/// `SiteFeeds.searchIndex` written into one buffer): the 10,000-page build's peak memory went
/// from 287–311 MiB to 262–265 MiB (3 runs each; heap peak under massif 185 MB → 157–160 MB).
enum DiagnosticText: Sendable, Hashable {
    case plain(String)
    /// A sentence of `words` words at `grade`, over the limits `keptWords` words and grade `limit`.
    case hardSentence(words: Int, grade: Double, keptWords: Int, limit: Double)

    var string: String {
        switch self {
        case .plain(let text):
            return text
        case .hardSentence(let words, let grade, let keptWords, let limit):
            return "this sentence is hard to read on its own (\(words) words, grade \(DiagnosticText.oneDecimal(grade)); at most \(keptWords) words and grade \(DiagnosticText.shortest(limit))): split it or use everyday words"
        }
    }

    /// `value` with one decimal, as `%.1f` writes it ("17.0", "-0.5"): the C library's
    /// formatter (exact ties and all), without Foundation's `String(format:)` around it, which was
    /// most of this rule's time on the bench corpus.
    static func oneDecimal(_ value: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            guard let base = buffer.baseAddress else { return "\(value)" }
            _ = withVaList([value]) { vsnprintf(base, 64, "%.1f", $0) }
            return String(cString: base)
        }
    }

    /// "14" for 14.0, "14.5" for 14.5.
    static func shortest(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
