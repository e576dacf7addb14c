extension RuleID {
    public static let styleDoubledParticle = RuleID("style-doubled-particle")
}

/// `style-doubled-particle`: the same particle は, が, を or に twice in a row in a sentence (「今日は私は」) reads
/// clumsily; with another particle or a 、 between them it reads well, as textlint's no-doubled-joshi judges
/// (option `min_interval`, default 1). Reported at the second, with a note at the first. Fixed expressions
/// (〜ことがある, 不安になる) and two を in two clauses (「流れを学ぶ教室を開く」) are not doubled. Words come from MeCab's dictionary, so the
/// に of 特に or the が of ありがとう never count, and が as a case marker differs from the conjunction 「…が、」.
struct DoubledParticleRule: StyleRule {
    /// A doubled particle is read by a dictionary-based analyser, which can misread: it advises, it does not block.
    static let description = RuleDescription(
        .styleDoubledParticle, .warning, en: "The same particle (は, が, を, に) twice in a row in a sentence",
        ja: "1つの文の中で続けて使われた同じ助詞（は・が・を・に）", styleOptions: ["min_interval"], needsMeCab: true)
    let proseOnly = true
    let analyzer: MorphologicalAnalyzer

    static let watched: Set<DictionaryText> = ["は", "が", "を", "に"]

    func check(
        _ texts: [ProseText], configuration: StyleConfiguration, severity: Severity,
        into diagnostics: inout [Diagnostic]
    ) {
        let minInterval = configuration.minInterval(id, default: 1)
        for text in texts {
            for sentence in text.sentences {
                let words = analyzer.words(in: text.string(sentence.range))
                // The interval between two particles, as textlint's no-doubled-joshi counts it: 1 for neighbours,
                // plus one for every particle and every 、 between them.
                var position = 0
                var last: [[DictionaryText]: (position: Int, offset: Int, word: Int)] = [:]
                var i = 0
                while i < words.count {
                    if words[i].surface == "、" || words[i].surface == "，" {
                        position += 1
                        i += 1
                        continue
                    }
                    guard words[i].partOfSpeech == "助詞" else { i += 1; continue }
                    // Particles written together (には, では, とは) are one unit, and a unit that is not a lone
                    // は/が/を/に is not checked.
                    var end = i + 1
                    while end < words.count, words[end].partOfSpeech == "助詞",
                        words[end].range.lowerBound == words[end - 1].range.upperBound
                    {
                        end += 1
                    }
                    position += 1
                    if end == i + 1, Self.watched.contains(words[i].surface), !Self.isFixedExpression(words, at: i) {
                        let key = [words[i].surface, words[i].subcategory]
                        let offset = sentence.range.lowerBound + words[i].range.lowerBound
                        if let earlier = last[key], position - earlier.position <= minInterval,
                            !Self.isObjectOfEarlierVerb(words, from: earlier.word, to: i)
                        {
                            let particle = words[i].surface
                            diagnostics.append(
                                Diagnostic(
                                    id, severity, at: text.location(at: offset),
                                    en: "the particle 「\(particle)」 comes twice in a row; rephrase one of them",
                                    ja: "助詞「\(particle)」が続けて使われています。どちらかを言い換えてください",
                                    notes: [
                                        DiagnosticNote(
                                            en: "the first 「\(particle)」 is here", ja: "1つ目の「\(particle)」はここです",
                                            at: text.location(at: earlier.offset))
                                    ]))
                        }
                        last[key] = (position, offset, i)
                    }
                    i = end
                }
            }
        }
    }

    /// Nouns that with が and ある make one modal expression (〜ことがある, 〜おそれがある, 〜必要がある).
    static let modalNouns: Set<DictionaryText> = [
        "こと", "の", "もの", "ところ", "おそれ", "それ", "恐れ", "場合", "必要", "可能性", "心配", "傾向",
    ]

    /// A particle that belongs to a fixed expression rather than to the sentence's structure: が in 〜ことがある /
    /// 〜ことができる, and に that makes an adverb or a predicate (静かに, 不安になる, 〜ように, 〜ずに).
    static func isFixedExpression(_ words: [Morpheme], at i: Int) -> Bool {
        guard i > 0 else { return false }
        let before = words[i - 1]
        switch words[i].surface {
        case "が":
            let next: DictionaryText = i + 1 < words.count ? words[i + 1].baseForm : ""
            return ["ある", "できる", "ない"].contains(next)
                && (modalNouns.contains(before.surface) || before.subcategory == "非自立")
                || next == "できる" && before.subcategory == "サ変接続"
        case "に":
            return before.subcategory == "形容動詞語幹" || before.subcategory2 == "助動詞語幹"
                || before.partOfSpeech == "助動詞"
        default:
            return false
        }
    }

    /// Two を with a verb between them belong to two clauses (「流れを学ぶ教室を開く」), which reads naturally;
    /// only two を on one verb are doubled.
    static func isObjectOfEarlierVerb(_ words: [Morpheme], from first: Int, to second: Int) -> Bool {
        words[second].surface == "を"
            && words[(first + 1)..<second].contains { $0.partOfSpeech == "動詞" && $0.subcategory == "自立" }
    }
}
