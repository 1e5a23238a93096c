import ArgumentParser
import Foundation
import HavenKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Validate the site, then render it into Public/ (replaced as a whole, or not at all).")

    @OptionGroup var siteOptions: SiteOptions
    @OptionGroup var checks: CheckOptions

    @Option(help: "Where to write the site (default: Public/ in the site folder).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Use this base URL instead of haven.yml's base_url.")
    var baseURL: String?

    @Flag(help: "Print the time each phase took.")
    var metrics = false

    func run() throws {
        let root = siteOptions.siteURL
        let outputURL = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? root.appendingPathComponent("Public")
        var options = BuildOptions(siteRoot: root, output: outputURL, today: Terminal.today)
        options.includeDrafts = checks.drafts
        options.strict = checks.strict
        options.production = checks.production
        options.baseURL = baseURL
        options.endsProcess = true
        let started = Date()
        var progress: (@Sendable (String) -> Void)?
        if Terminal.showsProgress {
            progress = { phase in FileHandle.standardError.write(Data("\u{1B}[2K\rhaven: \(phase) done".utf8)) }
        }
        let result = try Builder.run(options, progress: progress)
        UntilExit.keep(result)
        if Terminal.showsProgress { FileHandle.standardError.write(Data("\u{1B}[2K\r".utf8)) }
        DiagnosticFormatter.write(result.diagnostics, as: .text, to: Terminal.errorBytes)
        if metrics {
            for (phase, seconds) in result.metrics.phases {
                Terminal.error("  " + phase.padding(toLength: 20, withPad: " ", startingAt: 0) + String(format: "%8.3f s", seconds))
            }
            Terminal.error("  templates (time summed over all threads):")
            for template in result.metrics.templateTimes {
                Terminal.error("    " + template.name.padding(toLength: 18, withPad: " ", startingAt: 0)
                               + String(format: "%8.3f s  %6d renders", template.seconds, template.renders))
            }
            Terminal.error("  images: \(result.imageEncodes) encoded, \(result.imageReuses) from \(ImageCache.folderName)/")
        }
        let elapsed = Date().timeIntervalSince(started)
        let summary = "\(result.diagnostics.errorCount) error(s), \(result.diagnostics.warningCount) warning(s)"
        if result.wrote {
            Terminal.error(String(format: "Built %d pages (%d files) into %@ in %.2f s; %@.", result.pageCount, result.fileCount,
                                  outputURL.path, elapsed, summary))
        } else {
            Terminal.error("Build refused: \(summary)\(checks.strict && result.diagnostics.errorCount == 0 ? " (--strict)" : ""). \(outputURL.path) was left as it was.")
            throw ExitCode(1)
        }
    }
}
