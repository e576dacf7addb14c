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
        #expect(InlineMarkupParser.readable("EntityRef: expecting ';'").en == "EntityRef: expecting ';'")
        #expect(InlineMarkupParser.readable("Opening and ending tag mismatch: em line 3 and t").ja == "<em> が閉じられていません")
        #expect(
            InlineMarkupParser.readable("Opening and ending tag mismatch: em line 1 and a").ja
                == "</a> では <em> を閉じられません")
        // A message with no rephrasing passes through as libxml2 wrote it.
        #expect(InlineMarkupParser.readable("EntityRef: expecting ';'").ja == "EntityRef: expecting ';'")
    }
}
