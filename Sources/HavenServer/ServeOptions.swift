import Foundation
import HavenKit

/// What `haven serve` was asked to do.
public struct ServeOptions: Sendable {
    /// The site folder (holds `haven.yml`, `Content/` and maybe `Templates/`).
    public var siteRoot: URL
    /// The address to bind. `127.0.0.1` unless the user says otherwise.
    public var host: String
    /// The port to bind; 0 asks the system for a free one (tests).
    public var port: Int
    /// Include pages marked `draft: true`.
    public var includeDrafts = false
    /// How to notice edits.
    public var watchMethod: WatchMethod = .automatic
    /// How long the files must stay quiet before a burst of saves triggers one rebuild.
    public var debounce: Duration = .milliseconds(20)
    /// Today's date, asked again before each build so a server left running past midnight stays right.
    public var today: @Sendable () -> CalendarDate
    /// Where messages for the person at the terminal go (diagnostics, "rebuilt in …").
    public var report: @Sendable (String) -> Void

    public init(siteRoot: URL, host: String = "127.0.0.1", port: Int = 8000,
                today: @escaping @Sendable () -> CalendarDate,
                report: @escaping @Sendable (String) -> Void = { _ in }) {
        self.siteRoot = siteRoot
        self.host = host
        self.port = port
        self.today = today
        self.report = report
    }
}

/// How the server notices that the site changed.
public enum WatchMethod: String, Sendable, CaseIterable {
    /// inotify on Linux, polling elsewhere (or when inotify cannot be set up).
    case automatic
    /// Compare modification times and sizes every few hundred milliseconds.
    case polling
    /// Do not watch at all (builds once).
    case none
}
