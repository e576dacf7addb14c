import Testing
@testable import KizunaCore

@Suite struct TermDictionaryTests {
    @Test func allowlistedCompoundsAreNeverMatchedInside() {
        let dictionary = TermDictionary(entries: [.init(expected: "健診", patterns: ["検診"])], allow: ["子宮頸がん検診"])
        let text = Array("子宮頸がん検診と4か月児検診".unicodeScalars)
        #expect(dictionary.matches(in: text).map(\.offset) == [12])
    }

    @Test func aFailingSelfTestUnloadsTheDictionary() throws {
        let yaml = "terms:\n  - expected: 健診\n    patterns: [検診]\n    tests:\n      ok: [4か月児検診です。]\n"
        var diagnostics: [Diagnostic] = []
        let document = try #require(
            YAMLDocumentLoader().load(SourceFile(path: "content/terms.yaml", text: yaml), into: &diagnostics))
        let dictionary = TermDictionaryLoader().load(document, into: &diagnostics)
        #expect(dictionary.entries.isEmpty)
        #expect(diagnostics.map(\.rule) == [.termsSelfTest])
        #expect(
            diagnostics.first?.location == KizunaCore.SourceLocation(file: "content/terms.yaml", line: 5, column: 12))
    }
}
