import HavenKit
@testable import HavenServer
import NIOCore
import Testing

/// Pages served early (before a rebuild is done) never outlive the build they came from.
@Suite struct ServedStateTests {
    func snapshot(_ text: String) -> SiteSnapshot {
        SiteSnapshot(files: ["/index.html": ByteBuffer(string: text)], pageCount: 1)
    }

    func served(_ store: ServedStateStore) -> String? {
        store.current.snapshot?.files["/index.html"].map { String(buffer: $0) }
    }

    @Test func anEarlySnapshotIsServedWithoutANewGeneration() {
        let store = ServedStateStore()
        store.update { $0.snapshot = snapshot("good") }
        let token = store.current.token
        store.serveEarly(snapshot("early"))
        #expect(served(store) == "early")
        #expect(store.current.token == token, "open pages reload only when the whole build is applied")
        store.update { $0.snapshot = snapshot("final") }
        #expect(served(store) == "final")
        #expect(store.current.token != token)
    }

    @Test func aBuildThatFailsAfterServingEarlyLeavesTheLastGoodOne() {
        let store = ServedStateStore()
        store.update { $0.snapshot = snapshot("good") }
        store.serveEarly(snapshot("early"))
        store.serveEarly(snapshot("earlier still"))
        store.update { $0.problems = ["Content/x.md:1:1: error: …"] }  // a failed build keeps the snapshot
        #expect(served(store) == "good")
        // While errors are shown, nothing is served early.
        store.serveEarly(snapshot("early again"))
        #expect(served(store) == "good")
    }

    @Test func nothingIsServedEarlyBeforeTheFirstBuild() {
        let store = ServedStateStore()
        store.serveEarly(snapshot("early"))
        #expect(store.current.snapshot == nil)
    }
}
