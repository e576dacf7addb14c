extension RuleID {
    public static let styleFullwidthAlphanumeric = RuleID("style-fullwidth-alphanumeric")
}

/// `style-fullwidth-alphanumeric`: letters and digits are half-width (ＡＢＣ１２３ → ABC123).
struct FullwidthAlphanumericRule: StyleRule {
    static let description = RuleDescription(
        .styleFullwidthAlphanumeric, .error, en: "Full-width letters and digits", ja: "全角の英数字", styleOptions: [])
    let proseOnly = false

    static func isFullwidthAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        (0xFF10...0xFF19).contains(c.value) || (0xFF21...0xFF3A).contains(c.value)
            || (0xFF41...0xFF5A).contains(c.value)
    }

    func check(
        _ texts: [ProseText], configuration: StyleConfiguration, severity: Severity,
        into diagnostics: inout [Diagnostic]
    ) {
        for text in texts {
            for run in runs(in: text, where: Self.isFullwidthAlphanumeric) {
                let halfWidth = text.string(run).nfkc
                diagnostics.append(
                    Diagnostic(
                        id, severity, at: text.location(at: run.lowerBound),
                        en: "full-width letters or digits: write them half-width",
                        ja: "全角の英数字です。半角で書いてください",
                        fixIt: text.fixIt(
                            run, replacement: halfWidth,
                            message: LocalizedText(en: "replace with 「\(halfWidth)」", ja: "「\(halfWidth)」に置き換える"))))
            }
        }
    }
}
