/// Faults that stop Haven from running at all (exit code 2), as opposed to content findings
/// (`Diagnostic`, exit code 1).
public enum HavenError: Error, Sendable, CustomStringConvertible {
    /// `haven.yml` is missing, unreadable or invalid.
    case config(SourceLocation, String)
    /// The site folder or a required part of it does not exist.
    case site(String)
    /// The output folder cannot be used (foreign, inside the site, not writable).
    case output(String)
    /// The theme's templates are broken or missing.
    case theme(String)
    /// A file-system operation failed.
    case io(String)

    public var description: String {
        switch self {
        case .config(let at, let message): "\(at.file):\(at.line):\(at.column): error: \(message)"
        case .site(let message), .output(let message), .theme(let message), .io(let message): "error: \(message)"
        }
    }
}
