import Foundation
import HavenKit
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `haven serve`: builds the site into memory, serves it over HTTP (Hummingbird 2), rebuilds when
/// its files change and reloads open pages. Nothing is written to disk; `Public/` is untouched.
///
/// Safe by default: it binds 127.0.0.1, answers GET and HEAD only, serves only files of the build,
/// and refuses requests addressed to any other host name (DNS rebinding).
public struct PreviewServer: Sendable {
    public let options: ServeOptions
    private let builder: any SiteSnapshotBuilding

    /// - Parameter builder: makes the snapshots; `IncrementalSnapshotBuilder` by default.
    public init(options: ServeOptions, builder: (any SiteSnapshotBuilding)? = nil) {
        self.options = options
        self.builder = builder ?? IncrementalSnapshotBuilder(siteRoot: options.siteRoot, includeDrafts: options.includeDrafts,
                                                      today: options.today)
    }

    /// Runs until SIGINT or SIGTERM (when `handlesSignals`) or until the calling task is cancelled,
    /// then stops cleanly: open event streams end, in-flight requests finish.
    ///
    /// - Parameter onListening: called once the port is bound, with the preview's address.
    public func run(handlesSignals: Bool = true, onListening: @escaping @Sendable (URL) -> Void = { _ in }) async throws(ServeError) {
        let store = ServedStateStore()
        let broadcaster = ReloadBroadcaster()
        let port = ListeningPort()
        let responder = PreviewResponder(store: store, hosts: HostGuard(boundHost: options.host, port: port), broadcaster: broadcaster,
                                         siteRoot: options.siteRoot, today: options.today)
        var logger = Logger(label: "haven.serve")
        logger.logLevel = .critical
        let host = options.host
        let app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? options.port
                port.set(bound)
                if let url = URL(string: PreviewAddress.baseURL(host: host, port: bound)) { onListening(url) }
            },
            logger: logger
        )
        let rebuilds = RebuildService(options: options, builder: builder, store: store, broadcaster: broadcaster, port: port)
        let group = ServiceGroup(configuration: .init(
            services: [rebuilds, app],
            gracefulShutdownSignals: handlesSignals ? [.sigterm, .sigint] : [],
            logger: logger))
        do {
            try await group.run()
        } catch {
            throw ServeError.classify(error, host: host, port: options.port)
        }
    }
}

extension ServeError {
    /// Turns what the server threw into the message the user needs.
    static func classify(_ error: any Error, host: String, port: Int) -> ServeError {
        if let io = error as? IOError {
            switch io.errnoCode {
            case EADDRINUSE: return .portInUse(host: host, port: port)
            case EACCES: return .cannotListen(host: host, port: port, reason: "permission denied (ports below 1024 need privileges)")
            case EADDRNOTAVAIL: return .cannotListen(host: host, port: port, reason: "that address does not belong to this machine")
            default: return .cannotListen(host: host, port: port, reason: io.description)
            }
        }
        if error is SocketAddressError || error is SocketAddressError.UnknownHost {
            return .cannotListen(host: host, port: port, reason: "'\(host)' is not an address or a name this machine can resolve")
        }
        return .failed(String(describing: error))
    }
}
