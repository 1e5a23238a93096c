/// Turns a request target into a path that can be looked up in the snapshot, refusing anything
/// that could mean something else on a file system.
///
/// The snapshot is a dictionary, so nothing outside it can ever be read; this still refuses
/// `..` and `.` segments in any encoding, backslashes, NUL and other control bytes, and
/// double-encoded escapes (`%252e`), so the server behaves the same as a careful file server and
/// never aliases one file under several names.
enum RequestPath {
    enum Outcome: Equatable {
        /// A decoded path starting with `/`, safe to look up.
        case path(String)
        /// The target is malformed or hostile: answer 400.
        case malformed
        /// Well formed but cannot name a file (empty segment `//`): answer 404.
        case unknown
    }

    /// Canonicalises a raw request target such as `/conditions/adhd/?x=1`.
    static func canonicalize(_ target: String) -> Outcome {
        var raw = Substring(target)
        if let cut = raw.firstIndex(where: { $0 == "?" || $0 == "#" }) { raw = raw[..<cut] }
        guard raw.first == "/" else { return .malformed }
        guard !raw.contains("\\") else { return .malformed }
        guard let decoded = percentDecode(raw) else { return .malformed }
        for scalar in decoded.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\\" { return .malformed }
        }
        // A `%` followed by two hex digits after decoding is a second layer of encoding.
        if containsEscape(decoded) { return .malformed }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.contains(where: { $0 == "." || $0 == ".." }) { return .malformed }
        if segments.dropLast().contains(where: \.isEmpty) { return .unknown }
        return .path(decoded)
    }

    /// Decodes `%XX` escapes once; nil for a broken escape or bytes that are not UTF-8.
    static func percentDecode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        // Invalid UTF-8 is replaced on decoding, so it does not survive the round trip.
        return text.utf8.elementsEqual(bytes) ? text : nil
    }

    private static func containsEscape(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3 else { return false }
        for index in 0..<(bytes.count - 2) where bytes[index] == UInt8(ascii: "%") {
            if hexValue(bytes[index + 1]) != nil && hexValue(bytes[index + 2]) != nil { return true }
        }
        return false
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
