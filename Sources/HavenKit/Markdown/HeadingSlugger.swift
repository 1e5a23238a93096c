/// GitHub-style heading ids: `## How it works` → `how-it-works`; repeats get `-1`, `-2`…
struct HeadingSlugger {
    private var used: [String: Int] = [:]

    /// Ids the page reserves for itself (footnotes), so no heading takes them.
    init(reserved: [String] = []) {
        for id in reserved { used[id] = 0 }
    }

    static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                out.append("-")
            } else if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic
                        || scalar.properties.numericType != nil {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    mutating func id(for text: String) -> String {
        var base = HeadingSlugger.slug(text)
        if base.isEmpty { base = "section" }
        guard let count = used[base] else {
            used[base] = 0
            return base
        }
        var n = count + 1
        while used["\(base)-\(n)"] != nil { n += 1 }
        used[base] = n
        used["\(base)-\(n)"] = 0
        return "\(base)-\(n)"
    }
}
