import Testing
@testable import HavenKit

@Suite struct FrontMatterTests {
    @Test func splitsOnLineAnchoredDelimitersOnly() throws {
        let text = "---\ntitle: A --- B\n---\nBody --- text\n"
        guard case .success(let split) = FrontMatterSplitter.split(text) else { Issue.record("split failed"); return }
        #expect(split.yaml == "title: A --- B")
        #expect(split.body == "Body --- text\n")
        #expect(split.bodyFirstLine == 4)
    }

    @Test func noFrontMatterIsAllBody() throws {
        guard case .success(let split) = FrontMatterSplitter.split("# Hello\n") else { Issue.record("split failed"); return }
        #expect(split.yaml == nil)
    }

    @Test func unterminatedFrontMatterFails() {
        #expect(FrontMatterSplitter.split("---\ntitle: x\n\nbody") == .failure(.unterminated))
    }

    @Test func decodesTypedKeysWithPositions() {
        var decoder = FrontMatterDecoder(file: "Content/articles/a.md", firstLine: 2)
        let matter = decoder.decode("title: Hello\nreviewer: dana-reyes\nmodalities: [cbt, emdr]\nreviewed: 2026-01-02")
        #expect(decoder.diagnostics.isEmpty)
        #expect(matter.title?.value == "Hello")
        #expect(matter.reviewer?.location == SourceLocation(file: "Content/articles/a.md", line: 3, column: 11))
        #expect(matter.modalities.map(\.value) == ["cbt", "emdr"])
        #expect(matter.reviewedDate?.description == "2026-01-02")
    }

    @Test func unknownKeySuggestsTheRightOne() {
        var decoder = FrontMatterDecoder(file: "f.md", firstLine: 2)
        _ = decoder.decode("title: x\nreviwer: dana")
        let d = decoder.diagnostics.first
        #expect(d?.rule == .unknownKey)
        #expect(d?.message.contains("did you mean 'reviewer'") == true)
        #expect(d?.line == 3)
        #expect(d?.column == 1)
    }

    @Test func duplicateKeyPointsAtSecondOccurrence() {
        var decoder = FrontMatterDecoder(file: "f.md", firstLine: 2)
        let matter = decoder.decode("title: x\nauthor: a\ntitle: y")
        #expect(decoder.diagnostics.map(\.rule) == [.unknownKey])
        #expect(matter.title?.value == "x")
        #expect(matter.author?.value == "a")
        #expect(decoder.diagnostics.first?.line == 4)
        #expect(decoder.diagnostics.first?.message.contains("twice") == true)
    }

    @Test func syntaxErrorPointsAtTheLine() {
        var decoder = FrontMatterDecoder(file: "f.md", firstLine: 2)
        _ = decoder.decode("title: x\ndescription: \"unclosed\nauthor: y")
        #expect(decoder.diagnostics.first?.rule == .frontMatterSyntax)
        #expect((decoder.diagnostics.first?.line ?? 0) >= 3)
    }

    @Test func wrongShapesAreReported() {
        var decoder = FrontMatterDecoder(file: "f.md", firstLine: 2)
        let matter = decoder.decode("title: {a: 1}\ndraft: maybe\ntype: blog")
        #expect(matter.title == nil)
        #expect(decoder.diagnostics.map(\.rule) == [.invalidValue, .invalidValue, .invalidValue])
    }

    @Test func listFrontMatterIsRejected() {
        var decoder = FrontMatterDecoder(file: "f.md", firstLine: 2)
        _ = decoder.decode("- title\n- x")
        #expect(decoder.diagnostics.first?.rule == .frontMatterSyntax)
    }

    @Test func bomAndCRLFAreDecoded() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: x\r\n---\r\nHi\r\n".utf8)
        guard case .success(let text) = SourceText.decode(bytes) else { Issue.record("decode failed"); return }
        #expect(text == "---\ntitle: x\n---\nHi\n")
    }

    @Test func invalidUTF8IsLocated() {
        let bytes: [UInt8] = Array("---\ntitle: x\n---\nab".utf8) + [0xC3, 0x28]
        #expect(SourceText.decode(bytes) == .failure(.invalidUTF8(line: 4, column: 3)))
    }

    @Test func binaryIsRefused() {
        #expect(SourceText.decode([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]) == .failure(.binary(line: 1)))
    }
}
