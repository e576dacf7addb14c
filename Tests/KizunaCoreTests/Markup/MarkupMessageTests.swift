import Testing
import Yams
@testable import KizunaCore

@Suite struct MarkupMessageTests {
    @Test func libxmlMessagesAreRephrasedForEditors() {
        #expect(
            InlineMarkupParser.readable("Opening and ending tag mismatch: em line 3 and t").en == "<em> is not closed")
        #expect(
            InlineMarkupParser.readable("Opening and ending tag mismatch: em line 1 and a").en
                == "</a> does not close <em>")
        #expect(
            InlineMarkupParser.readable("EntityRef: expecting ';'").en
                == "'&' starts no character reference here (EntityRef: expecting ';')")
        #expect(InlineMarkupParser.readable("Opening and ending tag mismatch: em line 3 and t").ja == "<em> が閉じられていません")
        #expect(
            InlineMarkupParser.readable("Opening and ending tag mismatch: em line 1 and a").ja
                == "</a> では <em> を閉じられません")
        #expect(
            InlineMarkupParser.readable("EntityRef: expecting ';'").ja
                == "「&」の後ろが文字参照になっていません。「&」そのものは '&amp;' と書いてください")
        // A message with no rephrasing is quoted in English only; the Japanese one says what to check.
        let unknown = InlineMarkupParser.readable("Some new libxml2 problem")
        #expect(unknown.en == "\"Some new libxml2 problem\"")
        #expect(!unknown.ja.contains("libxml2") && !unknown.ja.contains("problem"))
    }
}
