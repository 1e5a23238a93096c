import Foundation
import Testing
@testable import HavenKit

/// The built-in templates are compiled per route key with their constants written in
/// (`TemplateConstants`); the golden tests hold the output to what Mustache renders without it.
/// These tests say which tags are written in and which are left for Mustache.
@Suite struct TemplateConstantsTests {
    static func inline(_ source: String, _ value: String = "Words") -> String {
        TemplateConstants.inlined(source) { tag in tag.contains("missing") ? nil : value }
    }

    @Test func variableTagsUnderTheConstantRootsAreWrittenIn() {
        #expect(Self.inline("<p>{{strings.reviewed_by}} {{name}}</p>") == "<p>Words {{name}}</p>")
        #expect(Self.inline("{{{site.base}}}|{{& links.home}}|{{ links.search }}") == "Words|Words|Words")
        #expect(Self.inline("<a href=\"{{links.getHelp}}\">") == "<a href=\"Words\">")
    }

    @Test func otherTagsAreLeftForMustache() {
        let kept = ["{{#strings.x}}a{{/strings.x}}", "{{^site.title}}b{{/site.title}}", "{{>byline}}", "{{! strings.x }}",
                    "{{title}}", "{{page.strings.x}}", "{{uppercased(strings.x)}}", "{{strings}}", "{{strings.}}", "{{nav.current}}", "{{strings.missing}}"]
        for source in kept { #expect(Self.inline(source) == source, "\(source)") }
    }

    /// Text that would change how the rest of the template parses or lays out stays a tag.
    @Test func unsafeTextStaysATag() {
        for text in ["", "   ", "two\nlines", "a {{b}}", "brace }", "{"] {
            #expect(Self.inline("x {{strings.a}}{{#b}}\n", text) == "x {{strings.a}}{{#b}}\n", "\(text.debugDescription)")
        }
    }

    @Test func aTemplateThatChangesItsDelimitersIsLeftWhole() {
        let source = "{{strings.a}}{{=<% %>=}}<% strings.b %>"
        #expect(Self.inline(source) == source)
    }

    @Test func anUnclosedTagEndsTheRewrite() {
        #expect(Self.inline("{{strings.a}} {{strings.b") == "Words {{strings.b")
    }

    /// The built-in theme does write constants in: the clinical page's byline and the layout
    /// reach Mustache with their words already in place.
    @Test func piecesCutTheSourceAtItsConstantTags() {
        #expect(TemplateConstants.pieces("<p>{{strings.a}} {{name}}{{{site.b}}}</p>")
                == [.text("<p>"), .tag("{{strings.a}}"), .text(" {{name}}"), .tag("{{{site.b}}}"), .text("</p>")])
        #expect(TemplateConstants.pieces("{{title}}") == nil)
        #expect(TemplateConstants.pieces("{{=<% %>=}}{{strings.a}}") == nil)
    }

    /// The built-in theme does write constants in: the clinical page's byline and the layout
    /// reach Mustache with their words already in place.
    @Test func theBuiltInThemeWritesItsConstantsIn() throws {
        let theme = try Theme.load(siteRoot: nil)
        #expect(theme.constantSources["byline"]?.contains(.tag("{{strings.reviewed_by}}")) == true)
        #expect(theme.constantSources["layout"]?.contains(.tag("{{strings.skip_to_content}}")) == true)
        let tags = theme.constantSources.values.joined().filter { if case .tag = $0 { true } else { false } }
        #expect(tags.count > 40)
        // Site partials are rendered whole once per key: compiling them again would be wasted.
        #expect(theme.constantSources["site-header"] == nil)
    }
}
