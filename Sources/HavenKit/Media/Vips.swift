import CVips

/// The only place Haven calls libvips. Every call takes bytes and gives bytes or a reason, so a
/// broken image is a finding, never a crash; every libvips object is released before returning.
enum Vips {
    /// What libvips reads from an image's header (nothing is decoded).
    struct Header: Sendable, Equatable {
        /// The libvips loader that recognised the bytes (`jpegload_buffer`…).
        var loader: String
        /// Pixel size as stored (before the EXIF orientation is applied).
        var width: Int
        var height: Int
        /// EXIF orientation 1–8 (5–8 swap width and height when shown upright).
        var orientation: Int
    }

    /// libvips started, once per process; false when it could not start.
    private static let started: Bool = haven_vips_start() == 0

    /// The loader and size of an image in memory, or why libvips cannot read it.
    static func header(_ bytes: [UInt8]) -> Result<Header, VipsFailure> {
        guard started else { return .failure(VipsFailure("libvips could not start")) }
        return bytes.withUnsafeBytes { raw -> Result<Header, VipsFailure> in
            guard let base = raw.baseAddress, raw.count > 0 else { return .failure(VipsFailure("the file is empty")) }
            guard let loaderName = vips_foreign_find_load_buffer(base, raw.count) else {
                return .failure(lastError(or: "libvips does not recognise it as an image"))
            }
            let loader = String(cString: loaderName)
            guard let image = haven_vips_header(base, raw.count) else { return .failure(lastError(or: "its header cannot be read")) }
            defer { g_object_unref(UnsafeMutableRawPointer(image)) }
            var orientation: Int32 = 1
            if vips_image_get_typeof(image, "orientation") != 0 {
                _ = vips_image_get_int(image, "orientation", &orientation)
            }
            return .success(Header(loader: Self.shortLoader(loader), width: Int(vips_image_get_width(image)),
                                   height: Int(vips_image_get_height(image)), orientation: Int(orientation)))
        }
    }

    /// Output formats libvips writes for Haven.
    enum Format: Int32, Sendable {
        case jpeg = 0, png = 1, webp = 2, gif = 3
    }

    /// The image decoded in full, upright, shrunk to `width` (never enlarged) and encoded as `format`
    /// with all metadata stripped; `frames` keeps every frame of an animation.
    static func encode(_ bytes: [UInt8], width: Int, format: Format, frames: Bool) -> Result<[UInt8], VipsFailure> {
        guard started else { return .failure(VipsFailure("libvips could not start")) }
        return bytes.withUnsafeBytes { raw -> Result<[UInt8], VipsFailure> in
            guard let base = raw.baseAddress, raw.count > 0 else { return .failure(VipsFailure("the file is empty")) }
            guard let image = haven_vips_thumbnail(base, raw.count, Int32(clamping: width), frames ? 1 : 0) else {
                return .failure(lastError(or: "libvips cannot decode it"))
            }
            defer { g_object_unref(UnsafeMutableRawPointer(image)) }
            var output: UnsafeMutableRawPointer?
            var length = 0
            guard haven_vips_save(image, format.rawValue, &output, &length) == 0, let output else {
                return .failure(lastError(or: "it is truncated or damaged: libvips cannot decode it in full"))
            }
            defer { g_free(output) }
            let encoded = [UInt8](UnsafeRawBufferPointer(start: output, count: length))
            return .success(format == .webp ? WebPMetadata.strip(encoded) : encoded)
        }
    }

    /// The version of libvips, part of every cache key (another libvips may encode differently).
    static var version: String {
        guard started else { return "none" }
        return "\(vips_version(0)).\(vips_version(1)).\(vips_version(2))"
    }

    /// `jpegload_buffer` (or `VipsForeignLoadJpegBuffer`) → `jpeg`; `gifload_buffer`, `VipsForeignLoadNsgifBuffer` → `gif`.
    private static func shortLoader(_ name: String) -> String {
        var s = Substring(name.lowercased())
        for prefix in ["vipsforeignload", "ns"] where s.hasPrefix(prefix) { s = s.dropFirst(prefix.count) }
        for suffix in ["_buffer", "buffer", "load"] where s.hasSuffix(suffix) { s = s.dropLast(suffix.count) }
        return String(s)
    }

    /// libvips keeps one error buffer for the whole process, shared by the images decoded in
    /// parallel: its text could belong to another image, so findings give Haven's own reason and
    /// the buffer is only emptied (it would otherwise keep every message of the build).
    private static func lastError(or reason: String) -> VipsFailure {
        vips_error_clear()
        return VipsFailure(reason)
    }
}

/// Why libvips could not read or write an image, in words for the editor.
struct VipsFailure: Error, Sendable, Equatable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
