extension RuleID {
    public static let styleRepeatedConjunction = RuleID("style-repeated-conjunction")
}

/// `style-repeated-conjunction`: two consecutive sentences of a text opening with the same conjunction
/// (「しかし、…。しかし、…。」), which reads as if the writer lost the thread; textlint's no-doubled-conjunction.
/// A conjunction is an opening word from the list below followed by 、 or by a character that is not hiragana, so
/// that 「またの機会」 or 「なおさら」 are not taken for one. Reported at the second, with a note at the first.
struct RepeatedConjunctionRule: StyleRule {
    static let description = RuleDescription(
        .styleRepeatedConjunction, .warning, en: "Consecutive sentences opening with the same conjunction (しかし…しかし)",
        ja: "同じ接続詞で始まる連続した文（しかし…しかし）", styleOptions: [])
    let proseOnly = true

    /// Longest first, so that ただし is not read as ただ.
    static let conjunctions: [[Unicode.Scalar]] = [
        "しかし", "また", "さらに", "そして", "それから", "ただし", "ただ", "なお", "でも", "ですが", "ところが", "けれども",
        "だから", "ですから", "そのため", "したがって", "つまり", "すなわち", "一方", "それでも", "それに", "まず", "次に",
        "例えば", "たとえば", "特に", "とくに", "もちろん", "実は",
    ].sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }.map { Array($0.unicodeScalars) }

    /// The conjunction opening the sentence at `range`, if any.
    static func opening(_ c: [Unicode.Scalar], _ range: Range<Int>) -> [Unicode.Scalar]? {
        conjunctions.first { word in
            guard c[range].starts(with: word) else { return false }
            let next = range.lowerBound + word.count
            return next < range.upperBound && (c[next] == "、" || !(0x3041...0x309F).contains(c[next].value))
        }
    }

    func check(
        _ texts: [ProseText], configuration: StyleConfiguration, severity: Severity,
        into diagnostics: inout [Diagnostic]
    ) {
        for text in texts {
            var previous: (word: [Unicode.Scalar], at: Int)?
            for sentence in text.sentences {
                let word = Self.opening(text.characters, sentence.range)
                if let word, let previous, previous.word == word {
                    let written = String(String.UnicodeScalarView(word))
                    diagnostics.append(
                        Diagnostic(
                            id, severity, at: text.location(at: sentence.range.lowerBound),
                            en: "this sentence opens with 「\(written)」 like the one before: change or drop one",
                            ja: "前の文と同じ接続詞「\(written)」で始まっています。どちらかを言い換えるか、削ってください",
                            notes: [
                                DiagnosticNote(
                                    en: "the first 「\(written)」 is here", ja: "1つ目の「\(written)」はここです",
                                    at: text.location(at: previous.at))
                            ]))
                }
                previous = word.map { ($0, sentence.range.lowerBound) }
            }
        }
    }
}
