import Foundation
import Testing
@testable import HavenKit

/// Images through libvips: sizes on every `<img>`, variants that exist, decode and have the widths
/// they declare, no camera metadata in anything published, the cache, and the image findings.
@Suite struct MediaTests {
    static let svgViewBox = #"<?xml version="1.0"?><!-- a comment --><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 320"><rect width="10" height="10"/></svg>"#
    static let svgSized = #"<svg width="3in" height="150" xmlns="http://www.w3.org/2000/svg"></svg>"#

    /// A site whose page shows a camera photo (wide, with GPS EXIF), a small PNG and two SVGs, with
    /// the photo also as the lead image.
    static func photoSite(extraMedia: [String: [UInt8]] = [:]) throws -> TestSite {
        let page = TestSite.clinical("Waiting rooms", extra: "image:\n  src: ../media/photo.jpg\n  alt: A waiting room\n")
            + TestSite.body + "\n![A waiting room](../media/photo.jpg)\n\n![A red square](../media/small.png)\n\n"
            + "![A map](../media/map.svg) and ![A sign](/media/sign.svg)\n"
        let site = try TestSite(files: ["Content/articles/rooms.md": page,
                                        "Content/media/map.svg": svgViewBox, "Content/media/sign.svg": svgSized])
        try site.write("Content/media/photo.jpg", Data(try TestImages.cameraJPEG(width: 1800, height: 1200)))
        try site.write("Content/media/small.png", Data(TestImages.png(width: 120, height: 80)))
        for (path, bytes) in extraMedia { try site.write(path, Data(bytes)) }
        return site
    }

    static func bytes(_ site: TestSite, _ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: site.root.appendingPathComponent(path).path).map { [UInt8]($0) }
    }

    @Test func everyImageHasItsSizeAndBodyImagesLoadLazily() throws {
        let site = try Self.photoSite()
        defer { site.remove() }
        let result = try site.build()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let html = try #require(site.read("Public/articles/rooms/index.html"))
        let body = try #require(html.range(of: "<div class=\"body\">")).upperBound
        let lead = String(html[..<body])
        let bodyHTML = String(html[body...])
        // The lead image: sized, variants, not lazy.
        #expect(lead.contains(#"<img src="../../media/photo.jpg" alt="A waiting room" width="1800" height="1200" srcset="../../media/photo-400w.jpg 400w, ../../media/photo-800w.jpg 800w, ../../media/photo-1600w.jpg 1600w, ../../media/photo.jpg 1800w""#))
        #expect(lead.contains(#"<picture><source type="image/webp" srcset="../../media/photo-400w.webp 400w, ../../media/photo-800w.webp 800w, ../../media/photo-1600w.webp 1600w, ../../media/photo.webp 1800w""#))
        #expect(!lead.contains("loading="))
        // Body images: sized and lazy.
        #expect(bodyHTML.contains(#"<img src="../../media/small.png" alt="A red square" width="120" height="80" loading="lazy" decoding="async" />"#))
        #expect(bodyHTML.contains(#"<img src="../../media/map.svg" alt="A map" width="640" height="320" loading="lazy" decoding="async" />"#))
        #expect(bodyHTML.contains(#"<img src="../../media/sign.svg" alt="A sign" width="288" height="150" loading="lazy" decoding="async" />"#))
        #expect(bodyHTML.contains(#"<picture><source type="image/webp""#))
        #expect(bodyHTML.contains(#"width="1800" height="1200" srcset="../../media/photo-400w.jpg 400w"#))
        let images = bodyHTML.components(separatedBy: "<img ").dropFirst()
        #expect(images.count == 4)
        for tag in images { #expect(tag.contains("width=\"") && tag.contains("loading=\"lazy\" decoding=\"async\"")) }
    }

    @Test func variantsExistDecodeHaveTheirWidthsAndNoMetadata() throws {
        let site = try Self.photoSite()
        defer { site.remove() }
        _ = try site.build()
        let source = try #require(Self.bytes(site, "Content/media/photo.jpg"))
        #expect(TestImages.metadata(in: source).count == TestImages.secrets.count, "the source carries every kind of metadata")
        let html = try #require(site.read("Public/articles/rooms/index.html"))
        // Every srcset candidate is a file that decodes at the width it declares.
        var declared: [(String, Int)] = []
        for set in html.components(separatedBy: "srcset=\"").dropFirst() {
            let value = set.prefix { $0 != "\"" }
            for candidate in value.split(separator: ",") {
                let parts = candidate.split(separator: " ")
                guard parts.count == 2, let width = Int(parts[1].dropLast()) else { Issue.record("bad candidate \(candidate)"); continue }
                declared.append((String(parts[0]), width))
            }
        }
        #expect(Set(declared.map(\.0)).count == 8, "4 widths × (JPEG, WebP): \(declared)")
        for (href, width) in declared {
            #expect(href.hasPrefix("../../media/"), "relative to the page: \(href)")
            let bytes = try #require(Self.bytes(site, "Public/" + href.dropFirst("../../".count)), "missing \(href)")
            let header = try Vips.header(bytes).get()
            #expect(header.width == width, "\(href)")
            #expect(header.height == Int((Double(width) * 1200 / 1800).rounded()), "\(href)")
            #expect(header.loader == (href.hasSuffix(".webp") ? "webp" : "jpeg"))
            #expect(try Vips.encode(bytes, width: 10, format: .png, frames: false).get().count > 0, "\(href) decodes in full")
            #expect(TestImages.metadata(in: bytes).isEmpty, "\(href): \(TestImages.metadata(in: bytes))")
        }
        // Images at their own size are re-encoded too (no metadata), and never enlarged.
        let small = try #require(Self.bytes(site, "Public/media/small.png"))
        #expect(try Vips.header(small).get().width == 120)
        #expect(TestImages.metadata(in: small).isEmpty)
        #expect(Self.bytes(site, "Public/media/small-400w.png") == nil && Self.bytes(site, "Public/media/small.webp") == nil)
        #expect(site.read("Public/media/map.svg") == Self.svgViewBox, "SVG is published as written")
    }

    @Test func aSecondBuildEncodesNothingAndADamagedEntryIsRebuilt() throws {
        let site = try Self.photoSite()
        defer { site.remove() }
        let first = try site.build()
        #expect(first.imageEncodes == 9, "photo: 8 variants; small.png: 1")
        let published = try #require(Self.bytes(site, "Public/media/photo-800w.webp"))
        let second = try site.build()
        #expect(second.imageEncodes == 0)
        #expect(second.imageReuses == 9)
        #expect(Self.bytes(site, "Public/media/photo-800w.webp") == published)
        // Damage one entry: it is encoded again, and what is published is the good image.
        let folder = site.root.appendingPathComponent(ImageCache.folderName + "/images")
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(entries.count == 9)
        let damaged = folder.appendingPathComponent(entries[0])
        let stored = try Data(contentsOf: damaged)
        try stored.prefix(stored.count / 2).write(to: damaged)
        let third = try site.build()
        #expect(third.imageEncodes == 1)
        #expect(try Data(contentsOf: damaged) == stored, "the entry is written again")
        // The cache may be deleted at any time.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(ImageCache.folderName))
        let fourth = try site.build()
        #expect(fourth.imageEncodes == 9)
        #expect(Self.bytes(site, "Public/media/photo-800w.webp") == published, "deterministic output")
    }

    @Test func imageTooLargeFiresOverFiveMegabytesOrFourThousandPixels() throws {
        let site = try TestSite(files: ["Content/pages/about.md": "---\ntitle: About\n---\nAbout.\n"])
        defer { site.remove() }
        try site.write("Content/media/wide.png", Data(TestImages.png(width: 4001, height: 2)))
        try site.write("Content/media/tall.png", Data(TestImages.png(width: 2, height: 4001)))
        try site.write("Content/media/heavy.png", Data(TestImages.png(width: 4, height: 4, padding: 5 * 1024 * 1024 + 1)))
        try site.write("Content/media/edge.png", Data(TestImages.png(width: 4000, height: 2, padding: 4 * 1024 * 1024)))
        let result = try site.lint()
        #expect(result.rules(in: "Content/media/wide.png") == [.imageTooLarge])
        #expect(result.rules(in: "Content/media/tall.png") == [.imageTooLarge])
        #expect(result.rules(in: "Content/media/heavy.png") == [.imageTooLarge])
        #expect(result.rules(in: "Content/media/edge.png").isEmpty, "4,000 px and under 5 MB is fine")
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(result.diagnostics.first { $0.file == "Content/media/heavy.png" }?.message.contains("5.0 MB") == true)
    }

    @Test func brokenImagesAreLocatedErrorsAndNothingIsPublished() throws {
        let jpeg = try TestImages.cameraJPEG(width: 900, height: 600)
        let cases: [(String, [UInt8], String)] = [
            ("Content/media/mislabelled.png", jpeg, "its content is JPEG"),
            ("Content/media/truncated.jpg", Array(jpeg.prefix(jpeg.count / 2)), "truncated or damaged"),
            ("Content/media/text.jpg", Array("not an image at all\n".utf8), "does not recognise it"),
            ("Content/media/empty.gif", [], "empty"),
            ("Content/media/notes.svg", Array("just some text".utf8), "no <svg> root"),
        ]
        for (path, bytes, reason) in cases {
            let site = try TestSite(files: ["Content/pages/about.md": "---\ntitle: About\n---\nAbout.\n"])
            defer { site.remove() }
            try site.write(path, Data(bytes))
            let result = try site.build()
            let found = result.diagnostics.filter { $0.file == path }
            #expect(found.map(\.rule) == [.invalidImage], "\(path): \(result.diagnostics)")
            #expect(found.first?.message.contains(reason) == true, "\(path): \(found)")
            #expect(!result.wrote, "\(path): the build is refused")
        }
    }

    @Test func aSiteThatSilencesInvalidImageStillPublishesNoUnstrippedFile() throws {
        let jpeg = try TestImages.cameraJPEG(width: 300, height: 200)
        let site = try TestSite(files: ["Content/pages/about.md": "---\ntitle: About\n---\nAbout.\n"],
                                config: TestSite.config + "lint:\n  invalid-image: off\n")
        defer { site.remove() }
        try site.write("Content/media/photo.png", Data(jpeg))
        let result = try site.build()
        #expect(result.wrote)
        #expect(Self.bytes(site, "Public/media/photo.png") == nil)
    }

    @Test func svgSizes() throws {
        func size(_ text: String) -> (Int, Int)? {
            guard case .success(let size) = SVGSize.read(Array(text.utf8)) else { return nil }
            return size.map { ($0.width, $0.height) }
        }
        #expect(size(#"<svg width="100" height="50">"#).map { [$0.0, $0.1] } == [100, 50])
        #expect(size(#"<svg width='10mm' height='1in'>"#).map { [$0.0, $0.1] } == [38, 96])
        #expect(size(#"<svg viewBox="0 0 300 150" width="100%">"#).map { [$0.0, $0.1] } == [300, 150])
        #expect(size(#"<svg viewBox="0,0,300,150" width="600">"#).map { [$0.0, $0.1] } == [600, 300])
        #expect(size(#"<svg xmlns="http://www.w3.org/2000/svg">"#) == nil)
        #expect(size(#"<!DOCTYPE svg><svg height="20" viewBox="0 0 40 10">"#).map { [$0.0, $0.1] } == [80, 20])
        guard case .failure = SVGSize.read(Array("<html><svg>".utf8)) else { Issue.record("not an SVG root"); return }
    }

    @Test func serveFollowsImageEditsAsACleanBuildWould() throws {
        let site = try Self.photoSite()
        defer { site.remove() }
        let session = IncrementalSession(options: site.options())
        let helper = IncrementalSessionTests()
        try helper.expectSame(try session.rebuild(), site, "first build")
        func replace(_ path: String, _ bytes: [UInt8], _ step: String, reported: Bool) throws {
            try site.write(path, Data(bytes))
            let url = site.root.appendingPathComponent(path)
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(Double.random(in: 1...1000))],
                                                  ofItemAtPath: url.path)
            let snapshot = try session.rebuild(changed: reported ? [path] : nil)
            try helper.expectSame(snapshot, site, step)
        }
        // A new size: the page's width/height and srcset follow, old variants go.
        try replace("Content/media/photo.jpg", try TestImages.cameraJPEG(width: 1000, height: 500), "photo shrunk", reported: true)
        let html = try #require(try session.rebuild().files["/articles/rooms/index.html"]).map { Character(UnicodeScalar($0)) }
        #expect(String(html).contains("width=\"1000\" height=\"500\""))
        try replace("Content/media/small.png", TestImages.png(width: 900, height: 90), "small grew", reported: false)
        // A broken image: a finding; fixed again: gone.
        try replace("Content/media/small.png", Array("broken".utf8), "small broken", reported: true)
        try replace("Content/media/small.png", TestImages.png(width: 50, height: 50), "small fixed", reported: true)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/media/map.svg"))
        try helper.expectSame(try session.rebuild(changed: ["Content/media/map.svg"]), site, "map removed")
    }
}
