#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fast substring search over UTF-8 (memchr for the first byte, then memcmp), without bridging
/// to Foundation.
enum ByteSearch {
    /// The byte offset of the first `needle` in `haystack` at or after `from`, or nil.
    static func offset(of needle: String, in haystack: String, from: Int = 0) -> Int? {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n -> Int? in
                guard n.count > 0, from <= h.count, let hb = h.baseAddress, let nb = n.baseAddress else { return nil }
                var start = from
                let first = Int32(nb.pointee)
                while start + n.count <= h.count {
                    guard let hit = memchr(hb + start, first, h.count - start - n.count + 1) else { return nil }
                    let offset = UnsafeRawPointer(hb).distance(to: UnsafeRawPointer(hit))
                    if memcmp(hb + offset, nb, n.count) == 0 { return offset }
                    start = offset + 1
                }
                return nil
            }
        }
    }

    /// The index of the first `byte` in `bytes` at or after `from` (memchr), or nil.
    static func firstIndex(of byte: UInt8, in bytes: [UInt8], from: Int = 0) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, from < buffer.count,
                  let hit = memchr(base + from, Int32(byte), buffer.count - from) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        }
    }

    static func contains(_ needle: String, in haystack: String) -> Bool {
        offset(of: needle, in: haystack) != nil
    }
}
