extension RuleID {
    public static let styleTerminology = RuleID("style-terminology")
}

/// `style-terminology`: the dictionary's wrong forms are reported with a fix-it to the expected term.
struct TerminologyRule: StyleRule {
    static let description = RuleDescription(
        .styleTerminology, .error, en: "A wrong form from the terminology dictionary (terms.yaml)",
        ja: "用語辞書（terms.yaml）で言い換えを指定した表記", styleOptions: [])
    let proseOnly = false
    let dictionary: TermDictionary

    func check(
        _ texts: [ProseText], configuration: StyleConfiguration, severity: Severity,
        into diagnostics: inout [Diagnostic]
    ) {
        for text in texts {
            for match in dictionary.matches(in: text.characters) {
                let range = match.offset..<(match.offset + match.length)
                let found = text.string(range)
                let expected = match.entry.expected
                diagnostics.append(
                    Diagnostic(
                        id, severity, at: text.location(at: match.offset),
                        en: "write 「\(expected)」, not 「\(found)」", ja: "「\(found)」ではなく「\(expected)」と書きます",
                        fixIt: text.fixIt(
                            range, replacement: expected,
                            message: LocalizedText(en: "replace with 「\(expected)」", ja: "「\(expected)」に置き換える"))))
            }
        }
    }
}
