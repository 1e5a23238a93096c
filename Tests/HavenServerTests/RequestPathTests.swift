@testable import HavenServer
import Testing

@Suite("Request paths are canonicalised before any lookup")
struct RequestPathTests {
    @Test("ordinary paths decode once", arguments: [
        ("/", "/"),
        ("/conditions/adhd/", "/conditions/adhd/"),
        ("/conditions/%61dhd/?q=1", "/conditions/adhd/"),
        ("/media/a%20b.png", "/media/a b.png"),
        ("/caf%C3%A9/", "/café/"),
    ])
    func decodes(raw: String, expected: String) {
        #expect(RequestPath.canonicalize(raw) == .path(expected))
    }

    @Test("traversal and encoding tricks are refused", arguments: [
        "/../haven.yml", "/a/../../haven.yml", "/./haven.yml", "/%2e%2e/haven.yml", "/%2E%2E/haven.yml",
        "/.%2e/haven.yml", "/%252e%252e/", "/%252e%252e/haven.yml", "/..%5c..%5chaven.yml", "/..\\haven.yml",
        "/%5c", "/a%00b", "/%0d%0aSet-Cookie:x", "/%zz", "/%", "/%4", "/%ff%fe", "haven.yml", "*", "",
        "/%2f..%2fhaven.yml",
    ])
    func refuses(raw: String) {
        #expect(RequestPath.canonicalize(raw) == .malformed)
    }

    @Test("empty segments name nothing")
    func emptySegments() {
        #expect(RequestPath.canonicalize("//etc/passwd") == .unknown)
        #expect(RequestPath.canonicalize("/a//b") == .unknown)
    }
}
