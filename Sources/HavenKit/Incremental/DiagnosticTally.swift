/// A build's findings kept by where they came from (the site, one page's model, one page's
/// rendered HTML), so that replacing one page's findings updates the sorted findings in place instead
/// of deduplicating and sorting tens of thousands again. `findings` is always what
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
    private(set) var findings = FindingsByFile()
    /// How many origins report each finding (after the policy).
    private var counts: [Diagnostic: Int] = [:]
    /// Each origin's findings, after the policy.
    private var byOrigin: [Origin: [Diagnostic]] = [:]
    private(set) var errors = 0
    private(set) var warnings = 0

    init(policy: SeverityPolicy, origins: [Origin: [Diagnostic]]) {
        self.policy = policy
        for (origin, found) in origins {
            let applied = applying(found)
            if !applied.isEmpty { byOrigin[origin] = applied }
            for d in applied { counts[d, default: 0] += 1 }
        }
        findings = FindingsByFile(counts.keys)
        for d in counts.keys { count(d, 1) }
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
            if now {
                findings.insert(d)
                count(d, 1)
            } else if findings.remove(d) {
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
    }
}

/// Findings without duplicates, sorted, kept per file: a change to one file's findings moves only
/// that file's (a single sorted array moved up to 2 MB in memory per changed finding on the
/// 10,000-page corpus's 19,657 findings: 39% of a keystroke's rebuild in a debug build's profile),
/// and an editor gets one file's findings, and those elsewhere that concern it, without reading the
/// site's. `all` is the one sorted list (files in order; a finding sorts by file first).
public struct FindingsByFile: Sendable {
    private var byFile: [String: [Diagnostic]] = [:]
    /// The findings that concern another file too (`related`): few (duplicate slugs, missing
    /// fragments), kept apart for `concerning(_:)`.
    private var withRelated = Set<Diagnostic>()
    public private(set) var count = 0

    init() {}

    init<S: Sequence>(_ findings: S) where S.Element == Diagnostic {
        for d in findings {
            byFile[d.file, default: []].append(d)
            if d.related != nil { withRelated.insert(d) }
            count += 1
        }
        for file in byFile.keys { byFile[file]?.sort() }
    }

    /// Every finding, sorted.
    public var all: [Diagnostic] {
        var out: [Diagnostic] = []
        out.reserveCapacity(count)
        for file in byFile.keys.sorted() { out += byFile[file] ?? [] }
        return out
    }

    /// The findings in `file`, sorted.
    public func `in`(_ file: String) -> [Diagnostic] { byFile[file] ?? [] }

    /// The findings in other files that concern `file` (their `related` place is in it: the other
    /// page with the same URL, a link to a missing heading of it), sorted.
    public func concerning(_ file: String) -> [Diagnostic] {
        withRelated.filter { $0.related?.file == file && $0.file != file }.sorted()
    }

    /// Adds a finding that is not there yet.
    mutating func insert(_ d: Diagnostic) {
        var list = byFile.removeValue(forKey: d.file) ?? []  // the only reference: inserted into, not copied
        list.insert(d, at: FindingsByFile.position(of: d, in: list))
        byFile[d.file] = list
        if d.related != nil { withRelated.insert(d) }
        count += 1
    }

    /// Removes a finding; false when it is not there.
    mutating func remove(_ d: Diagnostic) -> Bool {
        guard var list = byFile.removeValue(forKey: d.file) else { return false }
        let at = FindingsByFile.position(of: d, in: list)
        let found = at < list.count && list[at] == d
        if found {
            list.remove(at: at)
            withRelated.remove(d)
            count -= 1
        }
        if !list.isEmpty { byFile[d.file] = list }
        return found
    }

    /// Where a finding is or would go in a sorted list (binary search).
    private static func position(of d: Diagnostic, in list: [Diagnostic]) -> Int {
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
