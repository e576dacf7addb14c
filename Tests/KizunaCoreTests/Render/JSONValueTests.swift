import Foundation
import Testing
@testable import KizunaCore

@Suite struct JSONValueTests {
    @Test func writesCompactSortedJSONThatParses() throws {
        let value = JSONValue.object([
            "b": .int(1), "a": .array([.bool(true), .string("妊娠\"\\\n\u{1}")]), "C": .string("🍎"),
        ])
        let text = String(decoding: value.bytes, as: UTF8.self)
        #expect(text == #"{"C":"🍎","a":[true,"妊娠\"\\\n\u0001"],"b":1}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(value.bytes)) as? [String: Any]
        #expect((parsed?["a"] as? [Any])?.last as? String == "妊娠\"\\\n\u{1}")
    }
}
