import Foundation
import Testing
@testable import HavenKit

/// The review seal (`SealedContent`): pinned on fixed input, stable across line endings and
/// trailing spaces, changed by every reader-visible edit and by nothing else.
@Suite struct ReviewSealTests {
    static let page = """
    ---
    title: Grief
    description: What grief is and how to get support.
    author: Test Author
    reviewer: dana-reyes
    reviewed: 2026-10-01
    updated: 2026-10-01
    key_points: [Grief is normal., Help is there.]
    content_warnings: [suicide]
    image: {src: ../media/a.png, alt: A quiet lake, credit: Test}
    ---

    ## What it is

    Grief is a natural response to loss.

    """

    static func seal(_ text: String) -> String? { SealedContent(fileBytes: Array(text.utf8))?.seal }

    @Test func canonicalFormIsPinned() throws {
        let content = try #require(SealedContent(fileBytes: Array(ReviewSealTests.page.utf8)))
        let expected = """
        haven-review-seal-1
        title 1
        5
        Grief
        description 1
        37
        What grief is and how to get support.
        key_points 2
        16
        Grief is normal.
        14
        Help is there.
        content_warnings 1
        7
        suicide
        crisis_resources 0
        modalities 0
        conditions 0
        image 3
        14
        ../media/a.png
        12
        A quiet lake
        4
        Test
        disclaimer 1
        4
        true
        body 1
        52
        \n## What it is\n\nGrief is a natural response to loss.

        """
        #expect(String(decoding: content.canonicalBytes, as: UTF8.self) == expected)
        // SHA-256 of those bytes (checked with `sha256sum`), first 8 bytes.
        #expect(content.seal == "3e7ed074df4452e8")
        #expect(SealedContent.isWellFormed(content.seal))
    }

    @Test func lineEndingsAndTrailingSpaceDoNotMatter() {
        let base = ReviewSealTests.seal(ReviewSealTests.page)
        #expect(base != nil)
        let crlf = ReviewSealTests.page.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(ReviewSealTests.seal(crlf) == base)
        let cr = ReviewSealTests.page.replacingOccurrences(of: "\n", with: "\r")
        #expect(ReviewSealTests.seal(cr) == base)
        let spaces = ReviewSealTests.page.replacingOccurrences(of: "loss.", with: "loss.   \t")
        #expect(ReviewSealTests.seal(spaces) == base)
        #expect(ReviewSealTests.seal(ReviewSealTests.page + "\n\n   \n") == base)
        #expect(ReviewSealTests.seal("\u{FEFF}" + ReviewSealTests.page) == base)
    }

    @Test func notCoveredKeysDoNotMatter() {
        let base = ReviewSealTests.seal(ReviewSealTests.page)
        for (old, new) in [("reviewed: 2026-10-01", "reviewed: 2026-11-01"), ("updated: 2026-10-01", "updated: 2026-11-02"),
                           ("author: Test Author", "author: Someone Else"), ("reviewer: dana-reyes", "reviewer: other"),
                           ("title: Grief", "title: \"Grief\""), ("title: Grief", "title: Grief  # a comment"),
                           ("---\n\n##", "translator: X\nlint: {reading-level: off}\nreview_seal: 0123456789abcdef\n---\n\n##")] {
            #expect(ReviewSealTests.seal(ReviewSealTests.page.replacingOccurrences(of: old, with: new)) == base, "\(new)")
        }
        // `disclaimer: true` shows what no key shows.
        #expect(ReviewSealTests.seal(ReviewSealTests.page.replacingOccurrences(of: "---\n\n##", with: "disclaimer: true\n---\n\n##")) == base)
    }

    @Test func visibleChangesBreakIt() {
        let base = ReviewSealTests.seal(ReviewSealTests.page)
        for (old, new) in [("Grief is a natural", "Grief is an expected"), ("title: Grief", "title: Grief and loss"),
                           ("get support.", "get help."), ("[suicide]", "[suicide, substance-use]"),
                           ("alt: A quiet lake", "alt: A calm lake"), ("credit: Test", "credit: Other"),
                           ("src: ../media/a.png", "src: ../media/b.png"), ("Help is there.]", "Help is here.]"),
                           ("[Grief is normal., Help is there.]", "[Help is there., Grief is normal.]"),
                           ("---\n\n##", "disclaimer: false\n---\n\n##"), ("---\n\n##", "modalities: [cbt]\n---\n\n##"),
                           ("---\n\n##", "conditions: [depression]\n---\n\n##"), ("---\n\n##", "crisis_resources: [lifeline-988]\n---\n\n##"),
                           ("\n## What", "\n\n## What")] {
            let changed = ReviewSealTests.page.replacingOccurrences(of: old, with: new)
            #expect(ReviewSealTests.seal(changed) != base, "\(old) → \(new)")
        }
    }

    @Test func valuesCannotRunTogether() {
        // Length prefixes keep ["a b"] and ["a", "b"] (or a value holding a newline) apart.
        let one = ReviewSealTests.page.replacingOccurrences(of: "[Grief is normal., Help is there.]", with: "[\"a\\nb\"]")
        let two = ReviewSealTests.page.replacingOccurrences(of: "[Grief is normal., Help is there.]", with: "[a, b]")
        #expect(ReviewSealTests.seal(one) != ReviewSealTests.seal(two))
    }

    @Test func unreadableFrontMatterHasNoSeal() {
        #expect(ReviewSealTests.seal("---\ntitle: [broken\n---\nBody\n") == nil)
        #expect(ReviewSealTests.seal("---\ntitle: x\n") == nil)
        #expect(SealedContent(fileBytes: [0xFF, 0xFE, 0x00]) == nil)
    }

    @Test func wellFormed() {
        #expect(SealedContent.isWellFormed("0123456789abcdef"))
        #expect(!SealedContent.isWellFormed("0123456789ABCDEF"))
        #expect(!SealedContent.isWellFormed("0123456789abcde"))
        #expect(!SealedContent.isWellFormed("0123456789abcdefa"))
        #expect(!SealedContent.isWellFormed("0123456789abcdeg"))
    }
}

/// The body normalisation against its plain definition (split into lines, trim each line's end,
/// drop trailing empty lines, join with LF) on random text.
@Suite struct NormalizedBodyTests {
    static func plain(_ body: String) -> String {
        let text = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines = text.components(separatedBy: "\n").map { line -> String in
            var s = Substring(line)
            while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
            return String(s)
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    @Test func matchesThePlainDefinition() {
        let pieces = ["a", "é", " ", "\t", "\n", "\r", "\r\n", "b c", "\n\n", "  \n"]
        for _ in 0..<2000 {
            let body = (0..<Int.random(in: 0...14)).map { _ in pieces.randomElement() ?? "" }.joined()
            #expect(SealedContent.normalizedBody(body) == NormalizedBodyTests.plain(body), "\(body.debugDescription)")
        }
        #expect(SealedContent.normalizedBody("\n\n  x  \r\n\t\n y\t\n\n \n") == "\n\n  x\n\n y")
    }
}
