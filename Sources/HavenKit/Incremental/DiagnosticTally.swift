/// A build's findings kept by where they came from (the site, one page's model, one page's
/// rendered HTML), so that replacing one page's findings updates the sorted list in place instead
/// of deduplicating and sorting tens of thousands again. `list` is always what
/// `SeverityPolicy.apply` makes of all the findings together.
struct DiagnosticTally {
    /// Where a group of findings came from.
    enum Origin: Hashable {
        case site
        /// Media files that could not be read or published (`MediaCopier`, `MediaPublisher`).
        case media
        case model(String)
        case rendered(String)
    }

    let policy: SeverityPolicy
    /// The findings as the policy leaves them: deduplicated, sorted by place, without `off` ones.
    private(set) var list: [Diagnostic] = []
    /// How many origins report each finding (after the policy).
    private var counts: [Diagnostic: Int] = [:]
    /// Each origin's findings, after the policy.
    private var byOrigin: [Origin: [Diagnostic]] = [:]
    private(set) var errors = 0
    private(set) var warnings = 0
    /// The findings in `list` that concern another file too (`related`): few (duplicate slugs,
    /// missing fragments), kept apart so an editor finds those about one file without reading `list`.
    private(set) var withRelated = Set<Diagnostic>()

    init(policy: SeverityPolicy, origins: [Origin: [Diagnostic]]) {
        self.policy = policy
        for (origin, found) in origins {
            let applied = applying(found)
            if !applied.isEmpty { byOrigin[origin] = applied }
            for d in applied { counts[d, default: 0] += 1 }
        }
        list = counts.keys.sorted()
        for d in list { count(d, 1) }
    }

    /// The findings each origin reports now, in place of what they reported before.
    mutating func replace(_ updates: [Origin: [Diagnostic]]) {
        var before: [Diagnostic: Bool] = [:]
        for (origin, found) in updates {
            let applied = applying(found)
            for d in byOrigin[origin] ?? [] {
                if before[d] == nil { before[d] = true }
                counts[d, default: 0] -= 1
                if counts[d] == 0 { counts[d] = nil }
            }
            for d in applied {
                if before[d] == nil { before[d] = counts[d] != nil }
                counts[d, default: 0] += 1
            }
            byOrigin[origin] = applied.isEmpty ? nil : applied
        }
        for (d, was) in before {
            let now = counts[d] != nil
            if was == now { continue }
            let at = position(of: d)
            if now {
                list.insert(d, at: at)
                count(d, 1)
            } else if at < list.count, list[at] == d {
                list.remove(at: at)
                count(d, -1)
            }
        }
    }

    /// Findings as the policy leaves them (severity decided, `off` dropped).
    private func applying(_ found: [Diagnostic]) -> [Diagnostic] {
        found.compactMap { diagnostic in
            var d = diagnostic
            d.severity = policy.severity(of: diagnostic)
            return d.severity == .off ? nil : d
        }
    }

    private mutating func count(_ d: Diagnostic, _ delta: Int) {
        if d.severity == .error { errors += delta }
        if d.severity == .warning { warnings += delta }
        if d.related != nil {
            if delta > 0 { withRelated.insert(d) } else { withRelated.remove(d) }
        }
    }

    /// Where a finding is or would go in `list` (binary search).
    private func position(of d: Diagnostic) -> Int {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid] < d { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

extension SeverityPolicy: Equatable {
    public static func == (a: SeverityPolicy, b: SeverityPolicy) -> Bool {
        a.site == b.site && a.files == b.files && a.production == b.production
    }
}
