/// `style-fullwidth-alphanumeric`: letters and digits are half-width (ＡＢＣ１２３ → ABC123).
struct FullwidthAlphanumericRule: StyleRule {
    let id = RuleID.styleFullwidthAlphanumeric
    let proseOnly = false

    static func isFullwidthAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        (0xFF10...0xFF19).contains(c.value) || (0xFF21...0xFF3A).contains(c.value) || (0xFF41...0xFF5A).contains(c.value)
    }

    func check(_ texts: [ProseText], configuration: StyleConfiguration, severity: Severity, into diagnostics: inout [Diagnostic]) {
        for text in texts {
            for start in runStarts(in: text, where: Self.isFullwidthAlphanumeric) {
                diagnostics.append(Diagnostic(id, severity, at: text.location(at: start),
                    "full-width letters or digits: write them half-width"))
            }
        }
    }
}
