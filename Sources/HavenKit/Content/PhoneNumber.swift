/// A dialable number: E.164 (country code and number) or a short code such as 988, 911 or 116 123.
public struct PhoneNumber: Sendable, Hashable {
    /// Digits only, with the country code for E.164 numbers.
    public let digits: String
    public let isShortCode: Bool

    /// Country calling codes for regions whose national numbers are written without one.
    static let callingCodes: [String: String] = ["US": "1", "CA": "1", "GB": "44", "UK": "44", "IE": "353",
                                                 "AU": "61", "NZ": "64", "DE": "49", "FR": "33"]

    /// Accepts separators (space, `-`, `.`, `(`, `)`) and an optional leading `+`; nothing else.
    public init?(text: String, region: String?) {
        var digits = ""
        var plus = false
        for (index, ch) in text.trimmingSpaces.enumerated() {
            if ch == "+" && index == 0 { plus = true; continue }
            if ch.isASCII, ch.isNumber { digits.append(ch); continue }
            if " -.()\u{00A0}".contains(ch) { continue }
            return nil
        }
        if !plus, (3...6).contains(digits.count) {
            self.digits = digits
            self.isShortCode = true
            return
        }
        if !plus, let region, let code = PhoneNumber.callingCodes[region.uppercased()] {
            if code == "1", digits.count == 10 {
                digits = "1" + digits
            } else if code != "1", digits.hasPrefix("0") {
                digits = code + digits.dropFirst()
            }
        }
        // E.164: at most 15 digits, country code first (never 0).
        guard (8...15).contains(digits.count), digits.first != "0" else { return nil }
        if !plus, region == nil, digits.count < 11 { return nil }
        self.digits = digits
        self.isShortCode = false
    }

    public func uri(scheme: String) -> String {
        isShortCode ? "\(scheme):\(digits)" : "\(scheme):+\(digits)"
    }
}

extension StringProtocol {
    /// Without leading and trailing white space. Returns the text itself (no copy of its scalars)
    /// when there is nothing to trim, which is almost always.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        if start == scalars.startIndex && end == scalars.endIndex { return String(self) }
        return String(self[start..<end])
    }

    /// Whether the text has anything but white space (no allocation).
    var hasVisibleText: Bool {
        unicodeScalars.contains { !$0.properties.isWhitespace }
    }
}
