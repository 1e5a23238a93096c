import ArgumentParser
import Foundation
import HavenKit
import HavenLSP

struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "A language server for editors (LSP 3.17 over stdin and stdout).",
        discussion: "Without --site, the site is the editor's workspace folder, or the nearest folder above it (or above the first file opened) that holds haven.yml.")

    @Option(name: .long, help: "The site folder (holds haven.yml and Content/).")
    var site: String?

    @Option(name: .customLong("debounce-ms"), help: "Milliseconds to wait after a keystroke before checking.")
    var debounceMilliseconds = 40

    @Option(name: .customLong("docs-url"), help: "Where rule documentation lives; {rule} is replaced by the rule id (default: a local copy of the catalogue).")
    var docsURL: String?

    func run() throws {
        var options = LanguageServer.Options(siteRoot: site.map { URL(fileURLWithPath: $0).standardizedFileURL }, today: Terminal.today)
        options.debounce = Double(max(0, debounceMilliseconds)) / 1000
        options.docsURL = docsURL
        let code = LanguageServer(options: options).run()
        if code != 0 { throw ExitCode(code) }
    }
}
