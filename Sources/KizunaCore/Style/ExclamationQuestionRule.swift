extension RuleID {
    public static let styleExclamationQuestion = RuleID("style-exclamation-question")
}

/// `style-exclamation-question`: ！ and ？ (and ! ? outside URLs), which an organisation may keep out of messages
/// for a calm tone; textlint's no-exclamation-question-mark. Both are allowed by default (`allow_exclamation`,
/// `allow_question`: true), so the rule reports only what `style.yaml` disallows.
struct ExclamationQuestionRule: StyleRule {
    static let description = RuleDescription(
        .styleExclamationQuestion, .error,
        en: "！ or ？ where style.yaml disallows it (`allow_exclamation`, `allow_question`)",
        ja: "style.yaml で使わないとした ！ や ？（`allow_exclamation`、`allow_question`）",
        styleOptions: ["allow_exclamation", "allow_question"])
    let proseOnly = false

    func check(
        _ texts: [ProseText], configuration: StyleConfiguration, severity: Severity,
        into diagnostics: inout [Diagnostic]
    ) {
        let exclamation = !configuration.allowsExclamation(id)
        let question = !configuration.allowsQuestion(id)
        guard exclamation || question else { return }
        for text in texts {
            let c = text.characters
            guard c.contains(where: { "！？!?".unicodeScalars.contains($0) }) else { continue }
            let urls = text.nonProseRanges
            for (i, mark) in c.enumerated() where !urls.contains(where: { $0.contains(i) }) {
                if exclamation && (mark == "！" || mark == "!") {
                    diagnostics.append(
                        Diagnostic(
                            id, severity, at: text.location(at: i),
                            en: "「\(mark)」 is not used in these messages (style.yaml): end the sentence with 「。」",
                            ja: "「\(mark)」は使わない設定です（style.yaml）。「。」で終えてください"))
                } else if question && (mark == "？" || mark == "?") {
                    diagnostics.append(
                        Diagnostic(
                            id, severity, at: text.location(at: i),
                            en: "「\(mark)」 is not used in these messages (style.yaml): rephrase, ending with 「。」",
                            ja: "「\(mark)」は使わない設定です（style.yaml）。「。」で終わる文に言い換えてください"))
                }
            }
        }
    }
}
