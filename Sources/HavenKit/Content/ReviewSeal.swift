import Crypto

/// What the reader sees of a page, as the review seal covers it: the visible front-matter values
/// and the body, normalised. The one place the seal is defined; `haven review sign`, the lint
/// rules, the queue, `haven review diff` and the serve desk all go through it.
///
/// Covered: `title`, `description`, `key_points`, `content_warnings`, `crisis_resources`,
/// `modalities`, `conditions`, `image` (src, alt, credit), `disclaimer`, and the body.
/// Not covered: dates, `author`, `reviewer`, `lint`, `translator`, `type`, `slug`, `draft`, the
/// seal itself. Values are taken as Haven reads them (trimmed, quotes resolved), so re-quoting a
/// value or re-folding a long line does not break a seal; changing what the reader sees does.
public struct SealedContent: Sendable, Equatable {
    /// One covered key and its values, in the order the reader sees them.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var values: [String]
    }

    /// The covered keys, always all of them and always in `SealedContent.fieldOrder`.
    public var fields: [Field]
    /// The body: LF line endings, trailing spaces and tabs removed from every line, trailing blank
    /// lines removed (no final line break).
    public var body: String

    /// The order of the keys in the canonical form (SPEC §7's list).
    public static let fieldOrder = ["title", "description", "key_points", "content_warnings", "crisis_resources",
                                    "modalities", "conditions", "image", "disclaimer"]

    /// The version tag that starts the canonical form; a new form would get a new tag.
    static let formatTag = "haven-review-seal-1"

    public init(matter: FrontMatter, body: String) {
        func one(_ value: Located<String>?) -> [String] { value.map { [$0.value] } ?? [] }
        let image = matter.image.map { [$0.src.value, $0.alt ?? "", $0.credit ?? ""] } ?? []
        let values: [String: [String]] = [
            "title": one(matter.title),
            "description": one(matter.description),
            "key_points": matter.keyPoints.map(\.value),
            "content_warnings": matter.contentWarnings.map(\.value),
            "crisis_resources": matter.crisisResources.map(\.value),
            "modalities": matter.modalities.map(\.value),
            "conditions": matter.conditions.map(\.value),
            "image": image,
            // What the reader sees: no key and `disclaimer: true` both show it.
            "disclaimer": [(matter.disclaimer?.value ?? true) ? "true" : "false"],
        ]
        fields = SealedContent.fieldOrder.map { Field(name: $0, values: values[$0] ?? []) }
        self.body = SealedContent.normalizedBody(body)
    }

    /// The content of a whole file as stored (any line endings, a BOM or not); nil when it is not
    /// UTF-8 text or its front matter cannot be read (such a file has no meaningful seal).
    public init?(fileBytes: [UInt8], file: String = "") {
        guard let read = SealedFile(bytes: fileBytes, file: file) else { return nil }
        self = read.content
    }

    /// The canonical byte form the seal hashes. Unambiguous whatever the values hold:
    ///
    ///     haven-review-seal-1 LF
    ///     for each key of `fieldOrder`, then `body`:
    ///       NAME SP COUNT LF                (COUNT: how many values, in decimal)
    ///       for each value: LENGTH LF VALUE LF   (LENGTH: the value's UTF-8 bytes, in decimal)
    ///
    /// `title` and `description` have 0 or 1 value; lists one per entry in written order; `image`
    /// 0, or 3 (src, alt, credit; an absent alt or credit is empty); `disclaimer` 1 (`true` or
    /// `false`, absent meaning `true`); `body` 1, normalised as `body` says.
    public var canonicalBytes: [UInt8] {
        var out = Array((SealedContent.formatTag + "\n").utf8)
        func append(_ name: String, _ values: [String]) {
            out += Array("\(name) \(values.count)\n".utf8)
            for value in values {
                let bytes = Array(value.utf8)
                out += Array("\(bytes.count)\n".utf8)
                out += bytes
                out.append(10)
            }
        }
        for field in fields { append(field.name, field.values) }
        append("body", [body])
        return out
    }

    /// The seal of this content: the first 64 bits of SHA-256 over `canonicalBytes`, as 16
    /// lowercase hex digits.
    public var seal: String {
        let digest = SHA256.hash(data: canonicalBytes)
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(16)
        for byte in digest.prefix(8) {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a `review_seal` value has the form Haven writes: exactly 16 lowercase hex digits.
    public static func isWellFormed(_ seal: String) -> Bool {
        let bytes = Array(seal.utf8)
        return bytes.count == 16 && bytes.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// LF line endings (CR and CRLF become LF), trailing spaces and tabs removed from each line,
    /// trailing blank lines removed.
    public static func normalizedBody(_ body: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(body.utf8.count)
        var kept = 0               // `out` up to the line's last byte that is not a space or tab
        var breaks = 0             // line breaks not yet written: only text after them writes them
        var blanks: [UInt8] = []   // a line's leading spaces and tabs, until it turns out not blank
        var inText = false         // the current line has text
        var previousCR = false
        for byte in body.utf8 {
            if byte == 10 && previousCR { previousCR = false; continue }
            previousCR = byte == 13
            switch byte {
            case 10, 13:
                if inText { out.removeSubrange(kept...) }
                blanks.removeAll(keepingCapacity: true)
                inText = false
                breaks += 1
            case 32, 9:
                if inText { out.append(byte) } else { blanks.append(byte) }
            default:
                if !inText {
                    out.append(contentsOf: repeatElement(10, count: breaks))
                    out.append(contentsOf: blanks)
                    breaks = 0
                    blanks.removeAll(keepingCapacity: true)
                    inText = true
                }
                out.append(byte)
                kept = out.count
            }
        }
        if inText { out.removeSubrange(kept...) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A file read for its seal: the sealed content, the seal it records, and where its body starts
/// (for line numbers in `haven review diff`).
public struct SealedFile: Sendable {
    public var content: SealedContent
    /// The file's `review_seal` value as written, if any.
    public var recordedSeal: String?
    /// The file line of the body's first line.
    public var bodyFirstLine: Int

    /// Nil when the bytes are not UTF-8 text or the front matter cannot be read.
    public init?(bytes: [UInt8], file: String = "") {
        guard case .success(let text) = SourceText.decode(bytes),
              case .success(let split) = FrontMatterSplitter.split(text) else { return nil }
        var matter = FrontMatter(start: SourceLocation(file: file))
        if let yaml = split.yaml {
            var decoder = FrontMatterDecoder(file: file, firstLine: split.yamlFirstLine)
            matter = decoder.decode(yaml)
            if matter.isUnreadable { return nil }
        }
        content = SealedContent(matter: matter, body: split.body)
        recordedSeal = matter.reviewSeal?.value
        bodyFirstLine = split.bodyFirstLine
    }
}
