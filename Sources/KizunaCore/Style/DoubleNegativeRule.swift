extension RuleID {
    public static let styleDoubleNegative = RuleID("style-double-negative")
}

/// `style-double-negative`: 二重否定 (「ないわけではない」「なくはない」「ないことはない」), which makes a parent work out
/// whether something is so; textlint's no-double-negative-ja. The forms are fixed phrases, so they are found as
/// written, in plain and polite style, without MeCab.
struct DoubleNegativeRule: StyleRule {
    static let description = RuleDescription(
        .styleDoubleNegative, .warning, en: "A double negative (ないわけではない, なくはない)",
        ja: "二重否定（ないわけではない、なくはない）", styleOptions: [])
    let proseOnly = true

    /// The first negative and what negates it again: 〜ない + わけではない and its polite and あり forms.
    static let phrases: [String] = {
        let negated = ["ない", "ありません", "ないです", "なかった", "ありませんでした"]
        var phrases: [String] = []
        for first in ["ない", "なく"] {
            let links =
                first == "ない"
                ? [
                    "わけではな", "わけでもな", "わけじゃな", "わけではありません", "わけでもありません", "ことはな", "こともな",
                    "ことはありません", "こともありません",
                ]
                : ["はな", "もな", "はありません", "もありません"]
            for link in links {
                if link.hasSuffix("な") {
                    phrases += negated.filter { $0.hasPrefix("な") }.map { link + String($0.dropFirst()) }
                        .map { first + $0 }
                } else {
                    phrases.append(first + link)
                }
            }
        }
        return phrases
    }()

    /// Adjectives ending in ない whose なく is not a negation (危なくはない is only "not dangerous").
    static let adjectiveStems: [String] = ["もったい", "しかた", "しょうが", "すく", "あぶ", "せつ", "なさけ", "たより", "おさ"]

    /// Whether the なく at `i` negates a verb (できなく, 行かなく) rather than ending an adjective (少なく, 危なく).
    static func negatesVerb(_ c: [Unicode.Scalar], at i: Int) -> Bool {
        guard i > 0, (0x3041...0x309F).contains(c[i - 1].value) else { return false }
        let before = String(String.UnicodeScalarView(c[max(0, i - 4)..<i]))
        return !adjectiveStems.contains { before.hasSuffix($0) }
    }

    func check(
        _ texts: [ProseText], configuration: StyleConfiguration, severity: Severity,
        into diagnostics: inout [Diagnostic]
    ) {
        let phrases = Self.phrases.map { Array($0.unicodeScalars) }
        for text in texts {
            let c = text.characters
            var i = 0
            while i < c.count {
                guard c[i] == "な", let phrase = phrases.first(where: { c[i...].starts(with: $0) }),
                    phrase[1] == "い" || Self.negatesVerb(c, at: i)
                else {
                    i += 1
                    continue
                }
                let written = text.string(i..<(i + phrase.count))
                diagnostics.append(
                    Diagnostic(
                        id, severity, at: text.location(at: i),
                        en: "「\(written)」 is a double negative: say it in the affirmative",
                        ja: "「\(written)」は二重否定です。肯定の形で言い切ってください"))
                i += phrase.count
            }
        }
    }
}
