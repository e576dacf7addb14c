/// `style-halfwidth-kana`: no half-width katakana (ｶﾀｶﾅ); reported at the first character of each run.
struct HalfwidthKanaRule: StyleRule {
    let id = RuleID.styleHalfwidthKana
    let proseOnly = false

    func check(_ texts: [ProseText], configuration: StyleConfiguration, severity: Severity, into diagnostics: inout [Diagnostic]) {
        for text in texts {
            for start in runStarts(in: text, where: { (0xFF61...0xFF9F).contains($0.value) }) {
                diagnostics.append(Diagnostic(id, severity, at: text.location(at: start),
                    "half-width katakana: write it in full-width katakana"))
            }
        }
    }
}

/// Indices where a run of characters matching `test` starts.
func runStarts(in text: ProseText, where test: (Unicode.Scalar) -> Bool) -> [Int] {
    text.characters.indices.filter { test(text.characters[$0]) && ($0 == 0 || !test(text.characters[$0 - 1])) }
}
