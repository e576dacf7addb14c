extension RuleID {
    public static let styleGaTwice = RuleID("style-ga-twice")
}

/// `style-ga-twice`: the conjunctive が (逆接の「が」, 「…ですが、…」) twice in one sentence, which makes the reader
/// lose which way the sentence turns; textlint's no-doubled-conjunctive-particle-ga. The が that marks a subject
/// (「赤ちゃんが、」) looks the same, so the particle's kind comes from MeCab's dictionary (助詞・接続助詞); without
/// MeCab the rule is skipped. Reported at the second, with a note at the first.
struct ConjunctiveGaRule: StyleRule {
    static let description = RuleDescription(
        .styleGaTwice, .warning, en: "The conjunctive が (…ですが、) twice in one sentence",
        ja: "1つの文の中で2回使われた逆接の「が」（…ですが、）", styleOptions: [], needsMeCab: true)
    let proseOnly = true
    let analyzer: MorphologicalAnalyzer

    func check(
        _ texts: [ProseText], configuration: StyleConfiguration, severity: Severity,
        into diagnostics: inout [Diagnostic]
    ) {
        for text in texts {
            for sentence in text.sentences where text.characters[sentence.range].contains("が") {
                let words = analyzer.words(in: text.string(sentence.range))
                let found = words.filter { $0.surface == "が" && $0.partOfSpeech == "助詞" && $0.subcategory == "接続助詞" }
                guard found.count >= 2 else { continue }
                let first = sentence.range.lowerBound + found[0].range.lowerBound
                for ga in found.dropFirst() {
                    diagnostics.append(
                        Diagnostic(
                            id, severity, at: text.location(at: sentence.range.lowerBound + ga.range.lowerBound),
                            en: "a second 「が」 meaning \"but\" in one sentence: split the sentence",
                            ja: "1つの文に逆接の「が」が2回あります。文を分けてください",
                            notes: [
                                DiagnosticNote(
                                    en: "the first 「が」 is here", ja: "1つ目の「が」はここです", at: text.location(at: first))
                            ]))
                }
            }
        }
    }
}
