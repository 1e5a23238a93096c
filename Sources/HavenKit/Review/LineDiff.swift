/// A line diff (Myers' O(ND) algorithm, after trimming the common start and end) and its hunks in
/// the unified format's shape: for `haven review diff` and the serve desk.
public enum LineDiff {
    public enum Change: Sendable, Equatable {
        case same, removed, added
    }

    /// One line of a hunk, with its line number in the old and/or new text (1-based, as shown).
    public struct Line: Sendable, Equatable {
        public var change: Change
        public var text: String
        public var oldNumber: Int?
        public var newNumber: Int?
    }

    /// A run of changes with up to `context` unchanged lines around it.
    public struct Hunk: Sendable, Equatable {
        public var oldStart: Int
        public var oldCount: Int
        public var newStart: Int
        public var newCount: Int
        public var lines: [Line]

        /// `@@ -12,7 +12,8 @@`
        public var header: String {
            func range(_ start: Int, _ count: Int) -> String { count == 1 ? "\(start)" : "\(start),\(count)" }
            return "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@"
        }
    }

    /// The edit script turning `a` into `b`, line by line.
    public static func script(_ a: [String], _ b: [String]) -> [(Change, String)] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middle = myers(Array(a[prefix..<(a.count - suffix)]), Array(b[prefix..<(b.count - suffix)]))
        return a[..<prefix].map { (.same, $0) } + middle + a[(a.count - suffix)...].map { (.same, $0) }
    }

    /// Hunks of the script with `context` lines around each change; numbers start at `oldFirst`
    /// and `newFirst` (the file lines of the texts' first lines).
    public static func hunks(_ a: [String], _ b: [String], oldFirst: Int = 1, newFirst: Int = 1, context: Int = 3) -> [Hunk] {
        var numbered: [Line] = []
        var old = oldFirst, new = newFirst
        for (change, text) in script(a, b) {
            switch change {
            case .same: numbered.append(Line(change: .same, text: text, oldNumber: old, newNumber: new)); old += 1; new += 1
            case .removed: numbered.append(Line(change: .removed, text: text, oldNumber: old, newNumber: nil)); old += 1
            case .added: numbered.append(Line(change: .added, text: text, oldNumber: nil, newNumber: new)); new += 1
            }
        }
        let changed = numbered.indices.filter { numbered[$0].change != .same }
        guard let firstChange = changed.first else { return [] }
        var ranges: [ClosedRange<Int>] = []
        var current = max(0, firstChange - context)...min(numbered.count - 1, firstChange + context)
        for index in changed.dropFirst() {
            let range = max(0, index - context)...min(numbered.count - 1, index + context)
            if range.lowerBound <= current.upperBound + 1 {
                current = current.lowerBound...range.upperBound
            } else {
                ranges.append(current)
                current = range
            }
        }
        ranges.append(current)
        return ranges.map { range in
            let lines = Array(numbered[range])
            // Where a side has no line in the hunk, the unified format names the line before it.
            let oldStart = lines.first(where: { $0.oldNumber != nil })?.oldNumber ?? (oldBefore(numbered, range.lowerBound, oldFirst))
            let newStart = lines.first(where: { $0.newNumber != nil })?.newNumber ?? (newBefore(numbered, range.lowerBound, newFirst))
            let oldCount = lines.filter { $0.change != .added }.count
            let newCount = lines.filter { $0.change != .removed }.count
            return Hunk(oldStart: oldCount == 0 ? oldStart : oldStart, oldCount: oldCount,
                        newStart: newCount == 0 ? newStart : newStart, newCount: newCount, lines: lines)
        }
    }

    private static func oldBefore(_ lines: [Line], _ index: Int, _ first: Int) -> Int {
        lines[..<index].last(where: { $0.oldNumber != nil })?.oldNumber ?? (first - 1)
    }

    private static func newBefore(_ lines: [Line], _ index: Int, _ first: Int) -> Int {
        lines[..<index].last(where: { $0.newNumber != nil })?.newNumber ?? (first - 1)
    }

    /// Myers' greedy shortest edit script. Each round keeps only the diagonals it reached
    /// (`-d...d`), so memory is O(D²) for D differences.
    private static func myers(_ a: [String], _ b: [String]) -> [(Change, String)] {
        let n = a.count, m = b.count
        if n == 0 { return b.map { (.added, $0) } }
        if m == 0 { return a.map { (.removed, $0) } }
        let limit = n + m
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        let offset = limit + 1
        var trace: [[Int]] = []
        var finalD = 0
        search: for d in 0...limit {
            trace.append(Array(v[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m { finalD = d; break search }
            }
        }
        var out: [(Change, String)] = []
        var x = n, y = m
        for d in stride(from: finalD, through: 0, by: -1) {
            let row = trace[d]  // v as it was when round d started: diagonals -d...d, at index k + d
            func at(_ k: Int) -> Int { row[k + d] }
            let k = x - y
            if d == 0 {
                while x > 0, y > 0 { out.append((.same, a[x - 1])); x -= 1; y -= 1 }
                break
            }
            let down = k == -d || (k != d && at(k - 1) < at(k + 1))
            let previousK = down ? k + 1 : k - 1
            let previousX = at(previousK)
            let previousY = previousX - previousK
            while x > previousX, y > previousY { out.append((.same, a[x - 1])); x -= 1; y -= 1 }
            if down { out.append((.added, b[y - 1])) } else { out.append((.removed, a[x - 1])) }
            x = previousX
            y = previousY
        }
        return out.reversed()
    }
}
