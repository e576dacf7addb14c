import Foundation
import Testing
@testable import KizunaCore

@Suite struct DiagnosticFormatterTests {
    static let sample: [Diagnostic] = {
        let at = KizunaCore.SourceLocation(file: "content/manuscripts/maternity/16w0d.yaml", line: 3, column: 1)
        let end = KizunaCore.SourceLocation(file: at.file, line: 3, column: 6)
        return [
            Diagnostic(
                .schemaUnknownKey, at: at, en: "unknown key 'titel' in manuscript; did you mean 'title'?",
                ja: "原稿にキー 'titel' は使えません。'title' の誤りではありませんか",
                fixIt: FixIt(
                    LocalizedText(en: "replace with 'title'", ja: "'title' に置き換える"), start: at, end: end,
                    replacement: "title")),
            Diagnostic(
                .dayKeyDuplicate, at: KizunaCore.SourceLocation(file: "content/b.yaml", line: 2, column: 6),
                en: "day 45, again: 50%\nsee", ja: "45日目がもう一度: 50%\n参照",
                notes: [DiagnosticNote(en: "the other manuscript", ja: "もう1つの原稿", at: at)]),
            Diagnostic(
                .insertUnused, at: KizunaCore.SourceLocation(file: "content/inserts/a,b.yaml", line: 9, column: 3),
                en: "never sent", ja: "配信されません"),
        ]
    }()

    @Test func sarifCarriesRulesLevelsRegionsRelatedLocationsAndFixes() throws {
        let data = Data(DiagnosticFormatter.sarif(Self.sample).bytes)
        let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(
            ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["day-key-duplicate", "insert-unused", "schema-unknown-key"])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["level"] as? String } == ["error", "error", "warning"])
        #expect(results.map { $0["ruleIndex"] as? Int } == [2, 0, 1])
        let region =
            ((((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"])
                as? [String: Any])
        #expect(region?["startLine"] as? Int == 3 && region?["startColumn"] as? Int == 1)
        #expect((results[0]["fixes"] as? [Any])?.count == 1)
        #expect((results[1]["relatedLocations"] as? [Any])?.count == 1)
    }

    @Test func githubAnnotationsEscapeTheirData() {
        let lines = DiagnosticFormatter.github(Self.sample).split(separator: "\n")
        #expect(
            lines[0]
                == """
                ::error file=content/manuscripts/maternity/16w0d.yaml,line=3,col=1,title=schema-unknown-key::\
                unknown key 'titel' in manuscript; did you mean 'title'?
                """
        )
        #expect(
            lines[1] == "::error file=content/b.yaml,line=2,col=6,title=day-key-duplicate::day 45, again: 50%25%0Asee")
        #expect(lines[2] == "::warning file=content/inserts/a%2Cb.yaml,line=9,col=3,title=insert-unused::never sent")
    }
}
