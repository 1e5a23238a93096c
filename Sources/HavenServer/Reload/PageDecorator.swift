import HavenKit
import NIOCore

/// Adds the preview's reload script, and the error overlay while the content has errors, to a
/// served HTML page, just before `</body>` (at the end when there is none). Only the bytes sent to
/// the browser change; the snapshot keeps the page exactly as `haven build` would write it.
enum PageDecorator {
    /// The script tag; `generation` tells the script which build the page came from.
    static func scriptTag(generation: String) -> String {
        "<script src=\"\(PreviewAssets.scriptPath)\" data-haven-generation=\"\(HTMLEscape.attribute(generation))\"></script>\n"
    }

    /// What goes before `</body>`.
    static func snippet(problems: [String], generation: String) -> String {
        var html = ""
        if !problems.isEmpty {
            html += "<link rel=\"stylesheet\" href=\"\(PreviewAssets.stylePath)\">\n"
            html += ErrorOverlay.element(problems: problems, dismissable: true, title: ErrorOverlay.staleTitle(count: problems.count))
        }
        html += scriptTag(generation: generation)
        return html
    }

    static func decorate(_ page: ByteBuffer, problems: [String], generation: String) -> ByteBuffer {
        let insert = snippet(problems: problems, generation: generation)
        let cut = closingBodyOffset(page) ?? page.readableBytes
        var out = ByteBuffer()
        out.reserveCapacity(page.readableBytes + insert.utf8.count)
        out.writeImmutableBuffer(page.getSlice(at: page.readerIndex, length: cut) ?? ByteBuffer())
        out.writeString(insert)
        out.writeImmutableBuffer(page.getSlice(at: page.readerIndex + cut, length: page.readableBytes - cut) ?? ByteBuffer())
        return out
    }

    /// The offset of the last `</body` (any case) from the reader index, searching from the end.
    static func closingBodyOffset(_ page: ByteBuffer) -> Int? {
        page.withUnsafeReadableBytes { bytes -> Int? in
            let needle: [UInt8] = Array("</body".utf8)
            guard bytes.count >= needle.count else { return nil }
            var start = bytes.count - needle.count
            while start >= 0 {
                var matches = true
                for (offset, expected) in needle.enumerated() {
                    var byte = bytes[start + offset]
                    if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
                    if byte != expected { matches = false; break }
                }
                if matches { return start }
                start -= 1
            }
            return nil
        }
    }
}
