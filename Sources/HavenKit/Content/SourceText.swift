/// Turns a content file's bytes into text: UTF-8 only, a BOM dropped, CRLF and CR turned into LF
/// (line numbers stay those the editor sees).
enum SourceText {
    enum Failure: Error, Equatable {
        case binary(line: Int)
        case invalidUTF8(line: Int, column: Int)
    }

    static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let body = bytes[start...]
        if let nul = ByteSearch.firstIndex(of: 0, in: bytes, from: start) {
            return .failure(.binary(line: lineNumber(of: nul, in: bytes, from: start)))
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            // Find the first bad byte to point at it.
            var offset = start
            var iterator = body.makeIterator()
            var decoder = UTF8()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): offset += UTF8.width(scalar)
                case .emptyInput: break loop
                case .error: break loop
                }
            }
            let line = lineNumber(of: offset, in: bytes, from: start)
            var column = 1
            var i = offset - 1
            while i >= start, bytes[i] != 10 { column += 1; i -= 1 }
            return .failure(.invalidUTF8(line: line, column: column))
        }
        guard ByteSearch.firstIndex(of: 13, in: bytes, from: start) != nil else { return .success(text) }
        return .success(text.replacingCRLF())
    }

    private static func lineNumber(of offset: Int, in bytes: [UInt8], from start: Int) -> Int {
        var line = 1
        var i = start
        while i < offset, i < bytes.count {
            if bytes[i] == 10 { line += 1 }
            i += 1
        }
        return line
    }
}

extension String {
    /// CRLF → LF and lone CR → LF.
    func replacingCRLF() -> String {
        var out = [UInt8]()
        out.reserveCapacity(utf8.count)
        var previousCR = false
        for b in utf8 {
            if b == 13 { out.append(10); previousCR = true; continue }
            if b == 10, previousCR { previousCR = false; continue }
            previousCR = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
