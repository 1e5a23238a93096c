@testable import HavenServer
import Testing

@Suite("Host header check (DNS rebinding)")
struct HostGuardTests {
    private func guardFor(_ host: String, port: Int = 8000) -> HostGuard {
        let listening = ListeningPort()
        listening.set(port)
        return HostGuard(boundHost: host, port: listening)
    }

    @Test func loopbackNamesWithThePort() {
        let hosts = guardFor("127.0.0.1")
        for ok in ["127.0.0.1:8000", "localhost:8000", "LOCALHOST:8000", "[::1]:8000"] {
            #expect(hosts.allows(ok), "\(ok)")
        }
        for refused in ["evil.example:8000", "127.0.0.1:8001", "127.0.0.1", "localhost", "127.0.0.1.evil.example:8000",
                        "localhost.:8000", "", "127.0.0.1:", "127.0.0.1:80x", "[::1", "192.168.1.2:8000"] {
            #expect(!hosts.allows(refused), "\(refused)")
        }
        #expect(!hosts.allows(nil))
    }

    @Test func portEightyMayBeOmitted() {
        let hosts = guardFor("127.0.0.1", port: 80)
        #expect(hosts.allows("localhost"))
        #expect(hosts.allows("127.0.0.1:80"))
    }

    @Test func theHostOptionIsAccepted() {
        let named = guardFor("preview.test")
        #expect(named.allows("preview.test:8000"))
        #expect(!named.allows("other.test:8000"))
        let everywhere = guardFor("0.0.0.0")
        #expect(everywhere.allows("192.168.1.20:8000"))
        #expect(everywhere.allows("[fe80::1]:8000"))
        #expect(!everywhere.allows("rebind.attacker.example:8000"))
        #expect(guardFor("::1").allows("[::1]:8000"))
    }

    @Test func unboundServerRefusesEverything() {
        #expect(!HostGuard(boundHost: "127.0.0.1", port: ListeningPort()).allows("127.0.0.1:8000"))
    }
}
