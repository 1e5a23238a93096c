import Foundation
import Testing
@testable import HavenKit
@testable import HavenLSP

/// A small site on disk for the server to check.
struct LSPSite {
    let root: URL

    static let reviewers = "dana-reyes:\n  name: Dana Reyes\n  credentials: PhD, LCSW\n"
    static let resources = "lifeline-988:\n  name: 988 Suicide & Crisis Lifeline\n  phone: \"988\"\n  hours: 24/7\n  region: US\n  verified_on: 2026-11-01\n"
    static let warnings = "suicide:\n  label: suicide\n  resources: [lifeline-988]\n"

    static func page(reviewer: String = "dana-reyes", extra: String = "", body: String = "## About\n\nA short plain page.\n") -> String {
        "---\ntitle: A page\ndescription: A short summary.\nauthor: Test Author\nreviewer: \(reviewer)\nreviewed: 2026-10-01\nupdated: 2026-10-01\n\(extra)---\n\n\(body)"
    }

    init(pages: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("haven-lsp-\(UUID().uuidString)").standardizedFileURL
        // `pages` may also give the configuration or a data file in place of these.
        var files = ["haven.yml": "title: Test\nbase_url: https://example.org/\ndisclaimer: \"General information, not medical advice.\"\n",
                     "Content/_data/reviewers.yml": LSPSite.reviewers,
                     "Content/_data/crisis-resources.yml": LSPSite.resources,
                     "Content/_data/content-warnings.yml": LSPSite.warnings]
        files.merge(pages) { _, page in page }
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func uri(_ path: String) -> String { root.appendingPathComponent(path).absoluteString }
    func remove() { try? FileManager.default.removeItem(at: root) }
}

extension JSON {
    var codes: [String] { array?.compactMap { $0["code"]?.string } ?? [] }
}

extension Array where Element == JSON {
    var codes: [String] { compactMap { $0["code"]?.string } }
    func first(code: String) -> JSON? { first { $0["code"]?.string == code } }
}

func position(_ json: JSON?) -> (Int, Int)? {
    guard let line = json?["line"]?.int, let character = json?["character"]?.int else { return nil }
    return (line, character)
}

@Suite(.serialized) struct LanguageServerTests {
    static let path = "Content/articles/a.md"

    @Test func initializeDiagnosticsAndShutdown() throws {
        let site = try LSPSite(pages: [LanguageServerTests.path: LSPSite.page()])
        defer { site.remove() }
        let client = LSPTestClient(site: nil)
        let initialized = client.initialize(site.root)
        #expect(initialized?["result"]?["capabilities"]?["positionEncoding"]?.string == "utf-16")
        #expect(initialized?["result"]?["capabilities"]?["hoverProvider"] == .bool(true))
        // The server asks to watch the site's files.
        #expect(client.wait { $0["method"]?.string == "client/registerCapability" } != nil)
        let uri = site.uri(LanguageServerTests.path)
        // Accents, an emoji and CJK text before the fault on its line: the range counts UTF-16 units.
        let prefix = "Café 😀 中文 "
        let text = LSPSite.page(reviewer: "dana-reyse", extra: "reviwer: x\n", body: "## About\n\n\(prefix)[x](nope.md) and he committed suicide.\n")
        client.open(uri, text)
        let found = try #require(client.diagnostics(uri))
        #expect(Set(found.codes) == ["unknown-reviewer", "unknown-key", "broken-link", "unsafe-messaging", "missing-crisis-resource"])
        let link = try #require(found.first(code: "broken-link"))
        let line = 12
        #expect(position(link["range"]?["start"]).map { [$0.0, $0.1] } == [line, prefix.utf16.count])
        #expect(position(link["range"]?["end"]).map { [$0.0, $0.1] } == [line, (prefix + "[x](nope.md)").utf16.count])
        #expect(link["source"]?.string == "haven")
        #expect(link["severity"]?.int == 1)
        #expect(link["codeDescription"]?["href"]?.string == "https://example.org/haven#broken-link")
        let unsafe = try #require(found.first(code: "unsafe-messaging"))
        #expect(unsafe["severity"]?.int == 2)
        #expect(position(unsafe["range"]?["start"]).map { [$0.0, $0.1] } == [line, (prefix + "[x](nope.md) and he ").utf16.count])
        let reviewer = try #require(found.first(code: "unknown-reviewer"))
        #expect(position(reviewer["range"]?["start"]).map { [$0.0, $0.1] } == [4, 10])
        #expect(position(reviewer["range"]?["end"]).map { [$0.0, $0.1] } == [4, 20])

        #expect(client.request("shutdown")?["result"] == .null)
        // After shutdown, requests are refused; exit ends the server with 0.
        #expect(client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 0]])?["error"]?["code"]?.int == -32600)
        client.notify("exit")
        #expect(client.waitForExit() == 0)
    }

    @Test func utf8PositionsWhenTheClientOffersThem() throws {
        let site = try LSPSite(pages: [LanguageServerTests.path: LSPSite.page()])
        defer { site.remove() }
        let client = LSPTestClient(site: site.root)
        #expect(client.initialize(site.root, encodings: ["utf-8", "utf-16"])?["result"]?["capabilities"]?["positionEncoding"]?.string == "utf-8")
        let uri = site.uri(LanguageServerTests.path)
        let prefix = "Café 😀 中文 "
        client.open(uri, LSPSite.page(body: "\(prefix)[x](nope.md)\n"))
        let link = try #require(client.diagnostics(uri)?.first(code: "broken-link"))
        #expect(position(link["range"]?["start"])?.1 == prefix.utf8.count)
        _ = client.closeInput()
    }

    @Test func quickFixApplies() throws {
        let site = try LSPSite(pages: [LanguageServerTests.path: LSPSite.page()])
        defer { site.remove() }
        let client = LSPTestClient(site: site.root)
        _ = client.initialize(site.root)
        let uri = site.uri(LanguageServerTests.path)
        var text = LSPSite.page(extra: "content_warnings: [suicde]\n", body: "## About\n\nThé 😀 man committed suicide.\n")
        client.open(uri, text)
        let found = try #require(client.diagnostics(uri))
        #expect(Set(found.codes) == ["unknown-content-warning", "unsafe-messaging"])
        let everything: [String: Any] = ["start": ["line": 0, "character": 0], "end": ["line": 100, "character": 0]]
        let actions = try #require(client.request("textDocument/codeAction", ["textDocument": ["uri": uri], "range": everything,
                                                                             "context": ["diagnostics": [Any]()]])?["result"]?.array)
        #expect(actions.compactMap { $0["title"]?.string }.sorted() == ["Replace with 'died by suicide'", "Replace with 'suicide'"])
        #expect(actions.allSatisfy { $0["kind"]?.string == "quickfix" })
        // Apply every edit (bottom first) and send the text back: the findings are gone.
        text = try apply(actions, to: text, uri: uri)
        #expect(text.contains("[suicide]") && text.contains("man died by suicide."))
        client.change(uri, text, version: 2)
        #expect(client.diagnostics(uri) { $0.isEmpty } == [])
        // Adding a missing key.
        client.change(uri, text.replacingOccurrences(of: "author: Test Author\n", with: ""), version: 3)
        #expect(client.diagnostics(uri) { $0.codes == ["missing-author"] }?.codes == ["missing-author"])
        let add = client.request("textDocument/codeAction", ["textDocument": ["uri": uri], "range": everything, "context": ["diagnostics": [Any]()]])
        let edit = add?["result"]?.array?.first?["edit"]?["changes"]?[uri]?.array?.first
        #expect(edit?["newText"]?.string == "author: \n")
        #expect(position(edit?["range"]?["start"]).map { [$0.0, $0.1] } == [7, 0])
        _ = client.closeInput()
    }

    /// A retired crisis number's quick fix writes the number that replaced it; an unknown callout
    /// type's, the known type it is closest to.
    @Test func quickFixesForRetiredNumbersAndCallouts() throws {
        let site = try LSPSite(pages: [LanguageServerTests.path: LSPSite.page()])
        defer { site.remove() }
        let client = LSPTestClient(site: site.root)
        _ = client.initialize(site.root)
        let uri = site.uri(LanguageServerTests.path)
        let prefix = "Café 😀 中文: call "
        var text = LSPSite.page(body: "## About\n\n\(prefix)1-800-273-8255 any time, or text 45645.\n\n> [!NOTT]\n> A typo.\n")
        client.open(uri, text)
        let found = try #require(client.diagnostics(uri))
        #expect(found.codes.sorted() == ["retired-crisis-number", "retired-crisis-number", "unknown-callout"])
        // The range is the number as written (UTF-16 units after the accents, emoji and CJK text).
        let number = try #require(found.first(code: "retired-crisis-number"))
        #expect(position(number["range"]?["start"]).map { [$0.0, $0.1] } == [11, prefix.utf16.count])
        #expect(position(number["range"]?["end"]).map { [$0.0, $0.1] } == [11, (prefix + "1-800-273-8255").utf16.count])
        let callout = try #require(found.first(code: "unknown-callout"))
        #expect(position(callout["range"]?["start"]).map { [$0.0, $0.1] } == [13, 2])
        #expect(position(callout["range"]?["end"]).map { [$0.0, $0.1] } == [13, 9])

        let everything: [String: Any] = ["start": ["line": 0, "character": 0], "end": ["line": 100, "character": 0]]
        let actions = try #require(client.request("textDocument/codeAction", ["textDocument": ["uri": uri], "range": everything,
                                                                             "context": ["diagnostics": [Any]()]])?["result"]?.array)
        #expect(actions.compactMap { $0["title"]?.string }.sorted() == ["Replace with '988'", "Replace with '988'", "Replace with '[!NOTE]'"])
        #expect(actions.allSatisfy { $0["kind"]?.string == "quickfix" && $0["isPreferred"] == .bool(true) })
        // Only the finding under the cursor: the callout's line offers the callout's fix.
        let onCallout: [String: Any] = ["start": ["line": 13, "character": 4], "end": ["line": 13, "character": 4]]
        let here = client.request("textDocument/codeAction", ["textDocument": ["uri": uri], "range": onCallout, "context": ["diagnostics": [Any]()]])
        #expect(here?["result"]?.array?.compactMap { $0["title"]?.string } == ["Replace with '[!NOTE]'"])

        text = try apply(actions, to: text, uri: uri)
        #expect(text.contains("\(prefix)988 any time, or text 988.\n\n> [!NOTE]\n> A typo."))
        client.change(uri, text, version: 2)
        #expect(client.diagnostics(uri) { $0.isEmpty } == [])
        _ = client.closeInput()
    }

    /// Applies every edit of `actions` to `text` (bottom first; each edit within one line).
    func apply(_ actions: [JSON], to text: String, uri: String) throws -> String {
        var edits: [(Int, Int, Int, String)] = []
        for action in actions {
            for edit in action["edit"]?["changes"]?[uri]?.array ?? [] {
                let start = try #require(position(edit["range"]?["start"])), end = try #require(position(edit["range"]?["end"]))
                #expect(start.0 == end.0)
                edits.append((start.0, start.1, end.1, edit["newText"]?.string ?? ""))
            }
        }
        var lines = text.components(separatedBy: "\n")
        for (line, from, to, new) in edits.sorted(by: { ($0.0, $0.1) > ($1.0, $1.1) }) {
            let units = Array(lines[line].utf16)
            lines[line] = String(decoding: Array(units[..<from]), as: UTF16.self) + new + String(decoding: Array(units[to...]), as: UTF16.self)
        }
        return lines.joined(separator: "\n")
    }

    @Test func completionAndHover() throws {
        let site = try LSPSite(pages: [LanguageServerTests.path: LSPSite.page(),
                                       "Content/conditions/depression.md": LSPSite.page()])
        defer { site.remove() }
        let client = LSPTestClient(site: site.root)
        _ = client.initialize(site.root)
        let uri = site.uri(LanguageServerTests.path)
        let text = LSPSite.page(extra: "crisis_resources: [lifeline-988]\nconditions: [\nlint: {reading-level: off}\n\n")
        client.open(uri, text)
        _ = client.diagnostics(uri)
        func complete(_ line: Int, _ character: Int) -> [String] {
            client.request("textDocument/completion", ["textDocument": ["uri": uri], "position": ["line": line, "character": character]])?["result"]?["items"]?
                .array?.compactMap { $0["label"]?.string } ?? []
        }
        // Line 4 is `reviewer: dana-reyes`: after the colon, the reviewer ids.
        #expect(complete(4, 10) == ["dana-reyes"])
        #expect(complete(7, 18) == ["lifeline-988"])
        #expect(complete(8, 13) == ["depression"])
        #expect(complete(9, 7).contains("reading-level"))
        #expect(complete(9, 22) == ["off", "warning", "error"])
        let keys = complete(10, 0)
        #expect(keys.contains("content_warnings") && keys.contains("type") && !keys.contains("reviewer"))
        let described = client.request("textDocument/completion", ["textDocument": ["uri": uri], "position": ["line": 10, "character": 0]])?["result"]?["items"]?
            .array?.first { $0["label"]?.string == "content_warnings" }
        #expect(described?["detail"]?.string?.contains("notice") == true)

        func hover(_ line: Int, _ character: Int) -> String {
            client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": line, "character": character]])?["result"]?["contents"]?["value"]?.string ?? ""
        }
        #expect(hover(4, 12).contains("Dana Reyes") && hover(4, 12).contains("PhD, LCSW"))
        let resource = hover(7, 21)
        #expect(resource.contains("988 Suicide & Crisis Lifeline") && resource.contains("988") && resource.contains("24/7") && resource.contains("2026-11-01"))
        #expect(hover(9, 9).contains("Flesch"))
        _ = client.closeInput()
    }

    /// On a translation, hover shows the texts of the page's language, as its build does: data-file
    /// texts by their language map, and the modality or condition's page in that language.
    @Test func hoverOnATranslationIsInItsLanguage() throws {
        let config = "title: Test\nbase_url: https://example.org/\ndisclaimer: \"General information.\"\n"
            + "languages:\n  es:\n    tag: es-US\n    disclaimer: \"Información general.\"\n"
        let reviewers = "dana-reyes:\n  name: Dana Reyes\n  credentials: {en: \"PhD, clinical psychologist\", es: \"PhD, psicóloga clínica\"}\n"
        let resources = "lifeline-988:\n  name: {en: 988 Suicide & Crisis Lifeline, es: 988 Línea de Prevención del Suicidio y Crisis}\n"
            + "  phone: \"988\"\n  hours: {en: 24/7, es: 24 horas}\n  region: US\n  verified_on: 2026-11-01\n"
            + "english-only:\n  name: {en: An English-only line}\n  phone: \"988\"\n  region: US\n"
        let warnings = "suicide:\n  label: {en: suicide, es: suicidio}\n  resources: [lifeline-988]\n"
        let extra = "crisis_resources: [lifeline-988, english-only]\ncontent_warnings: [suicide]\nconditions: [depression]\n"
        func titled(_ title: String) -> String { LSPSite.page().replacingOccurrences(of: "title: A page", with: "title: \(title)") }
        let site = try LSPSite(pages: ["haven.yml": config, "Content/_data/reviewers.yml": reviewers,
                                       "Content/_data/crisis-resources.yml": resources, "Content/_data/content-warnings.yml": warnings,
                                       "Content/articles/a.md": LSPSite.page(extra: extra),
                                       "Content/articles/a.es.md": LSPSite.page(extra: extra + "source_updated: 2026-10-01\n"),
                                       "Content/conditions/depression.md": titled("Depression"),
                                       "Content/conditions/depression.es.md": titled("Depresión")])
        defer { site.remove() }
        let client = LSPTestClient(site: site.root)
        _ = client.initialize(site.root)
        func hovers(_ path: String) -> (Int, Int) -> String {
            let uri = site.uri(path)
            client.open(uri, try! String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8))
            _ = client.diagnostics(uri)
            return { line, character in
                client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": line, "character": character]])?["result"]?["contents"]?["value"]?.string ?? ""
            }
        }
        // Line 4 `reviewer: dana-reyes`, 7 `crisis_resources: [lifeline-988, english-only]`,
        // 8 `content_warnings: [suicide]`, 9 `conditions: [depression]`.
        let es = hovers("Content/articles/a.es.md")
        #expect(es(4, 12).contains("Dana Reyes") && es(4, 12).contains("PhD, psicóloga clínica"))
        #expect(es(7, 21).contains("988 Línea de Prevención del Suicidio y Crisis") && es(7, 21).contains("Hours: 24 horas"))
        // Safety text the language lacks is said to be missing, not shown in English.
        #expect(es(7, 34).contains("english-only") && es(7, 34).contains("missing-translation") && !es(7, 34).contains("An English-only line"))
        #expect(es(8, 20).contains("suicidio") && es(8, 20).contains("988 Línea de Prevención"))
        #expect(es(9, 15).contains("Depresión") && es(9, 15).contains("depression.es.md"))
        let en = hovers("Content/articles/a.md")
        #expect(en(4, 12).contains("PhD, clinical psychologist"))
        #expect(en(7, 21).contains("988 Suicide & Crisis Lifeline") && en(7, 21).contains("Hours: 24/7"))
        #expect(en(7, 34).contains("An English-only line"))
        #expect(en(8, 20).contains("Content warning: suicide"))
        #expect(en(9, 15).contains("**Depression**") && en(9, 15).contains("depression.md"))
        _ = client.closeInput()
    }

    @Test func dataFileChangeUpdatesAnOpenPage() throws {
        let site = try LSPSite(pages: [LanguageServerTests.path: LSPSite.page()])
        defer { site.remove() }
        let client = LSPTestClient(site: site.root)
        _ = client.initialize(site.root)
        let uri = site.uri(LanguageServerTests.path)
        client.open(uri, LSPSite.page())
        #expect(client.diagnostics(uri) == [])
        try site.write("Content/_data/reviewers.yml", "someone-else:\n  name: S\n  credentials: MD\n")
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": site.uri("Content/_data/reviewers.yml"), "type": 2]]])
        #expect(client.diagnostics(uri) { $0.codes == ["unknown-reviewer"] }?.codes == ["unknown-reviewer"])
        // Another page taking this page's URL concerns this page too.
        try site.write("Content/articles/b.md", LSPSite.page(extra: "slug: a\n"))
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": site.uri("Content/articles/b.md"), "type": 1]]])
        let both = try #require(client.diagnostics(uri) { $0.codes.count == 2 })
        #expect(Set(both.codes) == ["unknown-reviewer", "duplicate-slug"])
        _ = client.closeInput()
    }

    @Test func badMessagesGetErrors() throws {
        let site = try LSPSite(pages: [LanguageServerTests.path: LSPSite.page()])
        defer { site.remove() }
        let client = LSPTestClient(site: site.root, maxBody: 1_000_000)
        // Before initialize: -32002.
        #expect(client.request("textDocument/hover", ["textDocument": ["uri": "x"], "position": ["line": 0, "character": 0]])?["error"]?["code"]?.int == -32002)
        _ = client.initialize(site.root)
        client.sendRaw(Data("{not json".utf8))
        #expect(client.wait { $0["error"]?["code"]?.int == -32700 } != nil)
        #expect(client.request("haven/nothing")?["error"]?["code"]?.int == -32601)
        #expect(client.request("textDocument/hover", ["wrong": true])?["error"]?["code"]?.int == -32602)
        // A message over the limit is skipped, and the server goes on.
        client.sendRaw(Data(repeating: 0x20, count: 1_500_000))
        #expect(client.wait { $0["error"]?["code"]?.int == -32600 } != nil)
        #expect(client.request("shutdown")?["result"] == .null)
        // A huge document: a finding, not a crash.
        _ = client.closeInput()
    }

    @Test func hugeDocumentAndVanishedClient() throws {
        let site = try LSPSite(pages: [LanguageServerTests.path: LSPSite.page()])
        defer { site.remove() }
        let client = LSPTestClient(site: site.root)
        _ = client.initialize(site.root)
        let uri = site.uri(LanguageServerTests.path)
        let paragraph = "This is a plain sentence about a calm day. " + String(repeating: "Another plain sentence here. ", count: 20) + "\n\n"
        client.open(uri, LSPSite.page(body: String(repeating: paragraph, count: 4000)))
        #expect(client.diagnostics(uri, timeout: 60) != nil)
        // Without shutdown, the end of input ends the server with 1 (and never hangs).
        #expect(client.closeInput() == 1)
    }
}
