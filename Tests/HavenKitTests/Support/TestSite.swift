import Foundation
@testable import HavenKit

/// A site written into a fresh temporary folder, for tests that need files on disk.
struct TestSite {
    let root: URL

    static let today = CalendarDate(year: 2026, month: 11, day: 29) ?? .distantPast

    static let config = """
    title: Test Site
    base_url: https://example.org/
    language: en-US
    region: US
    disclaimer: "This is general information, not medical advice."

    """

    static let reviewers = """
    dana-reyes:
      name: Dana Reyes
      credentials: PhD, LCSW
      bio: A reviewer for tests.
    example-reviewer:
      name: Example Person
      credentials: MD
      placeholder: true

    """

    static let crisisResources = """
    lifeline-988:
      name: 988 Suicide & Crisis Lifeline
      phone: "988"
      sms: "988"
      url: https://988lifeline.org/
      hours: 24/7
      region: US
      description: Call or text 988.
      verified_on: 2026-11-01
    samhsa-helpline:
      name: SAMHSA National Helpline
      phone: "1-800-662-4357"
      display: "1-800-662-HELP (4357)"
      hours: 24/7, 365 days a year
      region: US
      verified_on: 2026-11-01
    samaritans:
      name: Samaritans
      phone: "116 123"
      region: GB
      verified_on: 2026-11-01

    """

    static let contentWarnings = """
    suicide:
      label: suicide
      resources: [lifeline-988]
    substance-use:
      label: substance use
      resources: [samhsa-helpline]

    """

    /// `config` with Spanish (`es-US`) declared as a second language.
    static let spanishConfig = config + "languages:\n  es:\n    tag: es-US\n    disclaimer: \"Información general.\"\n"

    /// A crisis resource and a content warning with their texts in English and Spanish: what a
    /// site declaring `es` needs for its Spanish get-help page and notices (`missing-translation`).
    static let bilingualData: [String: String] = [
        "Content/_data/crisis-resources.yml": "lifeline-988:\n  name: {en: 988 Suicide & Crisis Lifeline, es: 988 Línea de Prevención del Suicidio y Crisis}\n"
            + "  phone: \"988\"\n  region: US\n  verified_on: 2026-11-01\n",
        "Content/_data/content-warnings.yml": "suicide:\n  label: {en: suicide, es: suicidio}\n  resources: [lifeline-988]\n",
    ]

    /// Front matter of a valid clinical page, with `extra` lines appended.
    static func clinical(_ title: String = "A page", extra: String = "") -> String {
        """
        ---
        title: \(title)
        description: A short summary.
        author: Test Author
        reviewer: dana-reyes
        reviewed: 2026-10-01
        updated: 2026-10-01
        \(extra)---

        """
    }

    /// Plain prose that passes every language rule.
    static let body = "## What it is\n\nThis is a short page. It says a few plain things.\n"

    init(files: [String: String], config: String = TestSite.config, withData: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("haven-test-\(UUID().uuidString)")
        var all = files
        all["haven.yml"] = all["haven.yml"] ?? config
        if withData {
            all["Content/_data/reviewers.yml"] = all["Content/_data/reviewers.yml"] ?? TestSite.reviewers
            all["Content/_data/crisis-resources.yml"] = all["Content/_data/crisis-resources.yml"] ?? TestSite.crisisResources
            all["Content/_data/content-warnings.yml"] = all["Content/_data/content-warnings.yml"] ?? TestSite.contentWarnings
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
        for (path, text) in all { try write(path, Data(text.utf8)) }
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    var publicURL: URL { root.appendingPathComponent("Public") }

    func options(output: URL? = nil, production: Bool = false, strict: Bool = false) -> BuildOptions {
        var options = BuildOptions(siteRoot: root, output: output, today: TestSite.today)
        options.production = production
        options.strict = strict
        return options
    }

    /// `haven lint`: all findings, nothing written.
    func lint(production: Bool = false) throws -> BuildResult {
        try Builder.run(options(production: production))
    }

    /// `haven build` into `Public/` (or `output`).
    func build(output: URL? = nil, production: Bool = false, strict: Bool = false) throws -> BuildResult {
        try Builder.run(options(output: output ?? publicURL, production: production, strict: strict))
    }

    func load() throws -> Site {
        try SiteLoader.load(root: root, options: LoadOptions(today: TestSite.today))
    }

    func read(_ path: String) -> String? {
        try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

extension BuildResult {
    /// Rule ids found in one file.
    func rules(in file: String) -> [RuleID] { diagnostics.filter { $0.file == file }.map(\.rule) }
    var rules: Set<RuleID> { Set(diagnostics.map(\.rule)) }
}
