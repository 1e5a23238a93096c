import Foundation
import Testing
@testable import HavenKit

/// The one YAML field reader: typed values with their location, and one unknown-key finding with
/// its did-you-mean, the same for front matter, data files and `haven.yml`.
@Suite struct YAMLFieldsTests {
    private func read(_ yaml: String, known: [String], firstLine: Int = 1) -> (YAMLFieldReader, YAMLMap?) {
        let reader = YAMLFieldReader(file: "f.yml", firstLine: firstLine, valueRule: .invalidValue)
        guard case .success(let root?) = reader.compose(yaml, syntaxRule: .frontMatterSyntax, duplicateRule: .unknownKey) else {
            return (reader, nil)
        }
        return (reader, reader.map(root, known: known, naming: .settings, shape: "must be a map"))
    }

    @Test func typedValuesKeepTheirLocation() throws {
        let yaml = "name:  Dana \nflag: true\ncount: 12\ngrade: 8.5\nday: 2026-02-28\nids: [a, b]\none: c\nnotes:\n  - first\n  - second\n"
        let (reader, map) = read(yaml, known: ["name", "flag", "count", "grade", "day", "ids", "one", "notes"], firstLine: 3)
        let fields = try #require(map)
        #expect(reader.diagnostics.isEmpty)
        #expect(reader.text(fields["name"]) == Located(value: "Dana", location: SourceLocation(file: "f.yml", line: 3, column: 8)))
        #expect(reader.bool(fields["flag"])?.value == true)
        #expect(reader.wholeNumber(fields["count"])?.value == 12)
        #expect(reader.number(fields["grade"])?.value == 8.5)
        #expect(reader.calendarDate(fields["day"])?.value == CalendarDate(year: 2026, month: 2, day: 28))
        #expect(reader.ids(fields["ids"]).map(\.value) == ["a", "b"])
        #expect(reader.ids(fields["ids"]).last?.location == SourceLocation(file: "f.yml", line: 8, column: 10))
        #expect(reader.ids(fields["one"]).map(\.value) == ["c"])
        #expect(reader.texts(fields["notes"]).map(\.value) == ["first", "second"])
        #expect(reader.text(fields["absent"]) == nil)
    }

    @Test func wrongShapesAreReportedAtTheValue() throws {
        let yaml = "name: [x]\nflag: maybe\ncount: -1\ngrade: lots\nday: 2026-02-30\nids: {a: 1}\n"
        let (reader, map) = read(yaml, known: ["name", "flag", "count", "grade", "day", "ids"])
        let fields = try #require(map)
        #expect(reader.text(fields["name"]) == nil)
        #expect(reader.bool(fields["flag"]) == nil)
        #expect(reader.wholeNumber(fields["count"]) == nil)
        #expect(reader.number(fields["grade"]) == nil)
        #expect(reader.calendarDate(fields["day"]) == nil)
        #expect(reader.ids(fields["ids"]).isEmpty)
        let found = reader.diagnostics.sorted()
        #expect(found.map(\.rule) == [.invalidValue, .invalidValue, .invalidValue, .invalidValue, .invalidDate, .invalidValue])
        #expect(found.map(\.line) == [1, 2, 3, 4, 5, 6])
        #expect(found.map(\.column) == [7, 7, 8, 8, 6, 6])
        #expect(found[0].message == "'name' must be text, found a list")
        #expect(found[4].message == "'day' is '2026-02-30', which is not a real date written YYYY-MM-DD")
    }

    @Test func unknownKeyIsReportedOnceWithItsHint() {
        let (reader, map) = read("titel: x\nzzzzzz: y\n", known: ["title", "region"])
        #expect(map?.fields.isEmpty == true)
        #expect(reader.diagnostics.map(\.message) == ["unknown setting 'titel' (did you mean 'title'?)", "unknown setting 'zzzzzz'"])
        #expect(reader.diagnostics.map(\.rule) == [.unknownKey, .unknownKey])
        #expect(reader.diagnostics.first?.location == SourceLocation(file: "f.yml", line: 1, column: 1))
    }

    @Test func hintTiesDoNotDependOnOrder() {
        #expect(Suggest.hint(for: "ab", in: ["ax", "ay"]) == Suggest.hint(for: "ab", in: ["ay", "ax"]))
        #expect(Suggest.hint(for: "intro", in: ["introduction"], prefix: "#") == "")
        #expect(Suggest.hint(for: "how-it-work", in: ["how-it-works"], prefix: "#") == " (did you mean '#how-it-works'?)")
    }

    @Test func severitiesReportEachBadEntry() throws {
        let (reader, map) = read("lint:\n  raw-htm: off\n  reading-level: loud\n  broken-link: false\n", known: ["lint"])
        let overrides = reader.severities(try #require(map)["lint"])
        #expect(overrides == [.brokenLink: .off])
        #expect(reader.diagnostics.sorted().map(\.message) == [
            "unknown rule id 'raw-htm' (did you mean 'raw-html'?)",
            "severity for 'reading-level' must be off, warning or error, found 'loud'",
        ])
    }

    @Test func dataFileFaultsAreLocatedAndTheRestIsRead() {
        var loader = RegistryLoader()
        let registries = loader.load(
            reviewers: "dana:\n  name: Dana\n  credentials: MD\n  bio: x\n  placholder: true\nkim:\n  credentials: PhD\n",
            crisisResources: "line:\n  name: Line\n  phone: \"988\"\n  verified_on: 2026-13-01\nline:\n  name: Again\n  phone: \"911\"\nother:\n  name: Other\n  url: https://example.org/\n",
            contentWarnings: "grief:\n  label: grief\n  resources: other\n")
        #expect(registries.reviewers.keys.sorted() == ["dana"])
        #expect(registries.crisisResourceOrder == ["line", "other"])
        #expect(registries.contentWarnings["grief"]?.resources == ["other"])
        let texts = loader.diagnostics.sorted().map(DiagnosticFormatter.text)
        #expect(texts.contains("Content/_data/reviewers.yml:5:3: error: unknown field 'placholder' in 'dana' (did you mean 'placeholder'?) [unknown-key]\n"))
        #expect(texts.contains("Content/_data/reviewers.yml:6:1: error: 'kim' has no 'name' [data-syntax]\n"))
        #expect(texts.contains("Content/_data/crisis-resources.yml:4:16: error: 'verified_on' of 'line' is '2026-13-01', which is not a real date written YYYY-MM-DD [invalid-date]\n"))
        #expect(texts.contains { $0.hasPrefix("Content/_data/crisis-resources.yml:5:1: error: key 'line' is given twice") })
    }

    @Test func configFaultsStopWithTheFirstInTheFile() {
        func fault(_ yaml: String) -> String? {
            do {
                _ = try SiteConfig.parse(yaml)
                return nil
            } catch {
                return error.description
            }
        }
        #expect(fault("title: x\nregoin: US\nreading_grade_max: none\n") == "haven.yml:2:1: error: unknown setting 'regoin' (did you mean 'region'?)")
        #expect(fault("reading_grade_max: none\nregoin: US\n") == "haven.yml:1:20: error: 'reading_grade_max' must be a number above 0")
        #expect(fault("title:\n") == "haven.yml:1:7: error: 'title' has no value")
        #expect(fault("lint:\n  raw-html: loud\n") == "haven.yml:2:13: error: severity for 'raw-html' must be off, warning or error, found 'loud'")
        #expect(fault("title: A\ntitle: B\n")?.hasPrefix("haven.yml:2:1: error: key 'title' is given twice") == true)
        #expect(fault("title: Site\nreview_interval_months: 24\nreading_grade_max: 8\n") == nil)
    }
}

@Suite struct MediaCopierTests {
    @Test func anUnreadableMediaFileIsALocatedFindingNotACrash() throws {
        let fm = FileManager.default
        let base = fm.temporaryDirectory.appendingPathComponent("haven-media-\(UUID().uuidString)")
        let root = base.appendingPathComponent("site")
        try fm.createDirectory(at: root.appendingPathComponent("Content/media"), withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: base) }
        try Data("png".utf8).write(to: root.appendingPathComponent("Content/media/ok.png"))
        try Data("secret".utf8).write(to: base.appendingPathComponent("outside.png"))
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("Content/media/out.png").path,
                                  withDestinationPath: base.appendingPathComponent("outside.png").path)
        let media = [(output: "/media/gone.png", source: "Content/media/gone.png"),
                     (output: "/media/ok.png", source: "Content/media/ok.png"),
                     (output: "/media/out.png", source: "Content/media/out.png")]
        var copied: [String: [UInt8]] = [:]
        let found = MediaCopier.copy(media, root: root.path) { output, bytes in copied[output] = bytes }
        #expect(copied == ["/media/ok.png": Array("png".utf8)])
        #expect(found.map(\.file) == ["Content/media/gone.png", "Content/media/out.png"])
        #expect(found.allSatisfy { $0.rule == .fileEncoding && $0.line == 1 && $0.message.hasPrefix("media file cannot be read: ") })
        // lint looks without reading and finds the same
        #expect(MediaCopier.check(media, root: root.path) == found)
    }
}
