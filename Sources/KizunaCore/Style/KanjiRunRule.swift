extension RuleID {
    public static let styleKanjiRun = RuleID("style-kanji-run")
}

/// `style-kanji-run`: more than `max` kanji in a row (default 6: 母子健康手帳 passes, 乳幼児健康診査受診票 does not),
/// which a parent must stop to parse; textlint's max-kanji-continuous-len. Break the compound with kana
/// (乳幼児健康診査の受診票). 々 counts as a kanji. Established compounds that cannot be broken (乳幼児突然死症候群,
/// 特定非営利活動法人) are listed in `allow`: a run passes when what is left of it around them is short enough.
/// Sentences only: titles, headings and names hold official names (特定非営利活動法人, 妊婦健診受診票) as labels.
struct KanjiRunRule: StyleRule {
    static let description = RuleDescription(
        .styleKanjiRun, .warning, en: "More than `max` kanji in a row", ja: "`max` 字を超えて続く漢字",
        styleOptions: ["max", "allow"])
    let proseOnly = true

    /// The longest part of `run` outside the allowed compounds.
    static func longestPiece(_ run: [Unicode.Scalar], without allowed: [[Unicode.Scalar]]) -> Int {
        var longest = 0, piece = 0, i = 0
        while i < run.count {
            if let word = allowed.first(where: { run[i...].starts(with: $0) }) {
                longest = Swift.max(longest, piece)
                piece = 0
                i += word.count
            } else {
                piece += 1
                i += 1
            }
        }
        return Swift.max(longest, piece)
    }

    func check(
        _ texts: [ProseText], configuration: StyleConfiguration, severity: Severity,
        into diagnostics: inout [Diagnostic]
    ) {
        let max = configuration.max(id, default: 6)
        let allowed = configuration.allowed(id).map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
        for text in texts {
            let c = text.characters
            var i = 0
            while i < c.count {
                guard c[i].isKanji else {
                    i += 1
                    continue
                }
                var end = i + 1
                while end < c.count, c[end].isKanji { end += 1 }
                if end - i > max, Self.longestPiece(Array(c[i..<end]), without: allowed) > max {
                    let written = text.string(i..<end)
                    diagnostics.append(
                        Diagnostic(
                            id, severity, at: text.location(at: i),
                            en: "「\(written)」 is \(end - i) kanji in a row (at most \(max)): break it up with kana",
                            ja: "「\(written)」は漢字が\(end - i)字続いています（\(max)字まで）。かなを入れて区切ってください"))
                }
                i = end
            }
        }
    }
}
