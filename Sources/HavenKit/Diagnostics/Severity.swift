/// How serious a finding is. `off` silences a rule.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case off
    case warning
    case error

    private var rank: Int {
        switch self {
        case .off: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
