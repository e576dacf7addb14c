import Foundation
import Testing
@testable import KizunaCore

/// The build checks LINE's limits on the payloads it writes, and finds exactly what `validate` finds.
@Suite struct PayloadLimitsInBuildTests {
    @Test func buildFindsTheSameLimitErrorsAsValidate() throws {
        var files = try ContentFixtures.read(Paths.fixtures.appendingPathComponent("golden"))
        let long = String(repeating: "赤ちゃんのペースに合わせて、ゆっくり過ごしましょう。", count: 3000)
        let original = ContentFixtures.text("manuscripts/childcare/0045.yaml", in: files)
        let oversized = original.replacingOccurrences(of: "      たくさん話しかけてあげましょう。", with: "      " + long)
        #expect(oversized != original)
        files = ContentFixtures.replacing("manuscripts/childcare/0045.yaml", in: files, with: oversized)

        let full = Validator().validate(files)
        let expected = full.diagnostics.filter { $0.rule == .lineMessageCount }
        #expect(expected.count == 1)
        #expect(full.content == nil)

        let contentOnly = Validator().validate(files, checkingPayloads: false)
        let content = try #require(contentOnly.content, "without payload checks the content itself is valid")
        let output = EditionBuilder(content: content, templates: try .repository()).build(
            try #require(content.edition("sakuragaoka")))
        #expect(output.diagnostics == expected)
        #expect(output.diagnostics.hasErrors)
    }

    @Test func renderedPayloadEmbedsTheMeasuredBubble() throws {
        let report = Validator().validate(try ContentFixtures.read(Paths.fixtures.appendingPathComponent("golden")))
        let content = try #require(report.content)
        let edition = try #require(content.edition("sakuragaoka"))
        for message in content.compiler.messages(for: edition) {
            let payload = FlexRenderer().payload(for: message)
            #expect(payload.bytes == FlexRenderer().request(for: message).json.bytes + [0x0A])
            #expect(payload.bubbles == FlexRenderer().request(for: message).messages.map(\.contents.json.bytes))
        }
    }
}
