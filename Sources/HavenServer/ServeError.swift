/// Why `haven serve` could not run (exit code 2).
public enum ServeError: Error, Sendable, CustomStringConvertible {
    /// Another program listens on the port.
    case portInUse(host: String, port: Int)
    /// The address cannot be bound (not an address of this machine, no permission for the port…).
    case cannotListen(host: String, port: Int, reason: String)
    /// The server stopped because of an unexpected error.
    case failed(String)

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            "error: port \(port) on \(host) is already in use (another `haven serve`?); stop that program or choose another port with --port"
        case .cannotListen(let host, let port, let reason):
            "error: cannot listen on \(host):\(port): \(reason)"
        case .failed(let reason):
            "error: the preview server stopped: \(reason)"
        }
    }
}
