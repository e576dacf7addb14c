import Testing
@testable import KizunaCore

/// What the style rules must leave alone (the triggering cases are fixtures under Fixtures/diagnostics/style-*).
@Suite struct StyleRuleTests {
    func diagnostics(_ lines: [String], style: StyleConfiguration = StyleConfiguration()) -> [Diagnostic] {
        let text = LocatedText(lines.joined(separator: "\n"), at: SourceLocation(file: "t.yaml", line: 1, column: 1))
        var found: [Diagnostic] = []
        for rule in styleRules {
            guard let severity = style.severity(rule.id) else { continue }
            rule.check([ProseText(text)], configuration: style, severity: severity, into: &found)
        }
        return found
    }

    @Test func politeEndingsBracketsAndExclamationsPass() {
        #expect(
            diagnostics([
                "ゆっくり休んでください。", "気になることがあれば相談しましょう！", "「大丈夫かな？」と思ったら、電話してみませんか。",
                "赤ちゃんのペースでいいのです。", "<em>ひとりで抱えこまないで</em>くださいね。",
            ]).isEmpty)
    }

    @Test func plainStyleAloneIsConsistentAndNotReported() {
        #expect(diagnostics(["赤ちゃんはよく眠るのである。", "それが成長だ。"]).filter { $0.rule == .styleDesuMasu }.isEmpty)
    }

    @Test func threeCommasAndAURLInsideTheLimitPass() {
        let url = "https://example.jp/" + String(repeating: "a", count: 200)
        #expect(diagnostics(["朝、昼、夕方、それぞれ授乳します。", "詳しくは \(url) をご覧ください。"]).isEmpty)
    }

    @Test func entitiesAndMarkupAreNotText() {
        #expect(diagnostics(["ミルク&amp;母乳の<a href=\"https://example.jp/x\">相談</a>もできます。"]).isEmpty)
    }

    @Test func settingsChangeSeverityLimitsAndTurnRulesOff() {
        var style = StyleConfiguration()
        style.settings[.styleCommaCount] = .init(severity: .warning, max: 1)
        style.settings[.styleSentenceEnd] = .init(severity: nil, max: nil)
        let found = diagnostics(["朝、昼、夕方に授乳します", "おやすみなさい"], style: style)
        #expect(found.map(\.rule) == [.styleCommaCount])
        #expect(found.first?.severity == .warning)
    }
}
