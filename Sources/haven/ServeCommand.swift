import ArgumentParser
import Foundation
import HavenKit
import HavenServer

/// `haven serve`: a thin layer over `HavenServer.PreviewServer`.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site in memory, serve it locally and reload open pages when its files change.",
        discussion: "Nothing is written to Public/. Ctrl-C stops the server.")

    @OptionGroup var siteOptions: SiteOptions

    @Option(help: "The address to listen on. Anything but 127.0.0.1 or localhost lets other machines read the preview.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8000

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    @Option(help: "How to notice edits: automatic (inotify on Linux), polling or none.")
    var watch: WatchMethod = .automatic

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        let root = siteOptions.siteURL
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("haven.yml").path) else {
            throw HavenError.site("\(root.path) is not a Haven site: it has no haven.yml")
        }
        var options = ServeOptions(siteRoot: root, host: host, port: port, today: { Terminal.today }, report: { Terminal.error($0) })
        options.includeDrafts = drafts
        options.watchMethod = watch
        let server = PreviewServer(options: options)
        let outcome = BlockingTask.run { () async -> ServeError? in
            do throws(ServeError) {
                try await server.run { url in
                    Terminal.error("Serving \(root.path) at \(url.absoluteString) (Ctrl-C to stop)")
                }
                return nil
            } catch {
                return error
            }
        }
        if let failure = outcome.flatMap({ $0 }) {
            Terminal.error(failure.description)
            throw ExitCode(2)
        }
        Terminal.error("Stopped.")
    }
}

extension WatchMethod: ExpressibleByArgument {}

/// Runs async work from the synchronous command line and waits for it. `HavenCommand.main` is
/// synchronous; the server's tasks run on Swift's cooperative pool and NIO's threads, never on the
/// main thread, so waiting here cannot deadlock.
enum BlockingTask {
    /// The work's result (never nil in practice: the semaphore is signalled only after it is stored).
    static func run<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T? {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await work()
            done.signal()
        }
        done.wait()
        return box.value
    }
}

private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T?
    var value: T? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
