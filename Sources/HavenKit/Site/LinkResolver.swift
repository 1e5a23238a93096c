/// Resolves link destinations as editors write them on GitHub (relative `.md` and media paths, or
/// site paths) to output URLs, written by `Routes.href(to:from:)` from the page that holds the link.
/// Needs only the site's URL table, so it runs while bodies are parsed.
struct LinkResolver: Sendable, Equatable {
    /// Source path (`Content/articles/x.md`) → the page's route (`/articles/x/`).
    let pageBySource: [String: Route]
    /// Every page's route by path, for site-path links.
    let pagesByPath: [String: Route]
    /// Files copied verbatim, by output path (`/media/photo.png`, `/assets/haven.css`).
    let filePaths: Set<String>
    /// The generated routes, and how links are written.
    let routes: Routes
    /// The images of `Content/media/` by output path, so a link to one carries its size and variants.
    var images: [String: MediaImage] = [:]

    /// Resolves a link written in the file `sourcePath` (its href is written from that page's route).
    func resolve(_ destination: String, from sourcePath: String) -> LinkTarget {
        let origin = pageBySource[sourcePath] ?? routes.home(routes.languages.defaultID)
        func href(_ target: Route) -> String { routes.href(to: target, from: origin) }
        let trimmed = destination.trimmingSpaces
        if trimmed.isEmpty { return LinkTarget(kind: .broken("the link has no destination"), href: destination, fragment: nil) }
        if Self.hasScheme(trimmed) || trimmed.hasPrefix("//") {
            return LinkTarget(kind: .external, href: destination, fragment: nil)
        }
        let (pathPart, fragment) = Self.splitFragment(trimmed)
        if pathPart.isEmpty {
            return LinkTarget(kind: .samePage, href: destination, fragment: fragment)
        }
        let decodedPath = Self.percentDecoded(pathPart)
        let suffix = fragment.map { "#" + $0 } ?? ""

        if decodedPath.hasPrefix("/") {
            return resolveSitePath(decodedPath, suffix: suffix, fragment: fragment, original: destination, href: href)
        }
        // Relative to the folder of the file that holds the link.
        let folder = sourcePath.split(separator: "/").dropLast().map(String.init)
        guard let joined = Self.normalize(folder + decodedPath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)),
              joined.first == "Content" else {
            return LinkTarget(kind: .broken("'\(destination)' leaves the Content folder"), href: destination, fragment: fragment)
        }
        let source = joined.joined(separator: "/")
        if source.hasSuffix(".md") {
            guard let page = pageBySource[source] else {
                return LinkTarget(kind: .broken("'\(destination)' points to \(source), which does not exist or is not a page"),
                                  href: destination, fragment: fragment)
            }
            return LinkTarget(kind: .page(page.path), href: href(page) + suffix, fragment: fragment)
        }
        if joined.count >= 2, joined[1] == "media" {
            let output = "/" + joined.dropFirst().joined(separator: "/")
            guard filePaths.contains(output) else {
                return LinkTarget(kind: .broken("'\(destination)' points to \(source), which does not exist"),
                                  href: destination, fragment: fragment)
            }
            return LinkTarget(kind: .file(output), href: href(routes.media(output)) + suffix, fragment: fragment, image: imageMarkup(output, href: href))
        }
        // A folder link such as `../conditions/` (a section index) or a page folder.
        let asSitePath = "/" + joined.dropFirst().joined(separator: "/")
        let attempt = resolveSitePath(asSitePath, suffix: suffix, fragment: fragment, original: destination, href: href)
        if case .broken = attempt.kind {
            return LinkTarget(kind: .broken("'\(destination)' points to \(source), which is not a page or a file in Content/media"),
                              href: destination, fragment: fragment)
        }
        return attempt
    }

    private func resolveSitePath(_ path: String, suffix: String, fragment: String?, original: String,
                                 href: (Route) -> String) -> LinkTarget {
        var candidate = path
        if candidate.hasSuffix("/index.html") { candidate.removeLast("index.html".count) }
        let withSlash = candidate.hasSuffix("/") ? candidate : candidate + "/"
        if let page = pagesByPath[withSlash] {
            return LinkTarget(kind: .page(withSlash), href: href(page) + suffix, fragment: fragment)
        }
        if let generated = routes.generated(at: withSlash) ?? routes.generated(at: candidate) {
            return LinkTarget(kind: .generated(generated.path), href: href(generated) + suffix, fragment: fragment)
        }
        if filePaths.contains(candidate) {
            let file = candidate.hasPrefix("/assets/") ? routes.asset(candidate) : routes.media(candidate)
            return LinkTarget(kind: .file(candidate), href: href(file) + suffix, fragment: fragment, image: imageMarkup(candidate, href: href))
        }
        return LinkTarget(kind: .broken("no page or file at '\(path)'"), href: original, fragment: fragment)
    }

    /// The size and variants of an image in `Content/media/`, their hrefs written from the page.
    private func imageMarkup(_ output: String, href: (Route) -> String) -> ImageMarkup? {
        images[output].map { image in
            ImageMarkup(image: image) { path in href(path == image.output ? routes.media(path) : routes.imageVariant(path)) }
        }
    }

    static func hasScheme(_ s: String) -> Bool {
        var sawLetter = false
        for ch in s.unicodeScalars {
            if ch == ":" { return sawLetter }
            let isLetter = ("a"..."z").contains(ch) || ("A"..."Z").contains(ch)
            if !sawLetter {
                guard isLetter else { return false }
                sawLetter = true
                continue
            }
            guard isLetter || ("0"..."9").contains(ch) || ch == "+" || ch == "-" || ch == "." else { return false }
        }
        return false
    }

    /// The path and the fragment of a link (`a.md?x#f` → `a.md`, `f`). Searched on UTF-8: `#` and
    /// `?` are ASCII, and Character search was half of resolving a link.
    static func splitFragment(_ s: String) -> (String, String?) {
        let utf8 = s.utf8
        guard let hash = utf8.firstIndex(of: UInt8(ascii: "#")) else { return (s, nil) }
        let end = utf8[..<hash].firstIndex(of: UInt8(ascii: "?")) ?? hash
        return (String(s[..<end]), String(s[utf8.index(after: hash)...]))
    }

    /// Removes `.` and resolves `..`; nil when `..` climbs above the first element.
    static func normalize(_ parts: [String]) -> [String]? {
        var out: [String] = []
        for part in parts {
            switch part {
            case "", ".": continue
            case "..":
                guard !out.isEmpty else { return nil }
                out.removeLast()
            default: out.append(part)
            }
        }
        return out
    }

    static func percentDecoded(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "%")) else { return s }
        var bytes: [UInt8] = []
        var it = Array(s.utf8)[...]
        while let b = it.first {
            it = it.dropFirst()
            if b == UInt8(ascii: "%"), it.count >= 2, let hi = hexValue(it[it.startIndex]), let lo = hexValue(it[it.startIndex + 1]) {
                bytes.append(hi << 4 | lo)
                it = it.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: b - 48
        case 65...70: b - 55
        case 97...102: b - 87
        default: nil
        }
    }
}
