extension RuleID {
    public static let styleUnmatchedBracket = RuleID("style-unmatched-bracket")
}

/// `style-unmatched-bracket`: an opening bracket or quote (「『（【) with no closing one in the same text, or a
/// closing one with nothing open; textlint's no-unmatched-pair. A text is read whole, so a quotation may run over
/// sentences and lines. An opening bracket left open is reported at itself, a closing one at itself.
struct UnmatchedBracketRule: StyleRule {
    static let description = RuleDescription(
        .styleUnmatchedBracket, .error, en: "A bracket or quote (「」『』（）【】) that is not closed or not opened",
        ja: "閉じていない、または開いていないかっこ（「」『』（）【】）", styleOptions: [])
    let proseOnly = false

    static let pairs: [Unicode.Scalar: Unicode.Scalar] = ["「": "」", "『": "』", "（": "）", "【": "】"]
    static let openers: [Unicode.Scalar: Unicode.Scalar] = Dictionary(
        uniqueKeysWithValues: pairs.map { ($0.value, $0.key) })

    func check(
        _ texts: [ProseText], configuration: StyleConfiguration, severity: Severity,
        into diagnostics: inout [Diagnostic]
    ) {
        for text in texts {
            var open: [(bracket: Unicode.Scalar, at: Int)] = []
            for (i, c) in text.characters.enumerated() {
                if Self.pairs[c] != nil {
                    open.append((c, i))
                } else if let opener = Self.openers[c] {
                    if let last = open.lastIndex(where: { $0.bracket == opener }) {
                        // Brackets opened inside and never closed are reported at the end, with the others.
                        let inner = open[(last + 1)...]
                        open.removeSubrange(last...)
                        open += inner
                    } else {
                        diagnostics.append(
                            Diagnostic(
                                id, severity, at: text.location(at: i),
                                en:
                                    "「\(c)」 closes a 「\(opener)」 that was never opened: add the 「\(opener)」 or delete this",
                                ja: "「\(c)」に対応する「\(opener)」がありません。「\(opener)」を補うか、「\(c)」を削除してください"))
                    }
                }
            }
            for (bracket, i) in open {
                let closer = Self.pairs[bracket]!
                diagnostics.append(
                    Diagnostic(
                        id, severity, at: text.location(at: i),
                        en: "「\(bracket)」 is never closed: add the 「\(closer)」 or delete this",
                        ja: "「\(bracket)」が閉じられていません。「\(closer)」を補うか、「\(bracket)」を削除してください"))
            }
        }
    }
}
