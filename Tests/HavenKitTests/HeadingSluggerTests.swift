import Testing
@testable import HavenKit

@Suite struct HeadingSluggerTests {
    @Test func slugsFollowGitHub() {
        #expect(HeadingSlugger.slug("How it works") == "how-it-works")
        #expect(HeadingSlugger.slug("CBT: Step 1 (of 3)!") == "cbt-step-1-of-3")
        #expect(HeadingSlugger.slug("snake_case and-dash") == "snake_case-and-dash")
        #expect(HeadingSlugger.slug("Tab\there") == "tabhere")
        #expect(HeadingSlugger.slug("Qué es la TCC") == "qué-es-la-tcc")
        #expect(HeadingSlugger.slug("Ünïcödé ½ ٣") == "ünïcödé-½-٣")
        #expect(HeadingSlugger.slug("日本語 テスト") == "日本語-テスト")
    }

    @Test func repeatsAndEmptyHeadingsGetDistinctIds() {
        var slugger = HeadingSlugger(reserved: ["fn-1"])
        #expect(slugger.id(for: "Signs") == "signs")
        #expect(slugger.id(for: "Signs") == "signs-1")
        #expect(slugger.id(for: "signs 1") == "signs-1-1")
        #expect(slugger.id(for: "!!!") == "section")
        #expect(slugger.id(for: "FN 1") == "fn-1-1")
    }
}
