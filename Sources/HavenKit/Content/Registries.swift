/// A medical reviewer from `_data/reviewers.yml`.
public struct Reviewer: Sendable, Hashable {
    public var id: String
    public var name: String
    public var credentials: String
    public var bio: String?
    public var placeholder: Bool
    public var location: SourceLocation
}

/// A crisis line from `_data/crisis-resources.yml`.
public struct CrisisResource: Sendable, Hashable {
    public var id: String
    public var name: String
    /// As written in the data file and shown to readers (unless `display` is set).
    public var phone: String?
    /// How the phone number is shown, e.g. "1-800-662-HELP (4357)".
    public var display: String?
    public var sms: String?
    /// The word to text, e.g. "HOME" for the Crisis Text Line.
    public var smsKeyword: String?
    public var url: String?
    public var hours: String?
    public var region: String?
    public var description: String?
    public var verifiedOn: CalendarDate?
    public var location: SourceLocation
    /// Where each field's value sits, for diagnostics about it.
    public var fieldLocations: [String: SourceLocation]

    /// `tel:` target, or nil when the number is missing or invalid.
    public var telURI: String? { phone.flatMap { PhoneNumber(text: $0, region: region)?.uri(scheme: "tel") } }

    /// `sms:` target with the keyword as body when there is one.
    public var smsURI: String? {
        guard let base = sms.flatMap({ PhoneNumber(text: $0, region: region)?.uri(scheme: "sms") }) else { return nil }
        guard let keyword = smsKeyword, !keyword.isEmpty else { return base }
        return base + "?body=" + (keyword.addingPercentEncodingForQuery())
    }
}

/// A content warning from `_data/content-warnings.yml`.
public struct ContentWarning: Sendable, Hashable {
    public var id: String
    public var label: String
    public var resources: [String]
    public var location: SourceLocation
    public var resourceLocations: [SourceLocation]
}

extension String {
    func addingPercentEncodingForQuery() -> String {
        var out = ""
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return out
    }
}
