/// Every file of `Content/media/` as the build publishes it: the images probed once at resolve time
/// (format checked against the extension, size read from the header), with their variants, and the
/// findings about them. Nothing is decoded here: `MediaPublisher` does that when writing.
public struct MediaLibrary: Sendable, Equatable {
    /// Images by output path (`/media/photo.jpg`); other media files are not here.
    public let images: [String: MediaImage]
    /// `image-too-large` and `invalid-image` findings, in file order.
    public let diagnostics: [Diagnostic]

    /// A source over this many bytes is `image-too-large`.
    static let maxBytes = 5 * 1024 * 1024
    /// A source wider or taller than this is `image-too-large`.
    static let maxPixels = 4000
    /// Above this many pixels an image is refused outright (decoding it could exhaust memory).
    static let refusedPixels = 200_000_000
    /// Files above this size are not read at all.
    static let refusedBytes = 256 * 1024 * 1024

    init(images: [String: MediaImage] = [:], diagnostics: [Diagnostic] = []) {
        self.images = images
        self.diagnostics = diagnostics
    }

    /// Probes the media files (output path, path relative to `root`) in parallel.
    static func probe(_ media: [(output: String, source: String)], root: String) -> MediaLibrary {
        let outputs = Set(media.map(\.output))
        let probed = parallelMap(media.map { Entry(output: $0.output, source: $0.source) }) { entry in
            probe(entry, root: root, taken: outputs)
        }
        var images: [String: MediaImage] = [:]
        var diagnostics: [Diagnostic] = []
        for (image, found) in probed {
            if let image { images[image.output] = image }
            diagnostics += found
        }
        return MediaLibrary(images: images, diagnostics: diagnostics)
    }

    private struct Entry: Sendable {
        var output: String
        var source: String
    }

    private static func probe(_ entry: Entry, root: String, taken: Set<String>) -> (MediaImage?, [Diagnostic]) {
        guard let format = ImageFormat(fileName: entry.source) else { return (nil, []) }
        let here = SourceLocation(file: entry.source)
        func invalid(_ reason: String) -> (MediaImage?, [Diagnostic]) {
            (nil, [Diagnostic(.invalidImage, at: here, "\(entry.source) is not a \(format.displayName) image that can be published: \(reason)")])
        }
        let bytes: [UInt8]
        switch FileBytes.read(root + "/" + entry.source, limit: refusedBytes, insideRoot: root) {
        case .success(let read): bytes = read
        case .failure(.tooLarge(let size)): return invalid("it is \(size / 1_048_576) MB")
        // `MediaCopier` reports a file that cannot be read (`file-encoding`), in lint and build alike.
        case .failure(.unreadable): return (nil, [])
        }
        var found: [Diagnostic] = []
        if bytes.count > maxBytes {
            found.append(Diagnostic(.imageTooLarge, at: here,
                                    "\(entry.source) is \(megabytes(bytes.count)) MB; keep source images under \(maxBytes / 1_048_576) MB (readers on slow or metered connections)"))
        }
        guard format.isRaster else {
            switch SVGSize.read(bytes) {
            case .failure(let failure): return invalid(failure.reason)
            case .success(let size):
                return (MediaImage(output: entry.output, source: entry.source, format: format, width: size?.width, height: size?.height), found)
            }
        }
        switch Vips.header(bytes) {
        case .failure(let failure):
            return invalid(failure.reason)
        case .success(let header):
            guard header.loader == format.loader else {
                let actual = ImageFormat.allCases.first { $0.loader == header.loader }?.displayName ?? header.loader
                return invalid("its content is \(actual), not what its extension says")
            }
            guard header.width > 0, header.height > 0, header.width * header.height <= refusedPixels else {
                return invalid("it is \(header.width) × \(header.height) pixels, more than Haven decodes")
            }
            if max(header.width, header.height) > maxPixels {
                found.append(Diagnostic(.imageTooLarge, at: here,
                                        "\(entry.source) is \(header.width) × \(header.height) pixels; keep source images at most \(maxPixels) px on each side"))
            }
            let upright = header.orientation >= 5 && header.orientation <= 8
            return (MediaImage(output: entry.output, source: entry.source, format: format,
                               width: upright ? header.height : header.width, height: upright ? header.width : header.height,
                               taken: taken), found)
        }
    }

    private static func megabytes(_ count: Int) -> String {
        let tenths = (count * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Output path of every file published for the media (originals and variants).
    func outputs(of media: [(output: String, source: String)]) -> [String] {
        media.flatMap { images[$0.output]?.outputs ?? [$0.output] }
    }
}
