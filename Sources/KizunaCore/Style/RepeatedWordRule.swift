extension RuleID {
    public static let styleRepeatedWord = RuleID("style-repeated-word")
}

/// `style-repeated-word`: a particle or ending typed twice by accident (「赤ちゃんのの」「ですです」「をを」);
/// textlint's ja-no-successive-word. Only words that never form a word when doubled are looked for, so that
/// ここ, いろいろ, どんどん, ときどき, ますます, などなど, もも (桃) or はは (母) are left alone, and ものの (although)
/// is a word, not のの. Read without MeCab. No fix-it: which of the two was meant is for the editor to see
/// (「赤ちゃんのの様子」 may have lost a word between them).
struct RepeatedWordRule: StyleRule {
    static let description = RuleDescription(
        .styleRepeatedWord, .error, en: "A word typed twice by accident (のの, ですです)",
        ja: "誤って続けて2回書かれた語（のの、ですです）", styleOptions: [])
    let proseOnly = false

    /// Longest first: ですです is found before a doubled す could be.
    static let words: [[Unicode.Scalar]] = [
        "ください", "でした", "ました", "ません", "です", "から", "まで", "ので", "のに", "けど", "ため", "して", "を", "が", "の",
        "に", "で", "へ",
    ].map { Array($0.unicodeScalars) }

    /// Doubled forms that are words, by what comes before and after the doubling. A one-kana particle doubled
    /// before hiragana is most often the particle and the start of the next word (赤ちゃんののど, 家でできる,
    /// ママががんばる), so it is reported only before a kanji, katakana, punctuation or the end; を starts no word.
    static func isWord(_ c: [Unicode.Scalar], at i: Int, _ word: [Unicode.Scalar]) -> Bool {
        let before = i > 0 ? c[i - 1] : " "
        let after = i + 2 * word.count < c.count ? c[i + 2 * word.count] : " "
        if word.count == 1, word != ["を"], (0x3041...0x309F).contains(after.value) { return true }
        switch String(String.UnicodeScalarView(word)) {
        case "の": return before == "も"  // ものの (although), ものの見方
        case "から": return true  // からから (に乾く)
        default: return false
        }
    }

    func check(
        _ texts: [ProseText], configuration: StyleConfiguration, severity: Severity,
        into diagnostics: inout [Diagnostic]
    ) {
        for text in texts {
            let c = text.characters
            var i = 0
            while i < c.count {
                guard
                    let word = Self.words.first(where: { w in
                        c[i...].starts(with: w) && c[(i + w.count)...].starts(with: w)
                    }), !Self.isWord(c, at: i, word)
                else {
                    i += 1
                    continue
                }
                let second = (i + word.count)..<(i + 2 * word.count)
                let written = text.string(second)
                diagnostics.append(
                    Diagnostic(
                        id, severity, at: text.location(at: second.lowerBound),
                        en: "「\(written)」 is written twice in a row: delete one",
                        ja: "「\(written)」が2回続いています。1つ削除してください"))
                i = second.upperBound
            }
        }
    }
}
