extension RuleID {
    public static let styleHalfwidthKana = RuleID("style-halfwidth-kana")
}

/// `style-halfwidth-kana`: no half-width katakana (ｶﾀｶﾅ); reported at the first character of each run.
struct HalfwidthKanaRule: StyleRule {
    static let description = RuleDescription(
        .styleHalfwidthKana, .error, en: "Half-width katakana", ja: "半角カタカナ", styleOptions: [])
    let proseOnly = false

    func check(
        _ texts: [ProseText], configuration: StyleConfiguration, severity: Severity,
        into diagnostics: inout [Diagnostic]
    ) {
        for text in texts {
            for run in runs(in: text, where: { (0xFF61...0xFF9F).contains($0.value) }) {
                let fullWidth = text.string(run).nfkc
                diagnostics.append(
                    Diagnostic(
                        id, severity, at: text.location(at: run.lowerBound),
                        en: "half-width katakana: write it in full-width katakana",
                        ja: "半角カタカナです。全角カタカナで書いてください",
                        fixIt: text.fixIt(
                            run, replacement: fullWidth,
                            message: LocalizedText(en: "replace with 「\(fullWidth)」", ja: "「\(fullWidth)」に置き換える"))))
            }
        }
    }
}

/// The runs of consecutive characters matching `test`.
func runs(in text: ProseText, where test: (Unicode.Scalar) -> Bool) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var i = 0
    while i < text.characters.count {
        guard test(text.characters[i]) else { i += 1; continue }
        var end = i + 1
        while end < text.characters.count, test(text.characters[end]) { end += 1 }
        result.append(i..<end)
        i = end
    }
    return result
}
