/// Removes the `EXIF` and `XMP ` chunks from a WebP file (and their flags from its `VP8X` header).
/// libvips 8.14's WebP saver writes an EXIF block of its own (resolution, pixel size) even when
/// told to strip metadata; Haven publishes no EXIF at all.
enum WebPMetadata {
    /// The file without metadata chunks; the bytes unchanged when they are not a well-formed WebP
    /// container, or hold none.
    static func strip(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 12, Array(bytes[0..<4]) == riff, Array(bytes[8..<12]) == webp else { return bytes }
        var out: [UInt8] = Array(bytes[0..<12])
        var at = 12
        var removed = false
        while at + 8 <= bytes.count {
            let fourCC = Array(bytes[at..<(at + 4)])
            let size = Int(bytes[at + 4]) | Int(bytes[at + 5]) << 8 | Int(bytes[at + 6]) << 16 | Int(bytes[at + 7]) << 24
            let end = at + 8 + size + (size & 1)
            guard end <= bytes.count || (end == bytes.count + 1 && size & 1 == 1) else { return bytes }
            let chunkEnd = min(end, bytes.count)
            if fourCC == exif || fourCC == xmp {
                removed = true
            } else {
                var chunk = Array(bytes[at..<chunkEnd])
                if fourCC == vp8x, chunk.count > 8 { chunk[8] &= ~UInt8(0x08 | 0x04) }  // EXIF and XMP flags
                out += chunk
            }
            at = chunkEnd
        }
        guard removed, at == bytes.count else { return bytes }
        let riffSize = UInt32(out.count - 8)
        for k in 0..<4 { out[4 + k] = UInt8(truncatingIfNeeded: riffSize >> (8 * UInt32(k))) }
        return out
    }

    private static let riff = Array("RIFF".utf8)
    private static let webp = Array("WEBP".utf8)
    private static let vp8x = Array("VP8X".utf8)
    private static let exif = Array("EXIF".utf8)
    private static let xmp = Array("XMP ".utf8)
}
