import ArgumentParser
import Foundation
import HavenKit

extension ReviewQueueFormat: ExpressibleByArgument {}

/// `haven review`: the review queue (the default), `review sign` and `review diff`.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The review queue, sealing a medical review (sign), and what changed since one (diff).",
        subcommands: [ReviewQueueCommand.self, ReviewSignCommand.self, ReviewDiffCommand.self],
        defaultSubcommand: ReviewQueueCommand.self)
}

/// `haven review [--within DAYS] [--reviewer ID] [--format …]`: never fails on what it finds.
struct ReviewQueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "List the clinical pages that need a reviewer's attention (exit 0 whatever it finds).")

    @OptionGroup var siteOptions: SiteOptions

    @Option(help: "Days ahead in which a review counts as due soon.")
    var within: Int = 90

    @Option(help: "Only this reviewer's pages (an id from Content/_data/reviewers.yml).")
    var reviewer: String?

    @Option(help: "Output format: text, json, csv or markdown.")
    var format: ReviewQueueFormat = .text

    func validate() throws {
        guard within >= 0 else { throw ValidationError("--within must be 0 or more days") }
    }

    func run() throws {
        let root = siteOptions.siteURL
        let queue = try ReviewQueue.load(siteRoot: root, today: Terminal.today, within: within, reviewer: reviewer)
        Terminal.out(ReviewQueueFormatter.format(queue, as: format))
    }
}
