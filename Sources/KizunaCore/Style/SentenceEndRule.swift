extension RuleID {
    public static let styleSentenceEnd = RuleID("style-sentence-end")
}

/// `style-sentence-end`: every sentence ends with 「。」 (or ！／？), and 「。。」 is never doubled.
struct SentenceEndRule: StyleRule {
    static let description = RuleDescription(
        .styleSentenceEnd, .error, en: "A sentence not ending in 。, ！ or ？, or a doubled 。",
        ja: "「。」「！」「？」で終わらない文、重なった「。。」", styleOptions: [])
    let proseOnly = true

    func check(
        _ texts: [ProseText], configuration: StyleConfiguration, severity: Severity,
        into diagnostics: inout [Diagnostic]
    ) {
        for text in texts {
            for sentence in text.sentences {
                if !sentence.terminated {
                    diagnostics.append(
                        Diagnostic(
                            id, severity, at: text.location(at: sentence.range.upperBound - 1),
                            en: "this sentence does not end with 「。」",
                            ja: "この文が「。」で終わっていません"))
                    continue
                }
                for i in sentence.range.dropFirst() where text.characters[i] == "。" && text.characters[i - 1] == "。" {
                    diagnostics.append(
                        Diagnostic(id, severity, at: text.location(at: i), en: "「。」 is doubled", ja: "「。」が重なっています"))
                }
            }
        }
    }
}
