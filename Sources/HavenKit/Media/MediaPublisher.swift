import Foundation

/// The one path from `Content/media/` to the output, for `haven build` and `haven serve` alike
/// (files read through `MediaCopier`, so an unreadable one is the same finding everywhere):
/// each raster image decoded and encoded again by libvips with its metadata stripped, at its own
/// size and as its variants (through `ImageCache`); SVG and other files copied as they are.
/// A raster file is never copied as it is (it could carry a GPS position), and an image that
/// libvips cannot decode is a finding and publishes nothing.
struct MediaPublisher: Sendable {
    let root: String
    /// Nil: encode everything (no cache).
    let cache: ImageCache?

    /// Receives an output path and its bytes; called from several threads.
    typealias Emit = @Sendable (_ path: String, _ bytes: [UInt8]) throws -> Void

    /// What publishing did.
    struct Report: Sendable {
        /// `invalid-image` findings of images that could not be decoded.
        var diagnostics: [Diagnostic] = []
        /// Variants encoded by libvips in this run, and those taken from the cache.
        var encoded = 0
        var reused = 0
    }

    /// Publishes `media` (output path, source path relative to the root), in parallel.
    func publish(_ media: [(output: String, source: String)], library: MediaLibrary, emit: Emit) throws -> Report {
        let entries = media.map { Entry(output: $0.output, source: $0.source, image: library.images[$0.output]) }
        let results = parallelMap(entries) { entry -> Result<Report, Error> in
            do { return .success(try publish(entry, emit: emit)) } catch { return .failure(error) }
        }
        var report = Report()
        for result in results {
            let one = try result.get()
            report.diagnostics += one.diagnostics
            report.encoded += one.encoded
            report.reused += one.reused
        }
        return report
    }

    private struct Entry: Sendable {
        var output: String
        var source: String
        var image: MediaImage?
    }

    private func publish(_ entry: Entry, emit: Emit) throws -> Report {
        var report = Report()
        let bytes: [UInt8]
        switch MediaCopier.read(entry.source, root: root) {
        case .success(let read): bytes = read
        case .failure(let finding):
            report.diagnostics = [finding]
            return report
        }
        // A raster file the library found broken (its finding is made) is not published.
        if ImageFormat(fileName: entry.source)?.isRaster == true, entry.image?.variants.isEmpty != false { return report }
        guard let image = entry.image, !image.variants.isEmpty else {
            try emit(entry.output, bytes)
            return report
        }
        let digest = ImageCache.hex(bytes)
        let frames = image.format.mayAnimate
        let encoded = parallelMap(image.variants) { variant -> (ImageVariant, Result<[UInt8], VipsFailure>, Bool) in
            let key = ImageCache.key(sourceDigest: digest, variant: variant, frames: frames)
            if let cached = cache?.entry(key) { return (variant, .success(cached), false) }
            let result = Vips.encode(bytes, width: variant.width, format: variant.encoder, frames: frames)
            if case .success(let made) = result { cache?.store(key, made) }
            return (variant, result, true)
        }
        var files: [(String, [UInt8])] = []
        for (variant, result, fresh) in encoded {
            switch result {
            case .success(let made):
                files.append((variant.output, made))
                if fresh { report.encoded += 1 } else { report.reused += 1 }
            case .failure(let failure):
                report.diagnostics = [Diagnostic(.invalidImage, at: SourceLocation(file: entry.source),
                                                 "\(entry.source) is not a \(image.format.displayName) image that can be published: \(failure.reason)")]
                return report
            }
        }
        for (path, made) in files { try emit(path, made) }
        return report
    }
}
