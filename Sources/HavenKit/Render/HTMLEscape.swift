/// Escaping for every context Haven writes user text into. Templates use Mustache's `{{ }}`
/// (HTML-escaped); code that builds HTML or XML by hand uses these.
public enum HTMLEscape {
    /// Text and attribute values: `& < > " '`.
    public static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    public static func attribute(_ s: String) -> String { text(s) }
}
