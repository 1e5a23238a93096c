@testable import HavenServer
import NIOCore
import Testing

@Suite("Reload script and overlay injection")
struct PageDecoratorTests {
    @Test func scriptGoesBeforeTheLastClosingBody() {
        let page = ByteBuffer(string: "<html><body><p>&lt;/body&gt;</p></BODY>\n</html>\n")
        let out = String(buffer: PageDecorator.decorate(page, problems: [], generation: "g1"))
        #expect(out == "<html><body><p>&lt;/body&gt;</p><script src=\"/__haven/reload.js\" data-haven-generation=\"g1\"></script>\n</BODY>\n</html>\n")
    }

    @Test func pageWithoutBodyGetsItAtTheEnd() {
        let out = String(buffer: PageDecorator.decorate(ByteBuffer(string: "<p>hi"), problems: [], generation: "g"))
        #expect(out.hasPrefix("<p>hi<script src=\"/__haven/reload.js\""))
    }

    @Test func overlayListsEscapedProblems() {
        let line = "Content/a.md:3:1: error: title is <missing> [missing-title]\n"
        let out = String(buffer: PageDecorator.decorate(ByteBuffer(string: "<body></body>"), problems: [line], generation: "g"))
        #expect(out.contains("<link rel=\"stylesheet\" href=\"/__haven/overlay.css\">"))
        #expect(out.contains("id=\"haven-overlay\""))
        #expect(out.contains("Content/a.md:3:1: error: title is &lt;missing&gt; [missing-title]</li>"))
        #expect(!out.contains("style="))
        #expect(!out.contains("<script>"))
    }
}
