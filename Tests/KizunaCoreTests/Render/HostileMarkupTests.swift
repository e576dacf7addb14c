import Foundation
import Testing
@testable import KizunaCore

@Suite struct HostileMarkupTests {
    /// A javascript: or data: link in text is refused by validation and, even if it were not, never becomes an href.
    @Test func scriptLinksAreRefusedAndRenderInert() throws {
        var files = try ContentFixtures.read(Paths.fixtures.appendingPathComponent("golden"))
        let text = ContentFixtures.text("manuscripts/childcare/0045.yaml", in: files)
        let hostile = text.replacingOccurrences(
            of: "たくさん話しかけてあげましょう。",
            with:
                #"<a href="javascript:alert(1)">ここ</a>と<a href="data:text/html,x">そこ</a>"#
                + #"と&lt;img src=x onerror=alert(1)&gt;"#
        )
        files = ContentFixtures.replacing("manuscripts/childcare/0045.yaml", in: files, with: hostile)
        let report = Validator().validate(files)
        #expect(report.diagnostics.filter { $0.rule == .linkScheme }.count == 2)
        #expect(report.content == nil)

        let manuscript = try #require(report.loadedContent.manuscripts.first { $0.day.value == .dayCount(45) })
        let html = manuscript.sections.map { HTMLText.paragraphs($0.body) }.joined()
        #expect(!html.contains("href=\"javascript"))
        #expect(!html.contains("href=\"data:"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("<img"))
    }
}
