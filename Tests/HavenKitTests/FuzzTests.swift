import Foundation
import Testing
@testable import HavenKit

/// Seeded random fuzzing of the whole page pipeline (bounded: a few hundred inputs per run), plus
/// the regression corpus under `Tests/Fixtures/fuzz-corpus/` (inputs that once crashed or hung).
/// For open-ended fuzzing with libFuzzer see `scripts/fuzz.sh`.
@Suite struct FuzzTests {
    /// A small deterministic PRNG (SplitMix64), so every failure is reproducible from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let fragments = [
        "---\n", "title: ", "description: x\n", "reviewer: r\n", "reviewed: 2026-10-01\n", "updated: 2026-13-45\n",
        "author: a\n", "content_warnings: [suicide]\n", "lint: {raw-html: off}\n", "image: {src: x.png}\n", "- ", "  ",
        "&a ", "*a ", "[", "]", "(", ")", "![", "](../x.md#y)", "<script>", "</script>", "<!--", "-->", "javascript:",
        "> ", ">>>", "#", "## ", "```", "~~~", "|", "|---|", "\n", "\n\n", "\t", "\r\n", "\u{FEFF}", "é", "👩🏽‍⚕️",
        "[^1]", "[^1]: note\n", "**", "_", "`", "\\", "&amp;", "&#0;", "suicide", "committed suicide", "crazy",
        "a study", "http://", "www.", "- [ ] ", "1. ", "\"", "'", "{", "}", ":", "? ", "!!", "%", "\u{2028}",
    ]

    static func input(seed: UInt64) -> [UInt8] {
        var rng = SplitMix(state: seed)
        var out: [UInt8] = []
        let count = Int.random(in: 1...80, using: &rng)
        for _ in 0..<count {
            if Int.random(in: 0..<10, using: &rng) == 0 {
                // Raw bytes now and then, including invalid UTF-8.
                out += (0..<Int.random(in: 1...4, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            } else {
                let fragment = fragments[Int.random(in: 0..<fragments.count, using: &rng)]
                let repeats = Int.random(in: 0..<12, using: &rng) == 0 ? Int.random(in: 2...2000, using: &rng) : 1
                for _ in 0..<repeats { out += Array(fragment.utf8) }
            }
        }
        return out
    }

    @Test func randomPagesNeverCrashAndNeverLeakScripts() {
        for seed in UInt64(1)...400 {
            let bytes = FuzzTests.input(seed: seed)
            let (diagnostics, html) = PageFuzzHarness.run(bytes)
            #expect(diagnostics.allSatisfy { $0.line >= 1 && $0.column >= 1 && $0.file == "Content/articles/fuzz.md" || $0.file.hasPrefix("Content/") },
                    "seed \(seed)")
            let lower = html.lowercased()
            // The theme's own <script> elements are the JSON-LD block and nothing else.
            let scripts = lower.components(separatedBy: "<script").count - 1
            let hostileLink = lower.contains("href=\"javascript:") || lower.contains("src=\"javascript:")
            #expect(scripts <= 1 && !hostileLink, "seed \(seed): content produced a script or a javascript: link")
        }
    }

    @Test func regressionCorpus() throws {
        let folder = GoldenTests.fixtures.appendingPathComponent("fuzz-corpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(!names.isEmpty)
        for name in names {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
            let (diagnostics, _) = PageFuzzHarness.run([UInt8](data))
            #expect(diagnostics.allSatisfy { $0.line >= 1 }, "\(name)")
        }
    }
}
