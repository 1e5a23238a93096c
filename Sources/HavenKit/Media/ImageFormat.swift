/// The image formats Haven publishes, known by their file extension.
enum ImageFormat: String, Sendable, Hashable, CaseIterable {
    case jpeg, png, gif, webp, svg

    /// The format a file name's extension says (`photo.JPG` → jpeg), or nil for other files.
    init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "jpg", "jpeg", "jpe": self = .jpeg
        case "png": self = .png
        case "gif": self = .gif
        case "webp": self = .webp
        case "svg": self = .svg
        default: return nil
        }
    }

    /// Raster formats are decoded, stripped and resized by libvips; SVG is published as written.
    var isRaster: Bool { self != .svg }

    /// The libvips loader that must recognise a file of this format (`Vips.Header.loader`).
    var loader: String {
        switch self {
        case .jpeg: "jpeg"
        case .png: "png"
        case .gif: "gif"
        case .webp: "webp"
        case .svg: "svg"
        }
    }

    /// The libvips encoder, for raster formats.
    var encoder: Vips.Format? {
        switch self {
        case .jpeg: .jpeg
        case .png: .png
        case .gif: .gif
        case .webp: .webp
        case .svg: nil
        }
    }

    /// The MIME type, for `<source type>`.
    var mimeType: String { self == .svg ? "image/svg+xml" : "image/\(rawValue)" }

    /// The name in messages ("JPEG").
    var displayName: String { rawValue.uppercased() }

    /// Animations keep every frame.
    var mayAnimate: Bool { self == .gif || self == .webp }
}
