import Foundation
import Testing
@testable import HavenKit

@Suite struct JSONValueTests {
    @Test func stringsAreSafeInsideAScriptElement() throws {
        let text = "a</script><b>&\"\\\n\t\u{01}\u{2028}\u{2029}é👩🏽‍⚕️"
        let json = JSONValue.array([.string(text)]).serialized()
        #expect(json == #"["a\u003c/script\u003e\u003cb\u003e\u0026\"\\\n\t\u0001\u2028\u2029é👩🏽‍⚕️"]"#)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        #expect(decoded == [text])
    }

    @Test func objectsKeepKeyOrderAndDropNil() {
        let value = JSONValue.object([("b", .number(1)), ("a", nil), ("c", .bool(true)), ("d", .null)] as [(String, JSONValue?)])
        #expect(value.serialized() == #"{"b":1,"c":true,"d":null}"#)
    }

    @Test func prettyOutputIndentsByTwoSpaces() {
        let value = JSONValue.object([("a", .array([.number(1.5), .string("x"), .array([]), .object([])])),
                                      ("b", .object([("c", .bool(false))]))])
        #expect(value.serialized(pretty: true) == """
            {
              "a": [
                1.5,
                "x",
                [],
                {}
              ],
              "b": {
                "c": false
              }
            }
            """)
        #expect(value.serialized() == #"{"a":[1.5,"x",[],{}],"b":{"c":false}}"#)
    }
}
