@testable import HavenServer
import Testing

@Suite("Which file changes trigger a rebuild")
struct WatchScopeTests {
    @Test(arguments: ["haven.yml", "Content/articles/grief.md", "Content/_data/reviewers.yml", "Templates/layout.mustache",
                      "Templates/assets/haven.css", "Content", "Content/media/photo.png"])
    func matters(path: String) {
        #expect(WatchScope.matters(path))
    }

    @Test(arguments: ["Public/index.html", "README.md", ".git/index", "Content/articles/.grief.md.swp", "Content/articles/grief.md~",
                      "Content/articles/4913", "Content/articles/.#grief.md", "Content/articles/#grief.md#",
                      "Content/articles/.grief.md.tmp.1234", "Templates/layout.mustache___jb_tmp___", "haven.yml.bak",
                      ".haven.yml.swp", "Content/articles/sedAb12Cd", "Content/.grief.md.kate-swp"])
    func ignored(path: String) {
        #expect(!WatchScope.matters(path))
    }
}
