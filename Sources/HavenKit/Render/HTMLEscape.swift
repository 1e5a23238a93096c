/// Escaping for every context Haven writes user text into. Templates use Mustache's `{{ }}`
/// (HTML-escaped through `ThemeContentType`, which calls this); code that builds HTML or XML by
/// hand calls it directly.
public enum HTMLEscape {
    /// Text and attribute values: `& < > " '`. Works on UTF-8 bytes (the five characters are
    /// ASCII); a string with nothing to escape is returned as it is, without a copy.
    public static func text(_ s: String) -> String {
        let escaped = s.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard let first = bytes.firstIndex(where: needsEscape) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] { append(byte, to: &out) }
            return String(decoding: out, as: UTF8.self)
        }
        switch escaped {
        case .some(.some(let result)): return result
        case .some(.none): return s
        case .none: return slowText(s)
        }
    }

    public static func attribute(_ s: String) -> String { text(s) }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    @inline(__always)
    private static func append(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
        case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
        default: out.append(byte)
        }
    }

    /// Strings without contiguous UTF-8 storage (bridged ones): byte by byte through a copy.
    private static func slowText(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for byte in s.utf8 { append(byte, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }
}
