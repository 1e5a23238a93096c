import ArgumentParser
import Foundation
import HavenKit
#if canImport(MiMalloc) && !HAVEN_SYSTEM_MALLOC
import MiMalloc
#endif

/// `haven`: the command line. Each subcommand is a thin layer over HavenKit.
@main
struct HavenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "haven",
        abstract: "A static site generator for mental-health psychoeducation, with clinical governance built in.",
        version: Haven.version,
        subcommands: [BuildCommand.self, LintCommand.self, ServeCommand.self, NewCommand.self, ReviewCommand.self, RulesCommand.self,
                      LSPCommand.self, SchemaCommand.self]
    )

    /// SPEC §3 exit codes: 0 success, 1 content errors, 2 Haven could not run (bad flags included;
    /// ArgumentParser's own default for usage errors is 64).
    static func main() {
        Allocator.touch()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let error as HavenError {
            Terminal.error(error.description)
            Foundation.exit(2)
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Terminal.error(fullMessage(for: error))
            Foundation.exit(2)
        }
    }
}

/// Options every command that reads a site takes.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder (holds haven.yml and Content/).")
    var site: String = "."

    var siteURL: URL { URL(fileURLWithPath: site).standardizedFileURL }
}

/// Options `build` and `lint` share.
struct CheckOptions: ParsableArguments {
    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    @Flag(help: "Refuse example reviewers (placeholder-reviewer becomes an error).")
    var production = false

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false
}

enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }

    /// UTF-8 text for stderr and stdout as it is, with no line break added.
    static func errorBytes(_ bytes: [UInt8]) {
        FileHandle.standardError.write(Data(bytes))
    }

    static func outBytes(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    static func out(_ message: String) {
        FileHandle.standardOutput.write(Data(message.utf8))
    }

    /// Progress is shown on a terminal only: not when stderr is a pipe or a file, nor when `CI` is set.
    static var showsProgress: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
    }

    static var today: CalendarDate { CalendarDate.today(environment: ProcessInfo.processInfo.environment) }
}

/// The process allocator. On Linux the executable links mimalloc, which takes over malloc/free for
/// the whole process (the dynamic linker binds them to the first library that defines them); this
/// reference keeps the linker from dropping the library as unused. Builds under AddressSanitizer
/// (`make test-asan`) define HAVEN_SYSTEM_MALLOC: ASan must own malloc itself, and the library is
/// linked only where this file imports it.
enum Allocator {
    static func touch() {
        #if canImport(MiMalloc) && !HAVEN_SYSTEM_MALLOC
        _ = mi_version()
        #endif
    }
}
