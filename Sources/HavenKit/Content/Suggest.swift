/// "Did you mean" suggestions by edit distance.
enum Suggest {
    /// The " (did you mean 'x'?)" that ends a message about an unknown name, or "" when no
    /// candidate is close. Every did-you-mean Haven writes comes from here.
    static func hint(for word: String, in candidates: [String], prefix: String = "") -> String {
        closest(to: word, in: candidates).map { " (did you mean '\(prefix)\($0)'?)" } ?? ""
    }

    static func closest(to word: String, in candidates: [String]) -> String? {
        // Ties go to the alphabetically first, so the hint never depends on a dictionary's order.
        let best = candidates.map { ($0, distance(word.lowercased(), $0)) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
        // A word of one or two letters is "close" to every word of its length: no hint then.
        guard let best, best.1 <= max(2, word.count / 3), best.1 < word.count else { return nil }
        return best.0
    }

    /// Levenshtein distance over Unicode scalars.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
