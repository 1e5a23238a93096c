import Foundation
import Testing
@testable import HavenKit

/// Callouts, care cards and do/don't lists (GFM alerts), and the rules about them and about
/// phone numbers in a page's text: care-card, unknown-callout, crisis-number, retired-crisis-number.
@Suite struct WritingComponentTests {
    /// The body's HTML and analysis, as the page pipeline makes them.
    func process(_ markdown: String) -> (BodyAnalysis, String) {
        let processor = MarkdownProcessor(file: "page.md", firstLine: 1, labels: BodyLabels(StringTables.builtInOnly.table("en"))) { destination, _, _ in
            LinkTarget(kind: .external, href: destination, fragment: nil)
        }
        let (analysis, html) = processor.process(markdown)
        return (analysis, String(decoding: html, as: UTF8.self))
    }

    /// The findings of a page with this body (US site) at `line:column`, as "rule@line:column".
    func findings(_ body: String, config: String = TestSite.config, frontMatter: String = "") throws -> [String] {
        let path = "Content/articles/page.md"
        let site = try TestSite(files: [path: TestSite.clinical(extra: frontMatter) + body], config: config)
        defer { site.remove() }
        let found = try site.lint().diagnostics.filter { $0.file == path }.map { "\($0.rule.rawValue)@\($0.line):\($0.column)" }
        return found
    }

    // MARK: A theme's markup per kind

    /// A site's `Templates/alert-<kind>.mustache` replaces the element around that kind, in each
    /// page's language; other kinds keep the built-in markup; the page templates stay the built-in ones.
    @Test func aThemeTemplateReplacesTheMarkupOfItsKind() throws {
        let body = "> [!WARNING] Before you stop a medicine\n> Ask the prescriber first.\n\n> [!NOTE]\n> Bring a list.\n"
        let site = try TestSite(files: TestSite.bilingualData.merging([
            "Templates/alert-warning.mustache": "<div class=\"theme-warning {{class}}\" role=\"note\" data-label=\"{{label}}\">{{{content}}}</div>",
            "Content/articles/page.md": TestSite.clinical() + body,
            "Content/articles/page.es.md": TestSite.clinical("Una página") + body,
        ]) { $1 }, config: TestSite.spanishConfig)
        defer { site.remove() }
        #expect(try Theme.load(siteRoot: site.root).builtIn)
        let result = try site.build()
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        let en = try #require(site.read("Public/articles/page/index.html"))
        #expect(en.contains("<div class=\"theme-warning callout callout-warning\" role=\"note\" data-label=\"Warning\">\n<p><span class=\"callout-title\"><span class=\"visually-hidden\">Warning: </span>Before you stop a medicine</span></p>\n<p>Ask the prescriber first.</p>\n</div>"))
        #expect(en.contains("<aside class=\"callout callout-note\" role=\"note\">"))
        let es = try #require(site.read("Public/es/articles/page/index.html"))
        #expect(es.contains("<div class=\"theme-warning callout callout-warning\" role=\"note\" data-label=\"Advertencia\">"), "\(es)")
    }

    /// The words an alert template reads are words the templates read: a declared language
    /// without one stops Haven (exit 2), as for a page template, rather than showing nothing.
    @Test func aKeyOnlyAnAlertTemplateReadsIsRequiredInEveryLanguage() throws {
        let site = try TestSite(files: TestSite.bilingualData.merging([
            "Templates/alert-tip.mustache": "<div data-kind=\"{{strings.tip_word}}\">{{{content}}}</div>",
            "Templates/strings/en.yml": "tip_word: Tip\n",
            "Content/articles/page.md": TestSite.clinical() + TestSite.body,
        ]) { $1 }, config: TestSite.spanishConfig)
        defer { site.remove() }
        #expect(try Theme.load(siteRoot: site.root).strings.requiredKeys.contains("tip_word"))
        #expect {
            _ = try site.build()
        } throws: { error in
            guard let error = error as? HavenError else { return false }
            return error.description.contains("'es'") && error.description.contains("'tip_word'")
        }
    }

    @Test(arguments: [("alert-warning", "<div>no content</div>", "shows {{{content}}} exactly once"),
                      ("alert-warning", "{{{content}}}{{{content}}}", "shows {{{content}}} exactly once"),
                      ("alert-warnings", "{{{content}}}", "no callout, care card or list is called 'warnings'"),
                      ("alert-note", "{{#content}}", "template does not parse")])
    func aThemeTemplateThatCannotWrapTheBlockIsAThemeError(name: String, text: String, message: String) throws {
        let site = try TestSite(files: ["Templates/\(name).mustache": text, "Content/articles/page.md": TestSite.clinical() + TestSite.body])
        defer { site.remove() }
        #expect {
            _ = try Theme.load(siteRoot: site.root)
        } throws: { error in
            guard case HavenError.theme(let text) = error else { return false }
            return text.contains("Templates/\(name).mustache") && text.contains(message)
        }
    }

    // MARK: Rendering

    @Test func calloutsRenderAsTitledAsides() {
        let (analysis, html) = process("> [!NOTE]\n> Bring a list of questions.\n\n> [!warning] Before you stop a medicine\n> Ask the prescriber first.\n")
        #expect(html.contains("<aside class=\"callout callout-note\" role=\"note\">\n<p><span class=\"callout-title\">Note</span></p>\n<p>Bring a list of questions.</p>\n</aside>"))
        #expect(html.contains("<aside class=\"callout callout-warning\" role=\"note\">\n<p><span class=\"callout-title\"><span class=\"visually-hidden\">Warning: </span>Before you stop a medicine</span></p>\n<p>Ask the prescriber first.</p>\n</aside>"))
        #expect(!html.contains("[!"))
        #expect(!html.contains("blockquote"))
        #expect(analysis.alerts.map(\.kind) == [.note, .warning])
        #expect(analysis.alerts.map(\.hasTitle) == [false, true])
        #expect(analysis.alerts.map(\.location.line) == [1, 4])
        #expect(analysis.alerts.map(\.location.column) == [3, 3])
    }

    @Test func careCardsHaveAHeadingOneLevelBelowTheirSection() {
        let markdown = "> [!NON-URGENT] Speak to a GP if:\n> - you feel low for 2 weeks\n\n## When to get help\n\n> [!urgent] Get help today if:\n> You feel worse.\n\n### Right now\n\n> [!EMERGENCY] Call 911 if:\n> - you are in danger\n"
        let (analysis, html) = process(markdown)
        #expect(html.contains("<section class=\"care-card care-card-non-urgent\">\n<h2 id=\"speak-to-a-gp-if\"><span class=\"visually-hidden\">Non-urgent advice: </span>Speak to a GP if:</h2>"))
        #expect(html.contains("<section class=\"care-card care-card-urgent\">\n<h3 id=\"get-help-today-if\"><span class=\"visually-hidden\">Urgent advice: </span>Get help today if:</h3>\n<p>You feel worse.</p>\n</section>"))
        #expect(html.contains("<section class=\"care-card care-card-emergency\">\n<h4 id=\"call-911-if\"><span class=\"visually-hidden\">Emergency: </span>Call 911 if:</h4>"))
        #expect(analysis.headings.map(\.text) == ["Speak to a GP if:", "When to get help", "Get help today if:", "Right now", "Call 911 if:"])
        #expect(analysis.alerts.last?.numbers == ["911"])
    }

    @Test func bodiesWithTopLevelHeadingsShiftCardsWithThem() {
        let (_, html) = process("# Section\n\n> [!URGENT] Get help today if:\n> You feel worse.\n")
        #expect(html.contains("<h2 id=\"section\">Section</h2>"))
        #expect(html.contains("<h3 id=\"get-help-today-if\">"))
    }

    @Test func doAndDontListsMarkEachItem() {
        let (_, html) = process("> [!DO]\n> - rest\n> - eat regular meals\n\n> [!DONT] Try not to\n> - drink to cope\n")
        #expect(html.contains("<section class=\"do-list do-list-do\">\n<h2 id=\"do\">Do</h2>"))
        #expect(html.contains("<li><span class=\"do-list-mark\" aria-hidden=\"true\">✓</span><span class=\"visually-hidden\">Do: </span>rest</li>"))
        #expect(html.contains("<section class=\"do-list do-list-dont\">\n<h2 id=\"try-not-to\">Try not to</h2>"))
        #expect(html.contains("<span class=\"do-list-mark\" aria-hidden=\"true\">✗</span><span class=\"visually-hidden\">Do not: </span>drink to cope"))
    }

    /// cmark splits `[!NOTE]` into several text nodes when the bracket could open a link.
    @Test func markerSplitAcrossTextNodes() {
        let (analysis, html) = process("> [&#33;TIP] Use [the form](https://example.org/) *today*\n> Body.\n")
        #expect(analysis.alerts.map(\.kind) == [.tip])
        // With a link definition `[!TIP]` is a link, as on GitHub.
        #expect(process("[!TIP]: /x\n\n> [!TIP] Text.\n").0.alerts.isEmpty)
        #expect(html.contains("<span class=\"callout-title\"><span class=\"visually-hidden\">Tip: </span>Use <a href=\"https://example.org/\">the form</a> <em>today</em></span>"))
        let (split, splitHTML) = process("> [!CAUTION]\n> [link](https://example.org/) text\n")
        #expect(split.alerts.map(\.kind) == [.caution])
        #expect(splitHTML.contains("<p><a href=\"https://example.org/\">link</a> text</p>"))
    }

    @Test func titleMarkupIsEscapedAndNotARawHTMLPath() {
        let (_, html) = process("> [!NOTE] A <b>title</b> & more\n> Body.\n")
        #expect(!html.contains("<b>"))
        #expect(html.contains("&amp; more"))
    }

    @Test func unknownTypesStayQuotesAndNestedQuotesAreNotAlerts() {
        let (analysis, html) = process("> [!NOTT]\n> Typo.\n\n- item\n\n  > [!NOTE]\n  > Inside a list.\n\n> Plain [!NOTE] later.\n")
        #expect(analysis.alerts.isEmpty)
        #expect(analysis.unknownAlerts.map(\.type) == ["NOTT"])
        #expect(html.components(separatedBy: "<blockquote>").count == 4)
    }

    @Test func careCardTextCountsForWordingRules() throws {
        #expect(try findings("> [!URGENT] Get help today if:\n> He committed suicide.\n").contains { $0.hasPrefix("unsafe-messaging@") })
        // A plain quote is quoted material, exempt as before.
        #expect(try !findings("> He committed suicide.\n").contains { $0.hasPrefix("unsafe-messaging@") })
    }

    // MARK: care-card and unknown-callout

    /// The marker alone on its line, as GitHub renders alerts, with an all-bold first line as the title.
    @Test func boldFirstLineIsTheTitleWhenTheMarkerStandsAlone() throws {
        let (analysis, html) = process("> [!TIP]\n> **Write it down**\n> Keep a short note.\n\n> [!NOTE]\n> **Bold** words start this line.\n")
        #expect(html.contains("<p><span class=\"callout-title\"><span class=\"visually-hidden\">Tip: </span>Write it down</span></p>\n<p>Keep a short note.</p>"))
        #expect(html.contains("<p><span class=\"callout-title\">Note</span></p>\n<p><strong>Bold</strong> words start this line.</p>"))
        #expect(analysis.alerts.map(\.hasTitle) == [true, false])
        let (_, card) = process("## Help\n\n> [!URGENT]\n> **Ask for an urgent appointment if:**\n> - you feel worse\n")
        #expect(card.contains("<h3 id=\"ask-for-an-urgent-appointment-if\"><span class=\"visually-hidden\">Urgent advice: </span>Ask for an urgent appointment if:</h3>\n<ul>"))
        #expect(try findings("## Help\n\n> [!URGENT]\n> **Call 988 today if:**\n> - you feel worse\n") == [])
    }

    @Test func careCardRule() throws {
        let clean = "## When to get help\n\n> [!EMERGENCY] Call 911 or go to the emergency room if:\n> - you are in danger\n\n> [!URGENT] Call 988 today if:\n> - you feel worse\n"
        #expect(try findings(clean) == [])
        #expect(try findings("> [!URGENT]\n> Get help.\n") == ["care-card@9:3"])
        #expect(try findings("> [!EMERGENCY] Get help now if:\n> - you are in danger\n") == ["care-card@9:3"])
        // On a GB site the emergency number is 999 (or 112); 911 there is also crisis-number.
        let gb = TestSite.config.replacingOccurrences(of: "region: US", with: "region: GB")
        #expect(try findings("> [!EMERGENCY] Call 999 if:\n> - you are in danger\n", config: gb) == [])
        #expect(try findings("> [!EMERGENCY] Call 911 if:\n> - you are in danger\n", config: gb) == ["care-card@9:3", "crisis-number@9:21"])
        // A callout needs no title.
        #expect(try findings("> [!TIP]\n> Write questions down.\n") == [])
    }

    @Test func unknownCalloutRule() throws {
        #expect(try findings("> [!NOTT]\n> Typo.\n") == ["unknown-callout@9:3"])
        #expect(try findings("> [!URGNET] Get help today if:\n> Typo.\n") == ["unknown-callout@9:3"])
        #expect(try findings("> [!note]\n> Fine.\n\n> Quote [!NOTE] in the middle.\n") == [])
    }

    // MARK: crisis-number

    @Test func crisisNumberRule() throws {
        // 999 and 116 123 (Samaritans, GB in the registry) on a US page.
        #expect(try findings("## Help\n\nIn an emergency, call 999 now.\n") == ["crisis-number@11:23"])
        #expect(try findings("## Help\n\nYou can call Samaritans on 116 123.\n") == ["crisis-number@11:28"])
        #expect(try findings("## Help\n\nDial 000 or text [112](tel:112).\n").count == 2)
        // The US page's own numbers, and numbers that are not phone numbers.
        #expect(try findings("## Help\n\nCall 911 or 988. It costs $999, or 1,000 pounds; 999 people took part in 2022.\n") == [])
        // GB page: 911 is another region's; 999, 112 and 116 123 are its own.
        let gb = TestSite.config.replacingOccurrences(of: "region: US", with: "region: GB")
        #expect(try findings("## Help\n\nCall 999, 112 or Samaritans on 116 123.\n", config: gb) == [])
        #expect(try findings("## Help\n\nCall 911 right away.\n", config: gb) == ["crisis-number@11:6"])
        // Spanish dial words count too ("llame al", "marque el", "número", "mensaje de texto"),
        // accented ones whole: a Spanish page of a US region saying "llame al 999" is caught.
        let crisis = { (body: String) in try findings(body).filter { $0.hasPrefix("crisis-number") } }
        #expect(try crisis("## Ayuda\n\nSi hay peligro, llame al 999 ahora.\n") == ["crisis-number@11:26"])
        #expect(try crisis("## Ayuda\n\nMarque el 999 si hay peligro.\n").count == 1)
        #expect(try crisis("## Ayuda\n\nEl número de emergencias es 999.\n").count == 1)
        #expect(try crisis("## Ayuda\n\nEnvíe un mensaje de texto al 116 123.\n").count == 1)
        #expect(try crisis("## Ayuda\n\nHubo 999 personas en el estudio.\n") == [])
        // The dial words are each language's `dial-words.yml`, read together.
        #expect(PhoneMentionScanner.dialWords.isSuperset(of: ["call", "dial", "text", "llame", "marque", "número", "mensaje"]))
        // Key points and the description count as the page's text.
        #expect(try findings(TestSite.body, frontMatter: "key_points:\n  - Call 999 in an emergency.\n").map { $0.components(separatedBy: "@")[0] } == ["crisis-number"])
    }

    // MARK: retired-crisis-number

    @Test func retiredCrisisNumberRule() throws {
        for spelling in ["1-800-273-8255", "1-800-273-TALK", "1 (800) 273-8255", "800.273.8255", "(800) 273-TALK (8255)", "+1 800 273 8255"] {
            #expect(try findings("## Help\n\nCall \(spelling) for support.\n") == ["retired-crisis-number@11:6"], "\(spelling)")
        }
        #expect(try findings("## Help\n\nCall 1-833-456-4566 or text 45645.\n") == ["retired-crisis-number@11:6", "retired-crisis-number@11:29"])
        #expect(try findings("## Help\n\nCall 988 and press 3 to reach LGBTQ+ counselors.\n") == ["retired-crisis-number@11:14"])
        #expect(try findings("", frontMatter: "key_points:\n  - Call 1-800-273-8255.\n").map { $0.components(separatedBy: "@")[0] } == ["retired-crisis-number"])
        // The replacement and other numbers are fine; so is press 3 without 988.
        #expect(try findings("## Help\n\nCall or text 988, or call 1-800-662-4357. At the menu, press 3 for billing.\n") == [])
    }

    /// The text of the page with this body after its findings' first suggestions are applied (as an
    /// editor applies a quick fix: `original` found from the finding's column on its line), and
    /// the rules of the findings that had one.
    func fixed(_ body: String, frontMatter: String = "") throws -> (text: String, fixed: [String]) {
        let path = "Content/articles/page.md"
        let site = try TestSite(files: [path: TestSite.clinical(extra: frontMatter) + body])
        defer { site.remove() }
        var lines = try #require(site.read(path)).components(separatedBy: "\n")
        var rules: [String] = []
        for d in try site.lint().diagnostics.filter({ $0.file == path }).reversed() {
            guard case .replace(let at, let original, let replacement)? = d.suggestions.first?.edit else { continue }
            var bytes = Array(lines[at.line - 1].utf8)
            let from = at.column - 1
            let start = try #require((from...max(from, bytes.count - original.utf8.count)).first { Array(bytes[$0...].prefix(original.utf8.count)) == Array(original.utf8) })
            bytes.replaceSubrange(start..<start + original.utf8.count, with: Array(replacement.utf8))
            lines[at.line - 1] = String(decoding: bytes, as: UTF8.self)
            rules.append(d.rule.rawValue)
        }
        return (lines.joined(separator: "\n"), rules)
    }

    @Test func retiredNumbersAndUnknownCalloutsSuggestTheirReplacement() throws {
        for spelling in ["1-800-273-8255", "1-800-273-TALK", "1 (800) 273-8255", "800.273.8255", "+1 800 273 8255"] {
            let result = try fixed("## Help\n\nCall \(spelling) for support.\n")
            #expect(result.text.hasSuffix("\n## Help\n\nCall 988 for support.\n"), "\(spelling)")
            #expect(result.fixed == ["retired-crisis-number"])
        }
        #expect(try fixed("## Help\n\nCall 1-833-456-4566 or text 45645.\n").text.hasSuffix("Call 988 or text 988.\n"))
        #expect(try fixed("", frontMatter: "key_points:\n  - \"Call 1-800-273-8255.\"\n").text.contains("  - \"Call 988.\"\n"))
        #expect(try fixed("## Help\n\n[Call us](tel:+18002738255).\n").text.hasSuffix("[Call us](tel:988).\n"))
        // A link whose text is the number: one finding (the text); fixed, the link's own follows.
        let once = try fixed("## Help\n\n[1-800-273-8255](tel:+18002738255).\n")
        #expect(once.text.hasSuffix("[988](tel:+18002738255).\n") && once.fixed == ["retired-crisis-number"])
        #expect(try fixed("## Help\n\n[988](tel:+18002738255).\n").text.hasSuffix("[988](tel:988).\n"))
        // "Press 3" needs rewording, not a number: no suggestion.
        #expect(try fixed("## Help\n\nCall 988 and press 3 to reach LGBTQ+ counselors.\n").fixed == [])
        #expect(try fixed("> [!NOTT]\n> Typo.\n").text.hasSuffix("> [!NOTE]\n> Typo.\n"))
        #expect(try fixed("> [!urgnet] Get help today if:\n> Typo.\n").text.hasSuffix("> [!URGENT] Get help today if:\n> Typo.\n"))
        #expect(try fixed("> [!QWERTYUIOP]\n> Nothing close.\n").fixed == [])
    }

    @Test func retiredMessageNamesReplacementAndSource() throws {
        let site = try TestSite(files: ["Content/articles/page.md": TestSite.clinical() + "Call 1-800-273-TALK.\n"])
        defer { site.remove() }
        let message = try site.lint().diagnostics.first { $0.rule == .retiredCrisisNumber }?.message ?? ""
        #expect(message.contains("988"))
        #expect(message.contains("16 July 2022"))
        #expect(message.contains("https://"))
    }

    // MARK: hard-sentence

    @Test func sentencesCountedFromTheParagraphsWordsEqualSentencesSplitAgain() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["Psychodynamic", "therapy", "explores", "patterns", "“quoted”", "don’t", "e.g.", "3.5", "Él", "niño",
                      "İstanbul", "K", "(see this).", "understanding!", "relationships?", "end.”", "again'", "\n", "  ", "-",
                      "characteristically", "a", "institutionalization", "ﬁne", "STRASSE", "ß", "ǅ", "Σίσυφος."]
        for _ in 0..<400 {
            let count = Int.random(in: 0..<120, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined(separator: " ")
            let bytes = Array(text.utf8)
            let again = SentenceGrade.hardest(in: bytes)
            let shared = SentenceGrade.hardest(in: bytes, words: Words(utf8: bytes))
            #expect(again == shared, "\(text)")
        }
    }

    @Test func gradesAreWrittenAsPrintfWritesThem() {
        for value in [0.0, 17.0, 16.04, 16.05, 16.95, 18.75, 99.99, 3.14159, -0.5, 12.345, 1e-9, 250.55] {
            #expect(DiagnosticText.oneDecimal(value) == String(format: "%.1f", value), "\(value)")
        }
    }

    @Test func aHardSentenceFindingIsWrittenFromItsFiguresWhenRead() {
        let kept = DiagnosticText.hardSentence(words: 22, grade: 19.75, keptWords: 40, limit: 14)
        #expect(kept.string == "this sentence is hard to read on its own (22 words, grade 19.8; at most 40 words and grade 14): split it or use everyday words")
        #expect(DiagnosticText.hardSentence(words: 41, grade: 3, keptWords: 40, limit: 14.5).string
            == "this sentence is hard to read on its own (41 words, grade 3.0; at most 40 words and grade 14.5): split it or use everyday words")
        var finding = Diagnostic(.hardSentence, at: SourceLocation(file: "Content/a.md", line: 3), text: kept)
        #expect(finding.message == kept.string)
        #expect(DiagnosticFormatter.text(finding) == "Content/a.md:3:1: warning: \(kept.string) [hard-sentence]\n")
        finding.message = "another text"
        #expect(finding.message == "another text")
    }

    @Test func hardSentenceRule() throws {
        // One 30-word sentence of long words: the page is too short for reading-level, but the sentence is graded.
        let hard = "Comprehensive multidisciplinary psychotherapeutic interventions demonstrably ameliorate generalized psychological dysfunction, particularly amongst individuals experiencing concurrent neurodevelopmental, psychiatric, socioeconomic, interpersonal and occupational difficulties necessitating coordinated longitudinal institutional management.\n"
        #expect(try findings(hard) == ["hard-sentence@9:1"])
        let long = "## Sleep\n\nTry to go to bed at the same time each night and get up at the same time each day, and keep your room dark and quiet and cool, and put your phone in another room so that you are not woken by it.\n"
        #expect(try findings(long) == ["hard-sentence@11:1"])
        #expect(try findings(TestSite.body + "\nShort sentences are easy. They help readers.\n") == [])
    }
}
