/// `style-comma-count`: at most `max` 読点 (、) in a sentence (default 3); reported at the first one too many.
struct CommaCountRule: StyleRule {
    let id = RuleID.styleCommaCount
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
