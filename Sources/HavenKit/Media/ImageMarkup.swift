/// How an image is written into a page: its size, and its variants as `srcset` (and a WebP
/// `<source>` in a `<picture>`), each candidate's href written by the caller (through the route
/// table: `LinkResolver`).
struct ImageMarkup: Sendable, Hashable {
    var width: Int?
    var height: Int?
    /// `srcset` of the image's own format, when it has variants.
    var srcset: String?
    /// `srcset` of the WebP `<source>`, when it has WebP variants (and is not WebP itself).
    var webpSrcset: String?
    static let sizes = MediaImage.sizes

    /// `href` gives the href of a file published for the image (by output path) on the page.
    init(image: MediaImage, href: (String) -> String) {
        width = image.width
        height = image.height
        guard image.isResponsive else { return }
        func set(_ format: ImageFormat) -> String? {
            let candidates = image.candidates(format)
            guard !candidates.isEmpty else { return nil }
            return candidates.map { "\(href($0.output)) \($0.width)w" }.joined(separator: ", ")
        }
        srcset = set(image.format)
        if image.format != .webp { webpSrcset = set(.webp) }
    }

    /// No size known (an image Haven does not know, such as a `data:` URL).
    init() {}

    /// The attributes after `src` and `alt`: size, then `srcset`/`sizes` (escaped, each with a
    /// leading space); body images also load lazily.
    func attributes(lazy: Bool) -> String {
        var out = ""
        if let width, let height { out += " width=\"\(width)\" height=\"\(height)\"" }
        if let srcset { out += " srcset=\"\(HTMLEscape.attribute(srcset))\" sizes=\"\(Self.sizes)\"" }
        if lazy { out += " loading=\"lazy\" decoding=\"async\"" }
        return out
    }

    /// `<picture><source …>` before the `<img>`, or "".
    var pictureOpen: String {
        guard let webpSrcset else { return "" }
        return "<picture><source type=\"image/webp\" srcset=\"\(HTMLEscape.attribute(webpSrcset))\" sizes=\"\(Self.sizes)\">"
    }

    /// `</picture>` after the `<img>`, or "".
    var pictureClose: String { webpSrcset == nil ? "" : "</picture>" }

    /// What templates see for a lead image (`image.width`, `image.srcset`…).
    var templateValues: TemplateObject {
        let values: TemplateObject = ["width": width ?? false, "height": height ?? false, "srcset": srcset ?? false,
                                      "webpSrcset": webpSrcset ?? false, "sizes": Self.sizes]
        return values
    }
}
