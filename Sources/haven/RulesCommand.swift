import ArgumentParser
import HavenKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Print the rule catalogue: id, default severity, what it checks, why, how to fix (Markdown).")

    func run() throws {
        Terminal.out(RuleID.markdownCatalogue)
    }
}
