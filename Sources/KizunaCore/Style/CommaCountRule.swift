extension RuleID {
    public static let styleCommaCount = RuleID("style-comma-count")
}

/// `style-comma-count`: at most `max` 読点 (、) in a sentence (default 3); reported at the first one too many.
struct CommaCountRule: StyleRule {
    static let description = RuleDescription(
        .styleCommaCount, .error, en: "A sentence with too many 読点 (、)", ja: "読点（、）の多すぎる文", styleOptions: ["max"])
    let proseOnly = true

    func check(
        _ texts: [ProseText], configuration: StyleConfiguration, severity: Severity,
        into diagnostics: inout [Diagnostic]
    ) {
        let max = configuration.max(id, default: 3)
        for text in texts {
            for sentence in text.sentences {
                let commas = sentence.range.filter { text.characters[$0] == "、" }
                if commas.count > max {
                    diagnostics.append(
                        Diagnostic(
                            id, severity, at: text.location(at: commas[max]),
                            en:
                                "this sentence has \(commas.count) 読点 (、); "
                                + "at most \(max) keep it easy to follow: split the sentence",
                            ja: "この文には読点（、）が\(commas.count)個あります。読みやすさのため\(max)個までにして、文を分けてください"))
                }
            }
        }
    }
}
