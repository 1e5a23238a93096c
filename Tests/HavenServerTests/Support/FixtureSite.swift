import Foundation
import HavenKit

/// A small, valid site in a fresh temporary folder: `haven.yml`, the three registries, one clinical
/// page with every required key, and one image. No `Templates/`, so the built-in theme is used.
struct FixtureSite {
    let root: URL

    static let today = CalendarDate(iso: "2026-11-20") ?? .distantPast
    static let pagePath = "Content/conditions/insomnia.md"

    static func page(title: String = "Insomnia", reviewer: Bool = true) -> String {
        """
        ---
        title: \(title)
        description: Insomnia is trouble falling or staying asleep, and talk therapy can help.
        author: Fixture Team
        \(reviewer ? "reviewer: casey-test\n" : "")reviewed: 2026-10-01
        updated: 2026-10-01
        ---

        Insomnia means you have trouble sleeping. Many people feel better with care.

        ## What helps

        Talk with a doctor about sleep.

        """
    }

    init(page: String = FixtureSite.page()) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("haven-serve-\(UUID().uuidString)", isDirectory: true)
        try write("haven.yml", """
            title: Fixture Guide
            base_url: https://fixture.example/
            language: en
            region: US
            disclaimer: "General information only; not a substitute for professional care."

            """)
        try write("Content/_data/reviewers.yml", """
            casey-test:
              name: Casey Test
              credentials: PsyD

            """)
        try write("Content/_data/crisis-resources.yml", """
            lifeline-988:
              name: 988 Suicide & Crisis Lifeline
              phone: "988"
              hours: 24/7
              region: US
              description: Call or text 988 for free, confidential support.
              verified_on: 2026-11-01

            """)
        try write("Content/_data/content-warnings.yml", """
            suicide:
              label: suicide
              resources: [lifeline-988]

            """)
        try write(FixtureSite.pagePath, page)
        try write("Content/media/dot.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n")
    }

    /// Writes a file in place (truncate and write, as most editors without atomic save do).
    func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Saves the way vim and VS Code do: write a temporary file beside it, then rename it over.
    func saveAtomically(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp.\(getpid())")
        try Data(text.utf8).write(to: temp)
        guard rename(temp.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    func contents(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
