/// A JSON value with a deterministic writer (keys in the order given) that is safe inside an HTML
/// `<script>`: `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026`, so no string can close
/// the script element, and U+2028/U+2029 are escaped too.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, indent: Int) {
        let newline = pretty ? "\n" + String(repeating: "  ", count: indent + 1) : ""
        let closing = pretty ? "\n" + String(repeating: "  ", count: indent) : ""
        switch self {
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 { out += String(Int(n)) } else { out += String(n) }
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                out += newline
                item.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            out += closing + "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                out += newline
                JSONValue.writeString(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            out += closing + "}"
        }
    }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        var text = s
        text.withUTF8 { bytes in
            var runStart = 0
            func flush(_ upTo: Int) {
                if upTo > runStart { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<upTo]), as: UTF8.self) }
            }
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                var escape: String?
                var width = 1
                switch b {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x3C: escape = "\\u003c"
                case 0x3E: escape = "\\u003e"
                case 0x26: escape = "\\u0026"
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                case 0..<0x20:
                    let hex = String(b, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: break
                }
                if let escape {
                    flush(i)
                    out += escape
                    i += width
                    runStart = i
                } else {
                    i += 1
                }
            }
            flush(bytes.count)
        }
        out += "\""
    }
}

extension JSONValue {
    /// An object without the pairs whose value is nil.
    static func object(_ pairs: [(String, JSONValue?)]) -> JSONValue {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }
}
