import Foundation
import Testing
@testable import HavenKit

/// Whole-tree golden tests: each fixture site under `Tests/Fixtures/<case>/site` is built and the
/// output compared file by file with `Tests/Fixtures/<case>/expected/` (theme assets excluded: they
/// are copied verbatim from `Templates/assets/`), and the findings with `diagnostics.txt`.
/// Regenerate with `make golden` (HAVEN_UPDATE_GOLDEN=1) and review the diff.
@Suite struct GoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let updating = ProcessInfo.processInfo.environment["HAVEN_UPDATE_GOLDEN"] == "1"

    @Test(arguments: ["basic", "hostile", "errors", "languages"])
    func wholeTree(_ name: String) throws {
        let fixture = GoldenTests.fixtures.appendingPathComponent(name)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("haven-golden-\(name)-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: OutputPool.url(for: output))  // a failed build leaves its staging as the pool
        }
        let result = try Builder.run(BuildOptions(siteRoot: fixture.appendingPathComponent("site"), output: output, today: TestSite.today))
        let diagnostics = DiagnosticFormatter.format(result.diagnostics, as: .text)
        var actual = result.wrote ? try TreeSnapshot(output).files.filter { !$0.key.hasPrefix("assets/") } : [:]
        actual["../diagnostics.txt"] = Data(diagnostics.utf8)

        let expectedFolder = fixture.appendingPathComponent("expected")
        if GoldenTests.updating {
            try? FileManager.default.removeItem(at: expectedFolder)
            for (path, data) in actual {
                let url = expectedFolder.appendingPathComponent(path).standardizedFileURL
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        // `haven lint` (which renders no body HTML) finds exactly what the build found.
        let lint = try Builder.run(BuildOptions(siteRoot: fixture.appendingPathComponent("site"), output: nil, today: TestSite.today))
        #expect(DiagnosticFormatter.format(lint.diagnostics, as: .text) == diagnostics, "lint and build disagree on \(name)")
        var expected = (try? TreeSnapshot(expectedFolder).files) ?? [:]
        expected["../diagnostics.txt"] = FileManager.default.contents(atPath: fixture.appendingPathComponent("diagnostics.txt").path)
        #expect(Set(actual.keys) == Set(expected.keys), "files differ from \(name)/expected (run `make golden` and review)")
        for (path, data) in actual.sorted(by: { $0.key < $1.key }) where expected[path] != data {
            Issue.record("\(name): \(path) differs from the golden file\n--- actual ---\n\(String(decoding: data, as: UTF8.self).prefix(2000))")
        }
    }
}
