import Foundation
import Testing
@testable import HavenKit

/// The repository itself: the example site builds cleanly, the README's rule catalogue and the
/// embedded theme are up to date.
@Suite struct RepositoryTests {
    static let root = CLITests.repository
    /// The example site's own "today": the day its crisis numbers were last verified and its
    /// Spanish pages reviewed (later than `TestSite.today`, which the fixtures keep).
    static let exampleToday = CalendarDate(year: 2026, month: 12, day: 1) ?? .distantPast

    /// The example site's output works from disk and under any path: no reference in any page but
    /// the 404 page is root-relative, links name files, and the 404 page's links are root-relative.
    /// The search index also ships as a script, byte for byte the JSON.
    @Test func exampleSiteOutputIsPortable() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("haven-portable-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try Builder.run(BuildOptions(siteRoot: RepositoryTests.root, output: output, today: RepositoryTests.exampleToday))
        #expect(result.wrote)
        let attribute = try Regex(#"\s(href|src|srcset|action|data-index|data-index-script)="([^"]*)""#)
        var checked = 0
        let files = FileManager.default.enumerator(atPath: output.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".html") {
            let html = try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)
            for match in html.matches(of: attribute) {
                let name = String(match.output[1].substring ?? "")
                let value = String(match.output[2].substring ?? "")
                let urls = name == "srcset" ? value.split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) } : [value]
                for url in urls {
                    checked += 1
                    if file == "404.html" {
                        #expect(url.hasPrefix("/") || url.hasPrefix("#") || url.contains(":"), "\(file): \(name)=\"\(url)\" must be root-relative")
                    } else {
                        #expect(!url.hasPrefix("/"), "\(file): \(name)=\"\(url)\" is root-relative")
                        if name == "href", !url.contains(":"), !url.hasPrefix("#") {
                            let path = url.split(separator: "#", omittingEmptySubsequences: false).first.map(String.init) ?? url
                            #expect(!path.hasSuffix("/"), "\(file): \(url) is a folder link (opened from disk it shows a listing)")
                        }
                    }
                }
            }
        }
        #expect(checked > 1000)
        for language in ["", "es/"] {
            let json = try String(contentsOf: output.appendingPathComponent(language + "search-index.json"), encoding: .utf8)
            let script = try String(contentsOf: output.appendingPathComponent(language + "search-index.js"), encoding: .utf8)
            #expect(script == "window.HAVEN_SEARCH_INDEX = " + json.dropLast() + ";\n")
        }
    }

    @Test func exampleSiteBuildsWithoutFindings() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("haven-example-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try Builder.run(BuildOptions(siteRoot: RepositoryTests.root, output: output, today: RepositoryTests.exampleToday))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { DiagnosticFormatter.text($0) }.joined())")
        #expect(result.wrote)
        let site = try SiteLoader.load(root: RepositoryTests.root, options: LoadOptions(today: RepositoryTests.exampleToday))
        #expect(site.pages(of: .modality).count >= 6)
        #expect(site.pages(of: .condition).count >= 6)
        #expect(site.pages(of: .article).count >= 3)
        #expect(site.registries.reviewers.values.allSatisfy { $0.placeholder })
        // The real crisis numbers.
        let resources = site.registries.crisisResources
        #expect(resources.values.contains { $0.telURI == "tel:+18006624357" })
        #expect(resources.values.contains { $0.telURI == "tel:988" && $0.smsURI == "sms:988" })
        #expect(resources.values.contains { $0.smsURI == "sms:741741?body=HOME" })
        #expect(resources.values.contains { $0.telURI == "tel:911" })
        // Production refuses example reviewers.
        var options = BuildOptions(siteRoot: RepositoryTests.root, output: nil, today: RepositoryTests.exampleToday)
        options.production = true
        #expect(try Builder.run(options).failed)
    }

    @Test func readmeRuleCatalogueIsCurrent() throws {
        let readme = try String(contentsOf: RepositoryTests.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(RuleID.markdownCatalogue), "run `.build/debug/haven rules` and paste it into the README")
    }

    @Test func embeddedFilesMatchTheSources() throws {
        var onDisk: [String: String] = [:]
        for (folder, prefix) in [("Templates", "Templates"), ("Sources/HavenKit/Resources", "Resources")] {
            let base = RepositoryTests.root.appendingPathComponent(folder)
            let enumerator = FileManager.default.enumerator(atPath: base.path)
            while let relative = enumerator?.nextObject() as? String {
                var isDirectory: ObjCBool = false
                let path = base.appendingPathComponent(relative).path
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                      !(relative as NSString).lastPathComponent.hasPrefix(".") else { continue }
                onDisk["\(prefix)/\(relative)"] = try String(contentsOfFile: path, encoding: .utf8)
            }
        }
        #expect(onDisk == EmbeddedFiles.files, "run `make embed`")
    }

    @Test func wordListsLoad() {
        #expect(PhraseList.embedded("en", "unsafe-messaging").entries.count >= 10)
        let stigmatizing = PhraseList.embedded("en", "stigmatizing-language")
        #expect(stigmatizing.entries.count >= 20)
        #expect(stigmatizing.entries.allSatisfy { !$0.source.isEmpty && !$0.suggest.isEmpty })
        #expect(Wording.builtIn(for: "en-gb")?.id == "en")
        #expect(Wording.builtIn(for: "fr") == nil)
        #expect(SearchSynonyms.groups.contains { $0.contains("panic attack") && $0.contains("panic disorder") })
        // The Spanish lists parse in the same format, and every entry names its source.
        #expect(Wording.builtIn(for: "es")?.id == "es")
        for name in ["unsafe-messaging", "stigmatizing-language"] {
            let list = PhraseList.embedded("es", name)
            #expect(list.entries.count >= 20, "\(name)")
            #expect(list.entries.allSatisfy { !$0.source.isEmpty && !$0.suggest.isEmpty }, "\(name)")
        }
    }
}
