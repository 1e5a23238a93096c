@testable import HavenKit

/// Image files made by the tests themselves: PNGs written byte by byte, JPEGs encoded from them
/// by libvips with camera metadata (EXIF with a GPS position and a serial number, XMP, IPTC)
/// put in by hand, so a test knows exactly what the source carries.
enum TestImages {
    /// An RGB PNG of a gradient (uncompressed deflate blocks), optionally with a private chunk of
    /// `padding` bytes (a large file with few pixels).
    static func png(width: Int, height: Int, padding: Int = 0) -> [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity((width * 3 + 1) * height)
        for y in 0..<height {
            raw.append(0)
            for x in 0..<width {
                raw.append(UInt8(truncatingIfNeeded: x * 255 / max(1, width)))
                raw.append(UInt8(truncatingIfNeeded: y * 255 / max(1, height)))
                raw.append(UInt8(truncatingIfNeeded: (x ^ y) & 0xff))
            }
        }
        var zlib: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let block = min(65_535, raw.count - offset)
            let last: UInt8 = offset + block >= raw.count ? 1 : 0
            zlib += [last, UInt8(block & 0xff), UInt8(block >> 8), UInt8(~block & 0xff), UInt8((~block >> 8) & 0xff)]
            zlib += raw[offset..<(offset + block)]
            offset += block
        } while offset < raw.count
        zlib += bigEndian(adler32(raw))
        var out: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
        out += chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0])
        if padding > 0 { out += chunk("prVt", [UInt8](repeating: 0x5a, count: padding)) }
        out += chunk("IDAT", zlib)
        out += chunk("IEND", [])
        return out
    }

    /// A JPEG (encoded by libvips from `png`) carrying EXIF (camera make, serial number, a GPS
    /// position), XMP and IPTC segments, as a phone photo would.
    static func cameraJPEG(width: Int, height: Int) throws -> [UInt8] {
        let plain = try Vips.encode(png(width: width, height: height), width: width, format: .jpeg, frames: false).get()
        let segments = app1(exif) + app1(Array("http://ns.adobe.com/xap/1.0/\0".utf8) + Array(xmp.utf8)) + app13(iptc)
        return Array(plain[..<2]) + segments + Array(plain[2...])
    }

    /// Text that the camera metadata holds and no published file may.
    static let secrets = ["SERIAL-4471", "Exif\0\0", "ns.adobe.com/xap", "Photoshop 3.0", "Clinic Photographer"]

    /// Which of `secrets` (or PNG/WebP metadata chunks) occur in the bytes.
    static func metadata(in bytes: [UInt8]) -> [String] {
        var found = secrets.filter { contains(bytes, Array($0.utf8)) }
        if bytes.starts(with: [0x89, 0x50, 0x4e, 0x47]) {
            found += ["eXIf", "tEXt", "iTXt", "zTXt"].filter { contains(bytes, Array($0.utf8)) }
        }
        if bytes.count > 12, Array(bytes[8..<12]) == Array("WEBP".utf8) {
            found += ["EXIF", "XMP "].filter { contains(bytes, Array($0.utf8)) }
        }
        return found
    }

    // MARK: Building blocks

    /// TIFF (big-endian) with IFD0: Make, GPSInfo pointer; GPS IFD: latitude ref/latitude; and a
    /// body serial number in IFD0 (ASCII).
    private static var exif: [UInt8] {
        var tiff: [UInt8] = Array("MM".utf8) + [0, 42] + bigEndian(UInt32(8))
        // IFD0 at 8: 3 entries (12 bytes each) + next-IFD pointer, then values.
        let ifd0Size = 2 + 3 * 12 + 4
        let makeOffset = 8 + ifd0Size
        let make = Array("PhoneMaker\0".utf8)
        let serialOffset = makeOffset + make.count
        let serial = Array("SERIAL-4471\0".utf8)
        let gpsOffset = serialOffset + serial.count
        tiff += bigEndian(UInt16(3))
        tiff += entry(0x010f, type: 2, count: make.count, value: UInt32(makeOffset))
        tiff += entry(0x8825, type: 4, count: 1, value: UInt32(gpsOffset))
        tiff += entry(0xa431, type: 2, count: serial.count, value: UInt32(serialOffset))
        tiff += bigEndian(UInt32(0))
        tiff += make + serial
        // GPS IFD: 2 entries + next pointer, then the latitude (3 rationals).
        let latitudeOffset = gpsOffset + 2 + 2 * 12 + 4
        tiff += bigEndian(UInt16(2))
        tiff += entry(0x0001, type: 2, count: 2, value: UInt32(Character("N").asciiValue ?? 78) << 24)
        tiff += entry(0x0002, type: 5, count: 3, value: UInt32(latitudeOffset))
        tiff += bigEndian(UInt32(0))
        for part in [UInt32(51), 30, 26] { tiff += bigEndian(part) + bigEndian(UInt32(1)) }
        return Array("Exif\0\0".utf8) + tiff
    }

    private static let xmp = """
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\
        <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Clinic Photographer"/></rdf:RDF></x:xmpmeta>
        """

    /// An APP13 Photoshop IRB holding an IPTC by-line.
    private static var iptc: [UInt8] {
        let byline = Array("Clinic Photographer".utf8)
        let record: [UInt8] = [0x1c, 0x02, 0x50] + bigEndian(UInt16(byline.count)) + byline
        var irb: [UInt8] = Array("8BIM".utf8) + [0x04, 0x04, 0, 0] + bigEndian(UInt32(record.count)) + record
        if irb.count % 2 == 1 { irb.append(0) }
        return Array("Photoshop 3.0\0".utf8) + irb
    }

    private static func entry(_ tag: UInt16, type: UInt16, count: Int, value: UInt32) -> [UInt8] {
        bigEndian(tag) + bigEndian(type) + bigEndian(UInt32(count)) + bigEndian(value)
    }

    private static func app1(_ payload: [UInt8]) -> [UInt8] { [0xff, 0xe1] + bigEndian(UInt16(payload.count + 2)) + payload }
    private static func app13(_ payload: [UInt8]) -> [UInt8] { [0xff, 0xed] + bigEndian(UInt16(payload.count + 2)) + payload }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    private static func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<(T.bitWidth / 8)).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    private static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }

    private static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xedb8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xffff_ffff
        for byte in bytes { c = crcTable[Int((c ^ UInt32(byte)) & 0xff)] ^ (c >> 8) }
        return c ^ 0xffff_ffff
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return true }
        }
        return false
    }
}
