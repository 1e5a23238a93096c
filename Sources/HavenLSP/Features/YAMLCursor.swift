import Foundation

/// Where the cursor is in a YAML document (front matter or a data file), worked out from the
/// lines alone (the text is being typed and need not parse): the key being written, or the key
/// whose value is, the nested key inside a map (`lint:`), and the word under the cursor.
struct YAMLCursor {
    enum Place: Equatable {
        /// Writing a top-level key (start of an unindented line).
        case key(prefix: String)
        /// Writing the value of `key` (after `key:`, in its flow list, or in its block list).
        case value(key: String, prefix: String)
        /// Writing a key inside the map of `parent` (`lint:` entries).
        case nestedKey(parent: String, prefix: String)
        /// Writing the value of a nested key.
        case nestedValue(parent: String, key: String, prefix: String)
    }

    let place: Place
    /// The id-like word around the cursor (letters, digits, `-`, `_`), for hover.
    let word: String

    /// `lines` are the YAML lines, `line` the cursor's line in them, `column` its 0-based byte offset.
    init(lines: [Substring], line: Int, column: Int) {
        let text = line < lines.count ? lines[line] : ""
        let bytes = Array(text.utf8)
        let cut = min(max(0, column), bytes.count)
        let before = String(decoding: bytes[..<cut], as: UTF8.self)
        word = YAMLCursor.word(in: bytes, at: cut)
        let indent = before.prefix { $0 == " " }.count
        let trimmed = before.drop { $0 == " " }
        let prefix = YAMLCursor.trailingWord(before)
        if indent == 0 {
            if let colon = trimmed.firstIndex(of: ":") {
                let key = String(trimmed[..<colon])
                let rest = trimmed[trimmed.index(after: colon)...]
                // `lint: {rule: off, …}`: inside a flow map.
                if rest.contains("{") {
                    let inner = rest[rest.index(after: rest.lastIndex(of: "{") ?? rest.startIndex)...]
                    let entry = inner.split(separator: ",", omittingEmptySubsequences: false).last ?? ""
                    if let innerColon = entry.firstIndex(of: ":") {
                        place = .nestedValue(parent: key, key: entry[..<innerColon].trimmingCharacters(in: .whitespaces), prefix: prefix)
                    } else {
                        place = .nestedKey(parent: key, prefix: prefix)
                    }
                } else {
                    place = .value(key: key, prefix: prefix)
                }
            } else {
                place = .key(prefix: String(trimmed))
            }
            return
        }
        // An indented line: an item of the parent's list, or a nested key.
        var parent = ""
        var index = line - 1
        while index >= 0 {
            let candidate = lines[index]
            if let first = candidate.first, first != " ", first != "#", let colon = candidate.firstIndex(of: ":") {
                parent = String(candidate[..<colon])
                break
            }
            index -= 1
        }
        if trimmed.hasPrefix("-") {
            place = .value(key: parent, prefix: prefix)
        } else if let colon = trimmed.firstIndex(of: ":") {
            place = .nestedValue(parent: parent, key: String(trimmed[..<colon]), prefix: prefix)
        } else {
            place = .nestedKey(parent: parent, prefix: String(trimmed))
        }
    }

    private static func isIDByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
    }

    private static func word(in bytes: [UInt8], at offset: Int) -> String {
        var start = offset, end = offset
        while start > 0, isIDByte(bytes[start - 1]) { start -= 1 }
        while end < bytes.count, isIDByte(bytes[end]) { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static func trailingWord(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var start = bytes.count
        while start > 0, isIDByte(bytes[start - 1]) { start -= 1 }
        return String(decoding: bytes[start...], as: UTF8.self)
    }
}
