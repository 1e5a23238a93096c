import ArgumentParser
import Foundation
import HavenKit

/// `haven review sign PATH… --reviewer ID [--date YYYY-MM-DD] [--production]`.
struct ReviewSignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Record a medical review: set reviewer, reviewed and review_seal, changing nothing else in the files.")

    @Argument(help: "Pages or folders of pages to sign.")
    var paths: [String]

    @Option(help: "The reviewer's id in Content/_data/reviewers.yml.")
    var reviewer: String

    @Option(help: "The review's date, YYYY-MM-DD (default: today).")
    var date: String?

    @Flag(help: "Refuse example reviewers (placeholder: true).")
    var production = false

    @OptionGroup var siteOptions: SiteOptions

    func run() throws {
        let today = Terminal.today
        var day = today
        if let date {
            guard let parsed = CalendarDate(iso: date) else { throw ValidationError("--date must be a real date written YYYY-MM-DD, not '\(date)'") }
            guard parsed <= today else { throw ValidationError("--date \(date) is after today (\(today)); a review cannot be recorded before it happens") }
            day = parsed
        }
        guard !paths.isEmpty else { throw ValidationError("name at least one page or folder to sign") }
        let request = ReviewSigner.Request(siteRoot: siteOptions.siteURL, paths: paths, reviewer: reviewer, date: day, production: production)
        switch try ReviewSigner.sign(request) {
        case .refused(let problems):
            for problem in problems { Terminal.error("error: \(problem)") }
            Terminal.error("Nothing was signed.")
            throw ExitCode(1)
        case .signed(let pages):
            for page in pages {
                Terminal.out(page.unchanged ? "\(page.file): already sealed \(page.seal) by \(reviewer) on \(day)\n"
                                            : "\(page.file): sealed \(page.seal) (reviewer \(reviewer), reviewed \(day))\n")
            }
        }
    }
}
