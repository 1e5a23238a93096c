import Foundation

/// Where a build's time goes (`haven build --metrics`): wall time per phase in pipeline order,
/// and the time spent in each template, summed over the threads that render.
public final class BuildMetrics: @unchecked Sendable {
    public struct TemplateTime: Sendable {
        public var name: String
        public var seconds: Double
        public var renders: Int
    }

    private let lock = NSLock()
    private var last = DispatchTime.now().uptimeNanoseconds
    private var recorded: [(phase: String, seconds: Double)] = []
    private var templates: [String: TemplateTime] = [:]
    /// Told the name of each phase as it ends (the terminal progress line).
    private let onLap: (@Sendable (String) -> Void)?

    public init(onLap: (@Sendable (String) -> Void)? = nil) {
        self.onLap = onLap
    }

    /// Ends the current phase.
    func lap(_ phase: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        lock.lock()
        recorded.append((phase, Double(now - last) / 1e9))
        last = now
        lock.unlock()
        onLap?(phase)
    }

    /// Runs one render of template `name`, timing it.
    func template<T>(_ name: String, _ render: () -> T) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = render()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        lock.lock()
        templates[name, default: TemplateTime(name: name, seconds: 0, renders: 0)].seconds += seconds
        templates[name, default: TemplateTime(name: name, seconds: 0, renders: 0)].renders += 1
        lock.unlock()
        return result
    }

    public var phases: [(phase: String, seconds: Double)] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// Templates by time spent, most first.
    public var templateTimes: [TemplateTime] {
        lock.lock()
        defer { lock.unlock() }
        return templates.values.sorted { $0.seconds != $1.seconds ? $0.seconds > $1.seconds : $0.name < $1.name }
    }
}
