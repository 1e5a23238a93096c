/// A place in a site file: a path relative to the site root and a 1-based line and column.
///
/// **Column unit.** `column` counts UTF-8 bytes from the start of the line, plus one: the unit
/// cmark-gfm reports, and the one compilers and Vim use. A line `café: x` has its `x` at column 8,
/// not 7. Positions from other sources are converted when they are made (Yams counts Unicode
/// scalars: `YAMLPositioner` converts them), and a client that counts differently converts at its
/// edge (the language server turns bytes into UTF-16 code units with `SourceLocation.utf16Column`).
public struct SourceLocation: Sendable, Hashable, Comparable {
    public var file: String
    public var line: Int
    /// 1-based UTF-8 byte offset in the line (see the type's documentation).
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

// MARK: Converting columns

extension SourceLocation {
    /// The 1-based byte column of the character that is `scalars` Unicode scalars (1-based) into `line`.
    /// Past the end of the line, each further scalar counts one byte.
    public static func byteColumn(scalarColumn scalars: Int, in line: Substring) -> Int {
        var bytes = 0, count = 1
        for scalar in line.unicodeScalars {
            if count >= scalars { return bytes + 1 }
            bytes += UTF8.width(scalar)
            count += 1
        }
        return bytes + 1 + max(0, scalars - count)
    }

    /// The 0-based UTF-16 offset in `line` of the 1-based byte column `column` (a column inside a
    /// multi-byte character counts as that character's start; past the end, one unit per byte).
    public static func utf16Offset(byteColumn column: Int, in line: Substring) -> Int {
        var bytes = 0, units = 0
        let target = column - 1
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if bytes + width > target { return units }
            bytes += width
            units += scalar.utf16.count
        }
        return units + max(0, target - bytes)
    }

    /// The 1-based byte column of the 0-based UTF-16 offset `offset` in `line` (an offset inside a
    /// surrogate pair counts as the character's start; past the end, one byte per unit).
    public static func byteColumn(utf16Offset offset: Int, in line: Substring) -> Int {
        var bytes = 0, units = 0
        for scalar in line.unicodeScalars {
            let width = scalar.utf16.count
            if units + width > offset { return bytes + 1 }
            units += width
            bytes += UTF8.width(scalar)
        }
        return bytes + 1 + max(0, offset - units)
    }

    /// This location's column as a 0-based UTF-16 offset into `line` (the line's text).
    public func utf16Column(in line: Substring) -> Int { SourceLocation.utf16Offset(byteColumn: column, in: line) }
}
