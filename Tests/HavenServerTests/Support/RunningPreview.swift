import Foundation
import HavenKit
@testable import HavenServer
import Logging
import ServiceLifecycle

/// A `PreviewServer` started on a free port for one test, inside a ServiceGroup so the test can stop
/// it the way Ctrl-C does (graceful shutdown).
final class RunningPreview: @unchecked Sendable {
    let site: FixtureSite
    let port: Int
    let http: RawHTTP
    private let group: ServiceGroup
    private let task: Task<Void, any Error>
    let messages: MessageLog

    static func start(_ site: FixtureSite, watch: WatchMethod = .automatic, waitForBuild: Bool = true) async throws -> RunningPreview {
        let messages = MessageLog()
        var options = ServeOptions(siteRoot: site.root, host: "127.0.0.1", port: 0, today: { FixtureSite.today },
                                   report: { messages.append($0) })
        options.watchMethod = watch
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let service = PreviewService(server: PreviewServer(options: options), onListening: { url in
            portSink.yield(url.port ?? 0)
            portSink.finish()
        })
        var logger = Logger(label: "haven.tests")
        logger.logLevel = .critical
        let group = ServiceGroup(configuration: .init(services: [service], logger: logger))
        let task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw RawHTTP.Failure(description: "the server did not start")
        }
        let preview = RunningPreview(site: site, port: port, group: group, task: task, messages: messages)
        if waitForBuild {
            _ = try await preview.waitFor("/") { $0.status != 503 }
        }
        return preview
    }

    private init(site: FixtureSite, port: Int, group: ServiceGroup, task: Task<Void, any Error>, messages: MessageLog) {
        self.site = site
        self.port = port
        self.group = group
        self.task = task
        self.messages = messages
        self.http = RawHTTP(port: port)
    }

    /// Polls a path until the reply satisfies `done` (the server rebuilds in the background).
    func waitFor(_ target: String, timeout: Duration = .seconds(15), _ done: (RawHTTP.Reply) -> Bool) async throws -> RawHTTP.Reply {
        let deadline = ContinuousClock.now + timeout
        var last: RawHTTP.Reply?
        while ContinuousClock.now < deadline {
            let reply = try await http.get(target)
            if done(reply) { return reply }
            last = reply
            try await Task.sleep(for: .milliseconds(50))
        }
        throw RawHTTP.Failure(description: "timed out waiting on \(target); last status \(last?.status ?? 0), body: \(last?.body.prefix(400) ?? "")\nlog: \(messages.all)")
    }

    /// Stops the server as Ctrl-C does and waits for it; returns how long that took.
    @discardableResult
    func stop() async throws -> Duration {
        let started = ContinuousClock.now
        await group.triggerGracefulShutdown()
        try await task.value
        site.remove()
        return ContinuousClock.now - started
    }
}

/// Runs a `PreviewServer` as a service, without its own signal handling.
struct PreviewService: Service {
    let server: PreviewServer
    let onListening: @Sendable (URL) -> Void

    func run() async throws {
        try await server.run(handlesSignals: false, onListening: onListening)
    }
}

/// What the server printed for the terminal.
final class MessageLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: String { lock.withLock { lines.joined(separator: "\n") } }
}

extension RunningPreview {
    /// Starts a preview, runs `body` with it, and always stops it (and deletes the site) afterwards.
    static func with(_ site: FixtureSite, watch: WatchMethod = .automatic,
                     _ body: (RunningPreview) async throws -> Void) async throws {
        let preview = try await start(site, watch: watch)
        do {
            try await body(preview)
        } catch {
            _ = try? await preview.stop()
            throw error
        }
        try await preview.stop()
    }
}
