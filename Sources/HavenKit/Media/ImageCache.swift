import Crypto
import Foundation

/// Encoded images kept between builds in `.haven-cache/images/` of the site, so a rebuild
/// re-encodes nothing that did not change. An entry is named by a key made of the source's bytes
/// and every parameter of the encode; it holds a checksum of its own bytes, and an entry that does
/// not match it (a truncated write, a damaged disk) is treated as missing, encoded again and
/// replaced: it is never published. The folder can be deleted at any time.
public struct ImageCache: Sendable {
    /// `<site>/.haven-cache/images`.
    let folder: String

    /// The cache folder of a site, relative to its root (git-ignored).
    public static let folderName = ".haven-cache"

    init(siteRoot: String) {
        folder = siteRoot + "/" + Self.folderName + "/images"
    }

    /// Bumped whenever Haven's encoding settings change, so old entries are not reused.
    static let encoderRevision = "1"
    private static let magic = Array("HAVEN-IMAGE-1\n".utf8)

    /// The key of one encode: the source's SHA-256, the variant's width and format, libvips' version.
    static func key(sourceDigest: String, variant: ImageVariant, frames: Bool) -> String {
        hex(Array("\(sourceDigest) \(variant.width) \(variant.format.rawValue) \(frames) \(Vips.version) \(encoderRevision)".utf8))
    }

    /// The entry's bytes, or nil when it is missing or damaged.
    func entry(_ key: String) -> [UInt8]? {
        guard case .success(let stored) = FileBytes.read(path(key), limit: MediaLibrary.refusedBytes),
              stored.count >= Self.magic.count + 32, Array(stored[..<Self.magic.count]) == Self.magic else { return nil }
        let sum = Array(stored[Self.magic.count..<(Self.magic.count + 32)])
        let payload = Array(stored[(Self.magic.count + 32)...])
        return Self.digest(payload) == sum ? payload : nil
    }

    /// Stores an entry (written beside it, then renamed: a reader never sees half of one). A cache
    /// that cannot be written (a read-only site) only costs time.
    func store(_ key: String, _ payload: [UInt8]) {
        let fm = FileManager.default
        try? fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let final = path(key)
        let temporary = final + ".\(UUID().uuidString).tmp"
        let data = Data(Self.magic + Self.digest(payload) + payload)
        guard fm.createFile(atPath: temporary, contents: data) else { return }
        if rename(temporary, final) != 0 { try? fm.removeItem(atPath: temporary) }
    }

    private func path(_ key: String) -> String { folder + "/" + key }

    /// SHA-256 of bytes (swift-crypto).
    static func digest(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }

    /// SHA-256 of bytes as 64 lowercase hex digits: a cache key.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in digest(bytes) { out += [digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]] }
        return String(decoding: out, as: UTF8.self)
    }
}
