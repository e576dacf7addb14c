import Foundation

extension RuleID {
    public static let styleKangxiRadical = RuleID("style-kangxi-radical")
}

/// `style-kangxi-radical`: a Kangxi radical (U+2F00–U+2FDF) or a CJK radical (U+2E80–U+2EFF) where a kanji was
/// meant: ⽇ looks like 日 but is another character, which search, sorting and screen readers do not take for 日
/// (PDF copy and some IMEs produce them); textlint's no-kangxi-radicals. The fix-it writes the kanji Unicode maps
/// it to (NFKC); a radical with no such kanji is reported without one.
struct KangxiRadicalRule: StyleRule {
    static let description = RuleDescription(
        .styleKangxiRadical, .error, en: "A Kangxi or CJK radical where a kanji was meant (⽇ for 日)",
        ja: "漢字のかわりに使われた康熙部首・CJK部首（日 のかわりの ⽇）", styleOptions: [])
    let proseOnly = false

    static func isRadical(_ c: Unicode.Scalar) -> Bool {
        (0x2F00...0x2FDF).contains(c.value) || (0x2E80...0x2EFF).contains(c.value)
    }

    func check(
        _ texts: [ProseText], configuration: StyleConfiguration, severity: Severity,
        into diagnostics: inout [Diagnostic]
    ) {
        for text in texts {
            for (i, c) in text.characters.enumerated() where Self.isRadical(c) {
                let code = String(format4: c.value)
                let kanji = String(c).precomposedStringWithCompatibilityMapping
                let fix =
                    kanji.unicodeScalars.count == 1 && kanji.unicodeScalars.first!.isKanji
                    ? text.fixIt(
                        i..<(i + 1), replacement: kanji,
                        message: LocalizedText(en: "replace with the kanji 「\(kanji)」", ja: "漢字「\(kanji)」に置き換える"))
                    : nil
                diagnostics.append(
                    Diagnostic(
                        id, severity, at: text.location(at: i),
                        en: fix == nil
                            ? "「\(c)」 (U+\(code)) is a radical, not a kanji: retype the kanji"
                            : "「\(c)」 (U+\(code)) is a radical, not the kanji 「\(kanji)」: replace it",
                        ja: fix == nil
                            ? "「\(c)」（U+\(code)）は部首で、漢字ではありません。漢字を入力し直してください"
                            : "「\(c)」（U+\(code)）は部首で、漢字の「\(kanji)」ではありません。置き換えてください",
                        fixIt: fix))
            }
        }
    }
}
