/// One image in `Content/media/` and everything Haven publishes for it: its size as shown
/// (upright), and its variants (the image at its own size, stripped of metadata, and for raster
/// images wider than `MediaImage.responsiveThreshold`, smaller widths and WebP copies).
public struct MediaImage: Sendable, Hashable {
    /// Output path of the image as the editor named it (`/media/photo.jpg`).
    public let output: String
    /// Path relative to the site root (`Content/media/photo.jpg`).
    public let source: String
    let format: ImageFormat
    /// Size in CSS pixels as shown; nil for an SVG that gives neither size nor viewBox.
    public let width: Int?
    public let height: Int?
    /// Every file published for this image, the original first; empty for an SVG (copied as is).
    let variants: [ImageVariant]

    /// Raster images wider than this are also published in smaller widths and as WebP.
    static let responsiveThreshold = 800
    /// The smaller widths offered (those below the image's own width).
    static let widths = [400, 800, 1600]
    /// What `sizes` says: the body column is at most 58rem wide.
    static let sizes = "(min-width: 60rem) 58rem, 100vw"

    init(output: String, source: String, format: ImageFormat, width: Int?, height: Int?, taken: Set<String> = []) {
        self.output = output
        self.source = source
        self.format = format
        self.width = width
        self.height = height
        guard let encoder = format.encoder, let width, let height, width > 0, height > 0 else {
            variants = []
            return
        }
        var variants = [ImageVariant(output: output, width: width, height: height, format: format, encoder: encoder)]
        if width > Self.responsiveThreshold {
            let stem = Self.stem(output)
            func add(_ w: Int, _ variantFormat: ImageFormat, _ path: String) {
                guard !taken.contains(path), let encoder = variantFormat.encoder else { return }
                let h = max(1, Int((Double(height) * Double(w) / Double(width)).rounded()))
                variants.append(ImageVariant(output: path, width: w, height: h, format: variantFormat, encoder: encoder))
            }
            let smaller = Self.widths.filter { $0 < width }
            if format != .webp {
                for w in smaller { add(w, format, "\(stem)-\(w)w.\(Self.fileExtension(output))") }
            }
            for w in smaller { add(w, .webp, "\(stem)-\(w)w.webp") }
            if format != .webp { add(width, .webp, "\(stem).webp") }
        }
        self.variants = variants
    }

    /// Whether the image is offered in several widths (`srcset`).
    var isResponsive: Bool { variants.count > 1 }

    /// Output paths of every file published for this image (the original path for an SVG).
    public var outputs: [String] { variants.isEmpty ? [output] : variants.map(\.output) }

    /// `srcset` candidates of one format, narrowest first, each as (output path, width).
    func candidates(_ wanted: ImageFormat) -> [(output: String, width: Int)] {
        variants.filter { $0.format == wanted }.sorted { $0.width < $1.width }.map { ($0.output, $0.width) }
    }

    /// `/media/a/photo.jpg` → `/media/a/photo`.
    private static func stem(_ path: String) -> String {
        let name = fileName(path)
        guard let dot = name.lastIndex(of: ".") else { return path }
        return String(path.dropLast(name.distance(from: dot, to: name.endIndex)))
    }

    private static func fileExtension(_ path: String) -> String {
        let name = fileName(path)
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return String(name[name.index(after: dot)...])
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    }
}

/// One file published for an image: the image at one width in one format.
struct ImageVariant: Sendable, Hashable {
    /// Output path (`/media/photo-800w.webp`).
    var output: String
    var width: Int
    var height: Int
    var format: ImageFormat
    var encoder: Vips.Format
}
