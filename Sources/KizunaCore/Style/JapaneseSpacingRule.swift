extension RuleID {
    public static let styleJaSpacing = RuleID("style-ja-spacing")
}

/// `style-ja-spacing`: spacing between Japanese (kana, kanji) and half-width letters or digits, one way throughout:
/// `space: never` (default, 「LINEで」「3か月」) or `always` (「LINE で」「3 か月」); textlint's
/// ja-space-between-half-and-full-width (preset-ja-spacing). Punctuation takes no part, and a space next to a URL, a phone
/// number or a placeholder is always right: it ends the link where LINE and mail programs look for its end. The fix-it removes or adds the
/// space. Sentences only: in titles, names and hours a space separates the parts of a label
/// (「桜ヶ丘市 24時間子育て相談ダイヤル」「平日 8:30〜17:00」).
struct JapaneseSpacingRule: StyleRule {
    static let description = RuleDescription(
        .styleJaSpacing, .error, en: "Spacing between Japanese and half-width letters or digits not as `space` says",
        ja: "日本語と半角英数字の間のスペースが `space` の設定と違う", styleOptions: ["space"])
    let proseOnly = true

    func check(
        _ texts: [ProseText], configuration: StyleConfiguration, severity: Severity,
        into diagnostics: inout [Diagnostic]
    ) {
        let spacing = configuration.spacing(id)
        for text in texts {
            let c = text.characters
            guard c.contains(where: \.isHalfwidthAlphanumeric) else { continue }
            var inURL = [Bool](repeating: false, count: c.count)
            for range in text.nonProseRanges { for i in range { inURL[i] = true } }
            func alphanumeric(_ i: Int) -> Bool { c[i].isHalfwidthAlphanumeric && !inURL[i] }
            switch spacing {
            case .never:
                var i = 1
                while i < c.count {
                    guard c[i] == " " else {
                        i += 1
                        continue
                    }
                    var end = i + 1
                    while end < c.count, c[end] == " " { end += 1 }
                    if end < c.count,
                        c[i - 1].isJapaneseLetter && alphanumeric(end) || alphanumeric(i - 1) && c[end].isJapaneseLetter
                    {
                        diagnostics.append(
                            Diagnostic(
                                id, severity, at: text.location(at: i),
                                en: "a space between Japanese and half-width letters or digits: delete it",
                                ja: "日本語と半角英数字の間にスペースがあります。削除してください",
                                fixIt: text.fixIt(
                                    i..<end, replacement: "",
                                    message: LocalizedText(en: "delete the space", ja: "スペースを削除する"))))
                    }
                    i = end
                }
            case .always:
                for i in 1..<c.count
                where c[i - 1].isJapaneseLetter && alphanumeric(i) || alphanumeric(i - 1) && c[i].isJapaneseLetter {
                    let pair = text.string((i - 1)..<(i + 1))
                    let spaced = String(pair.unicodeScalars.first!) + " " + String(pair.unicodeScalars.last!)
                    diagnostics.append(
                        Diagnostic(
                            id, severity, at: text.location(at: i),
                            en: "no space between Japanese and half-width letters or digits: add one",
                            ja: "日本語と半角英数字の間にスペースがありません。半角スペースを入れてください",
                            fixIt: text.fixIt(
                                (i - 1)..<(i + 1), replacement: spaced,
                                message: LocalizedText(en: "add a space", ja: "半角スペースを入れる"))))
                }
            }
        }
    }
}
