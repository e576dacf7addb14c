import Foundation
import Testing
@testable import KizunaCore

/// The payloads, previews and manifest of a small edition, compared byte for byte with golden files.
@Suite struct GoldenTests {
    static func buildGolden() throws -> EditionOutput {
        let files = try ContentFixtures.read(Paths.fixtures.appendingPathComponent("golden"))
        let report = Validator().validate(files)
        #expect(report.diagnostics.isEmpty, "\(DiagnosticFormatter.text(report.diagnostics))")
        let content = try #require(report.content)
        let builder = EditionBuilder(content: content, templates: try .repository())
        return builder.build(try #require(content.edition("sakuragaoka")))
    }

    @Test(
        "golden payloads, previews and manifest for days of both series",
        arguments: [
            "sakuragaoka/line/maternity/20w0d.json", "sakuragaoka/line/childcare/0014.json",
            "sakuragaoka/line/childcare/0045.json", "sakuragaoka/line/childcare/0100.json",
            "sakuragaoka/line/childcare/0366.json", "sakuragaoka/preview/childcare/0366.html",
            "sakuragaoka/preview/maternity/20w0d.html", "sakuragaoka/preview/childcare/0014.html",
            "sakuragaoka/preview/childcare/0100.html", "sakuragaoka/preview/index.html",
            "sakuragaoka/preview/coverage.html", "sakuragaoka/manifest.json", "sakuragaoka/card/index.html",
        ])
    func golden(path: String) throws {
        let output = try Self.buildGolden()
        let file = try #require(output.files.first { $0.path == path }, "no output file \(path)")
        assertSnapshot(file.bytes, named: "golden/" + path)
    }

    @Test func goldenEditionHasExactlyTheExpectedFiles() throws {
        let paths = try Self.buildGolden().files.map(\.path).sorted()
        #expect(
            paths == [
                "sakuragaoka/card/index.html",
                "sakuragaoka/line/childcare/0014.json", "sakuragaoka/line/childcare/0045.json",
                "sakuragaoka/line/childcare/0100.json", "sakuragaoka/line/childcare/0366.json",
                "sakuragaoka/line/maternity/20w0d.json",
                "sakuragaoka/manifest.json",
                "sakuragaoka/preview/childcare/0014.html", "sakuragaoka/preview/childcare/0045.html",
                "sakuragaoka/preview/childcare/0100.html", "sakuragaoka/preview/childcare/0366.html",
                "sakuragaoka/preview/coverage.html", "sakuragaoka/preview/index.html",
                "sakuragaoka/preview/maternity/20w0d.html",
            ])
    }

    @Test func payloadCarriesInsertButtonsTelActionDisclaimerAndFooter() throws {
        let output = try Self.buildGolden()
        let file = try #require(output.files.first { $0.path == "sakuragaoka/line/childcare/0100.json" })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(file.bytes)) as? [String: Any])
        let messages = try #require(json["messages"] as? [[String: Any]])
        #expect(messages.count == 1)
        let alt = try #require(messages[0]["altText"] as? String)
        #expect(alt.hasPrefix("{nickname}さん、赤ちゃんが生まれて100日目です。"))
        let text = String(decoding: file.bytes, as: UTF8.self)
        #expect(text.contains(#""label":"詳しくはこちら""#))
        #expect(text.contains(#""uri":"tel:0001234580""#))
        #expect(text.contains(#""uri":"https://example.jp/sakuragaoka/kizuna/settings""#))
        #expect(text.contains("※赤ちゃんとママの状態はあくまで一般的なものであり、個人差があります。"))
        #expect(text.contains(#""label":"アンケートに答える""#))
        #expect(text.contains(#""text":"生まれて100日目""#))
    }
}
