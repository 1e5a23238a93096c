import ArgumentParser
import Foundation
import HavenKit

extension DiagnosticFormat: ExpressibleByArgument {}

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the site against every rule. Writes nothing.")

    @OptionGroup var siteOptions: SiteOptions
    @OptionGroup var checks: CheckOptions

    @Option(help: "Output format: text, json, github or sarif.")
    var format: DiagnosticFormat = .text

    @Argument(help: "Only report findings in these files or folders (paths relative to the site, or absolute).")
    var paths: [String] = []

    func run() throws {
        let root = siteOptions.siteURL
        var options = BuildOptions(siteRoot: root, output: nil, today: Terminal.today)
        options.includeDrafts = checks.drafts
        options.strict = checks.strict
        options.production = checks.production
        options.endsProcess = true
        var result = try Builder.run(options)
        UntilExit.keep(result)
        if !paths.isEmpty {
            let filters = paths.map { relative(to: root, $0) }
            result.diagnostics = result.diagnostics.filter { d in
                filters.contains { d.file == $0 || d.file.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
            }
        }
        DiagnosticFormatter.write(result.diagnostics, as: format, to: Terminal.outBytes)
        if format == .text {
            Terminal.error("\(result.pageCount) pages checked: \(result.diagnostics.errorCount) error(s), \(result.diagnostics.warningCount) warning(s)"
                           + LintCommand.wordingNote(result.languagesWithoutWordingRules) + ".")
        }
        if result.failed { throw ExitCode(1) }
    }

    /// The summary's note on languages the wording rules skipped (Haven has no word lists for them).
    static func wordingNote(_ languages: [String]) -> String {
        guard !languages.isEmpty else { return "" }
        return "; wording rules not run for \(languages.joined(separator: ", ")) (no built-in word lists)"
    }

    /// A path as the diagnostics write it: relative to the site root.
    private func relative(to root: URL, _ path: String) -> String {
        let absolute = path.hasPrefix("/") ? URL(fileURLWithPath: path).standardizedFileURL
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path).standardizedFileURL
        let base = root.standardizedFileURL.path
        if absolute.path.hasPrefix(base + "/") { return String(absolute.path.dropFirst(base.count + 1)) }
        return path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }
}
