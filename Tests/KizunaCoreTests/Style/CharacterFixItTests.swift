import Testing
import Yams
@testable import KizunaCore

/// The fix-its the character rules attach, which `kizuna fix` applies.
@Suite struct CharacterFixItTests {
    func fixIts(_ text: String) -> [String: String] {
        var found: [Diagnostic] = []
        for rule in styleRules {
            rule.check(
                [ProseText(LocatedText(text, at: SourceLocation(file: "t.yaml", line: 1, column: 1)))],
                configuration: StyleConfiguration(), severity: .error, into: &found)
        }
        return Dictionary(
            found.compactMap { d in d.fixIt.map { (d.rule.rawValue, $0.replacement) } },
            uniquingKeysWith: { a, b in a + "|" + b })
    }

    @Test func halfWidthKanaBecomesFullWidthWithVoicingComposed() {
        #expect(fixIts("ﾍﾞﾋﾞｰｶｰで出かけましょう。")["style-halfwidth-kana"] == "ベビーカー")
        #expect(fixIts("ﾊﾟﾊﾟと一緒です。")["style-halfwidth-kana"] == "パパ")
    }

    @Test func fullWidthLettersAndDigitsBecomeHalfWidth() {
        #expect(fixIts("生後３か月のＢＣＧです。")["style-fullwidth-alphanumeric"] == "3|BCG")
    }

    @Test func decomposedTextIsComposedAndZeroWidthSpacesDeleted() {
        #expect(fixIts("か\u{3099}んばりましょう。")["style-invisible-character"] == "が")
        #expect(fixIts("ゆっくり\u{200B}休みましょう。")["style-invisible-character"] == "")
    }

    @Test func joinersInsideEmojiAreLeftAlone() {
        var found: [Diagnostic] = []
        InvisibleCharacterRule().check(
            [
                ProseText(
                    LocatedText(
                        "家族で👨\u{200D}👩\u{200D}👧楽しみましょう。", at: SourceLocation(file: "t.yaml", line: 1, column: 1)))
            ],
            configuration: StyleConfiguration(), severity: .error, into: &found)
        #expect(found.isEmpty)
    }
}
