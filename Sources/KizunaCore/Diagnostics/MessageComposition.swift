// Helpers for building diagnostic messages in both languages from pieces.
//
// Japanese conventions used throughout the messages: terse tool style without 「です」 (「〜は使えません」,
// 「〜がありません」, 「〜してください」), YAML keys, ids, URLs and code in ASCII quotes as in English, text quoted
// from a manuscript in 「」, one space between an ASCII-quoted word and Japanese, none beside 、。（）「」.

extension LocalizedText {
    /// Both languages joined piece by piece.
    static func + (lhs: LocalizedText, rhs: LocalizedText) -> LocalizedText {
        LocalizedText(en: lhs.en + rhs.en, ja: lhs.ja + rhs.ja)
    }

    static func += (lhs: inout LocalizedText, rhs: LocalizedText) {
        lhs = lhs + rhs
    }

    /// The same text with the Japanese side's spacing tidied (see `Japanese.tidy`).
    var tidied: LocalizedText {
        LocalizedText(en: en, ja: Japanese.tidy(ja))
    }

    /// "; did you mean 'x'?" after a sentence, in both languages.
    static func didYouMean(_ suggestion: String) -> LocalizedText {
        LocalizedText(en: "; did you mean '\(suggestion)'?", ja: "。'\(suggestion)' の誤りではありませんか")
    }

    /// `didYouMean` when there is a suggestion, nothing otherwise.
    static func didYouMean(_ suggestion: String?) -> LocalizedText {
        suggestion.map { didYouMean($0) } ?? LocalizedText(en: "", ja: "")
    }

    /// The fix-it message "replace with 'x'".
    static func replaceWith(_ replacement: String) -> LocalizedText {
        LocalizedText(en: "replace with '\(replacement)'", ja: "'\(replacement)' に置き換える")
    }
}

/// The Japanese side of messages.
enum Japanese {
    /// A value written in a content file, quoted for a Japanese message: 「…」 when it holds any non-ASCII character
    /// (text an editor wrote in Japanese), '…' otherwise (keys, ids, numbers, URLs). Write spaces around the result;
    /// `tidy` removes the ones beside 「」.
    static func quote(_ value: String) -> String {
        value.unicodeScalars.allSatisfy(\.isASCII) ? "'\(value)'" : "「\(value)」"
    }

    /// Punctuation that takes no space on either side.
    private static let tight: Set<Character> = ["、", "。", "，", "．", "（", "）", "「", "」", "『", "』", "：", "！", "？", "\n"]

    /// Runs of spaces made one; spaces between two Japanese characters, beside Japanese punctuation and at either
    /// end removed: pieces can then be joined with spaces around every ASCII-quoted word whatever ends up next to it.
    /// Text inside 「」 (quoted from a manuscript) is left as it is.
    static func tidy(_ text: String) -> String {
        var out: [Character] = []
        var pendingSpace = false
        var quoted = 0
        for c in text {
            if c == " " && quoted == 0 {
                pendingSpace = true
                continue
            }
            if pendingSpace, let last = out.last, !tight.contains(last), !tight.contains(c), last.isASCII || c.isASCII {
                out.append(" ")
            }
            pendingSpace = false
            if c == "「" { quoted += 1 }
            if c == "」" { quoted = max(0, quoted - 1) }
            out.append(c)
        }
        return String(out)
    }
}
