import CPhoneNumbers

/// A dialable number: E.164 (country code and number) or a short code such as 988, 911 or 116 123,
/// judged by libphonenumber (`PhoneNumberLibrary`) the way phones in the number's region dial it.
public struct PhoneNumber: Sendable, Hashable {
    /// Digits only, with the country code for E.164 numbers.
    public let digits: String
    public let isShortCode: Bool

    /// Accepts separators (space, `-`, `.`, `(`, `)`) and an optional leading `+`; nothing else
    /// (letters such as 1-800-662-HELP belong in a resource's `display`). A number without `+` is
    /// read as dialled in `region`; with no region, only an international (`+`) number is valid.
    public init?(text: String, region: String?) {
        var digits = ""
        var plus = false
        for (index, ch) in text.trimmingSpaces.enumerated() {
            if ch == "+" && index == 0 { plus = true; continue }
            if ch.isASCII, ch.isNumber { digits.append(ch); continue }
            if " -.()\u{00A0}".contains(ch) { continue }
            return nil
        }
        guard !digits.isEmpty, digits.count <= 17 else { return nil }
        let region = region.map(PhoneNumberLibrary.regionCode)
        if !plus, (3...6).contains(digits.count), let region, PhoneNumberLibrary.isValidShortNumber(digits, region: region) {
            self.digits = digits
            self.isShortCode = true
            return
        }
        guard plus || region != nil,
              let e164 = PhoneNumberLibrary.validE164(plus ? "+" + digits : digits, region: region ?? "ZZ") else { return nil }
        self.digits = String(e164.dropFirst())
        self.isShortCode = false
    }

    /// `+` and the digits for an E.164 number; the digits of a short code.
    public var e164: String { isShortCode ? digits : "+" + digits }

    public func uri(scheme: String) -> String { "\(scheme):\(e164)" }
}

/// The only caller of libphonenumber (through `CPhoneNumbers`, a C header over its C++ API).
/// Every function is safe on any input: the shim catches everything libphonenumber throws.
enum PhoneNumberLibrary {
    /// A phone number found in running text: its UTF-8 byte range and its E.164 form.
    struct Match: Sendable, Hashable {
        var start: Int
        var length: Int
        var e164: String
    }

    /// Region codes as libphonenumber knows them ("UK", common in editors' files, is "GB").
    static func regionCode(_ region: String) -> String {
        let upper = region.uppercased()
        return upper == "UK" ? "GB" : upper
    }

    /// A question asked of libphonenumber about one number in one region.
    private struct Question: Hashable {
        enum Kind { case e164, short, emergency }
        var kind: Kind
        var text: String
        var region: String
    }

    /// libphonenumber's answers so far, for the life of the process. The same few numbers (the
    /// site's crisis lines, 988, 911, the numbers pages repeat) are asked about on every page, and
    /// each answer costs about 50,000 instructions of ICU regular expressions: on the 1,000-page
    /// bench corpus, phone-number judging was 5.6% of a build's instructions before (callgrind).
    /// The answers depend on the text and region alone.
    private static let answers = SharedMemo<Question, String?>()

    /// The E.164 form of `text` when libphonenumber finds it a valid number dialled in `region`.
    static func validE164(_ text: String, region: String) -> String? {
        answers.value(for: Question(kind: .e164, text: text, region: region)) {
            var buffer = [CChar](repeating: 0, count: Int(HAVEN_E164_CAPACITY))
            let ok = withChars(text) { haven_phone_valid_e164($0, $1, regionCode(region), &buffer) }
            guard ok == 1 else { return nil }
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    /// Whether `digits` is a valid short number (988, 911, 116 123…) in `region`.
    static func isValidShortNumber(_ digits: String, region: String) -> Bool {
        answers.value(for: Question(kind: .short, text: digits, region: region)) {
            withChars(digits) { haven_phone_is_valid_short($0, $1, regionCode(region)) } == 1 ? "" : nil
        } != nil
    }

    /// Whether `digits` is an emergency number of `region` (911 in the US, 999 and 112 in GB).
    static func isEmergencyNumber(_ digits: String, region: String) -> Bool {
        answers.value(for: Question(kind: .emergency, text: digits, region: region)) {
            withChars(digits) { haven_phone_is_emergency($0, $1, regionCode(region)) } == 1 ? "" : nil
        } != nil
    }

    /// Calls `body` with the text's UTF-8 bytes and their count (the pointer is nil for "").
    private static func withChars<R>(_ text: String, _ body: (UnsafePointer<CChar>?, Int) -> R) -> R {
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { body($0.baseAddress, $0.count) }
        }
    }

    /// Valid numbers (not short codes) in UTF-8 running text, as dialled in `region`, in text order.
    static func numbers(in utf8: [UInt8], region: String) -> [Match] {
        guard !utf8.isEmpty else { return [] }
        let capacity = 64
        var matches = [haven_phone_match](repeating: haven_phone_match(), count: capacity)
        let found = utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                haven_phone_find(chars.baseAddress, chars.count, regionCode(region), &matches, capacity)
            }
        }
        return matches.prefix(Int(found)).map { match in
            let e164 = withUnsafeBytes(of: match.e164) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            return Match(start: Int(match.start), length: Int(match.length), e164: e164)
        }
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
