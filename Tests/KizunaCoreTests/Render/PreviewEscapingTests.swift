import Foundation
import Testing
@testable import KizunaCore

@Suite struct PreviewEscapingTests {
    /// Text fields that are not markup (titles, headings, names) reach the preview only escaped.
    @Test func hostileTextRendersInert() throws {
        var files = try ContentFixtures.read(Paths.fixtures.appendingPathComponent("golden"))
        var manuscript = ContentFixtures.text("manuscripts/childcare/0045.yaml", in: files)
        manuscript = manuscript.replacingOccurrences(
            of: "title: じっと見つめる目", with: #"title: "<script>alert(1)</script><img src=x onerror=alert(2)>""#)
        manuscript = manuscript.replacingOccurrences(
            of: "heading: 赤ちゃんのようす", with: #"heading: "</script><a href='javascript:alert(3)'>x</a>""#)
        files = ContentFixtures.replacing("manuscripts/childcare/0045.yaml", in: files, with: manuscript)
        let report = Validator().validate(files)
        let content = try #require(report.content, "\(DiagnosticFormatter.text(report.diagnostics))")
        let output = EditionBuilder(content: content, templates: try .repository()).build(
            try #require(content.edition("sakuragaoka")))
        for path in ["sakuragaoka/preview/childcare/0045.html", "sakuragaoka/preview/index.html"] {
            let html = String(decoding: try #require(output.files.first { $0.path == path }).bytes, as: UTF8.self)
            #expect(!html.contains("<script"), "\(path) has a live <script>")
            #expect(!html.contains("<img"), "\(path) has a live <img>")
            // The payload's JSON on the day page keeps the text's quotes, escaped for element content: outside it the
            // attribute never appears, inside it no tag can open, and nowhere is javascript: inside a tag.
            let parts = html.components(separatedBy: #"<pre class="payload">"#)
            let afterPre = parts.count == 2 ? parts[1].components(separatedBy: "</pre>") : []
            let payloadBlock = afterPre.first ?? ""
            let outside = parts[0] + afterPre.dropFirst().joined(separator: "</pre>")
            #expect(!outside.contains("href='javascript"), "\(path) has a live javascript: link")
            #expect(!payloadBlock.contains("<"), "\(path): a tag opens inside the payload block")
            #expect(
                html.range(of: #"<[^<>]*javascript:"#, options: .regularExpression) == nil,
                "\(path) has a live javascript: link")
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(html.contains("Content-Security-Policy"))
        }
    }

    /// The day page shows the LINE payload as JSON text: a title that tries to end the element stays text.
    @Test func embeddedPayloadCannotCloseItsElement() throws {
        var files = try ContentFixtures.read(Paths.fixtures.appendingPathComponent("golden"))
        var manuscript = ContentFixtures.text("manuscripts/childcare/0045.yaml", in: files)
        manuscript = manuscript.replacingOccurrences(
            of: "title: じっと見つめる目", with: #"title: "</pre></details></dd><script>alert(1)</script>""#)
        files = ContentFixtures.replacing("manuscripts/childcare/0045.yaml", in: files, with: manuscript)
        let report = Validator().validate(files)
        let content = try #require(report.content, "\(DiagnosticFormatter.text(report.diagnostics))")
        let output = EditionBuilder(content: content, templates: try .repository()).build(
            try #require(content.edition("sakuragaoka")))
        let html = String(
            decoding: try #require(output.files.first { $0.path == "sakuragaoka/preview/childcare/0045.html" }).bytes,
            as: UTF8.self)
        #expect(html.components(separatedBy: "</pre>").count == 2, "exactly one </pre>: the payload's own")
        #expect(!html.contains("<script"))
        let payload = try #require(output.files.first { $0.path == "sakuragaoka/line/childcare/0045.json" }).bytes
        #expect(html.contains(HTMLText.escapeElementText(String(decoding: payload.dropLast(), as: UTF8.self))))
    }

    /// The payload's escape for element content matches a character-by-character one at every offset of its
    /// eight-byte words, Japanese text included, and leaves quotes alone.
    @Test func elementTextEscapeMatchesACharacterByCharacterOne() {
        func reference(_ s: String) -> String {
            s.map { c -> String in
                switch c {
                case "&": "&amp;"
                case "<": "&lt;"
                case ">": "&gt;"
                default: String(c)
                }
            }.joined()
        }
        #expect(HTMLText.escapeElementText(#"{"text":"</pre><b>&'"}"#) == #"{"text":"&lt;/pre&gt;&lt;b&gt;&amp;'"}"#)
        // Every special character at every byte offset of a text mixing one-, three- and four-byte characters,
        // alone and followed by a second one 1 to 9 bytes later.
        let text = Array("ab生まれて45日目\u{1F476}\"x'yz")
        for special in ["&", "<", ">"] {
            for at in 0...text.count {
                var one = text
                one.insert(Character(special), at: at)
                #expect(HTMLText.escapeElementText(String(one)) == reference(String(one)), "\(String(one))")
                for gap in 1...9 where at + gap <= one.count {
                    var two = one
                    two.insert("<", at: at + gap)
                    #expect(HTMLText.escapeElementText(String(two)) == reference(String(two)), "\(String(two))")
                }
            }
        }
        #expect(HTMLText.escapeElementText("") == "")
    }

    @Test func htmlTextEscapesAndMarksTheNickname() {
        #expect(HTMLText.escape(#"<a href="x">&'"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
        #expect(
            HTMLText.inline("{nickname}さん\n<b>")
                == #"<span class="nickname" title="{nickname}">ニックネーム</span>さん<br>&lt;b&gt;"#)
    }
}
