extension RuleID {
    public static let styleRaNuki = RuleID("style-ra-nuki")
}

/// `style-ra-nuki`: ら抜き言葉, the potential of a 一段 verb or of 来る written without ら (「見れる」「来れる」
/// 「食べれる」 for 見られる, 来られる, 食べられる), as textlint's no-dropping-the-ra finds it: a 一段 verb's 未然形
/// followed by the suffix れる, or one of the ら抜き forms MeCab's dictionary holds as one word. A 五段 verb's
/// potential (取れる, 知れる) is a word of its own and is right. The verb's conjugation is only known from MeCab's
/// dictionary; a pattern would take 取れる for ら抜き, so without MeCab the rule is skipped.
struct RaNukiRule: StyleRule {
    /// An analyser can misread a word: it advises, it does not block.
    static let description = RuleDescription(
        .styleRaNuki, .warning, en: "ら抜き言葉: a potential written without ら (見れる for 見られる)",
        ja: "ら抜き言葉（見られる → 見れる）", styleOptions: [], needsMeCab: true)
    let proseOnly = true
    let analyzer: MorphologicalAnalyzer

    /// ら抜き forms the IPA dictionary holds as one verb (原形).
    static let dictionaryForms: Set<DictionaryText> = ["見れる", "来れる", "みれる", "これる"]

    func check(
        _ texts: [ProseText], configuration: StyleConfiguration, severity: Severity,
        into diagnostics: inout [Diagnostic]
    ) {
        for text in texts {
            for sentence in text.sentences {
                let words = analyzer.words(in: text.string(sentence.range))
                for (i, word) in words.enumerated() where word.partOfSpeech == "動詞" {
                    let written: String
                    let right: String
                    let start: Int
                    if word.subcategory == "接尾", word.baseForm == "れる", i > 0,
                        words[i - 1].partOfSpeech == "動詞", words[i - 1].subcategory == "自立",
                        words[i - 1].conjugationType == "一段" || words[i - 1].conjugationType.string.hasPrefix("カ変"),
                        words[i - 1].conjugationForm == "未然形",
                        words[i - 1].range.upperBound == word.range.lowerBound
                    {
                        written = words[i - 1].surface.string + word.surface.string
                        right = words[i - 1].surface.string + "ら" + word.surface.string
                        start = words[i - 1].range.lowerBound
                    } else if word.subcategory == "自立", Self.dictionaryForms.contains(word.baseForm) {
                        written = word.surface.string
                        // 見れ|ない → 見られ|ない: ら goes after the stem's first character.
                        right = String(written.prefix(1)) + "ら" + String(written.dropFirst())
                        start = word.range.lowerBound
                    } else {
                        continue
                    }
                    diagnostics.append(
                        Diagnostic(
                            id, severity, at: text.location(at: sentence.range.lowerBound + start),
                            en: "「\(written)」 drops the ら of the potential: write 「\(right)」",
                            ja: "「\(written)」はら抜き言葉です。「\(right)」と書いてください"))
                }
            }
        }
    }
}
